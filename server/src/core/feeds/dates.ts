/** Each format's own date format (SPEC 10). */

/** RFC 822 (as RFC 1123 refines it, four-digit year, GMT): `Mon, 27 Apr 2026 20:43:39 GMT`, for RSS 2.0 and HTTP. */
export const rfc822 = (date: Date): string => date.toUTCString();

/** RFC 3339 in UTC: `2026-04-27T20:43:39.000Z`, for Atom, JSON Feed and sitemaps. */
export const rfc3339 = (date: Date): string => date.toISOString();
