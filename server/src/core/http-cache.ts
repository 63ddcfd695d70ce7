/**
 * HTTP caching of snippet answers (SPEC 4.2): a strong ETag derived from the
 * body, so two instances serving the same data agree on it and a CDN can
 * revalidate against any of them, and `If-None-Match` matching per RFC 9110.
 */
import { createHash } from 'node:crypto';

/** A strong validator: the exact bytes of the body decide it. */
export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * Whether `If-None-Match` matches `etag`: `*`, or any listed tag equal to it
 * under the weak comparison RFC 9110 prescribes for this header (`W/` ignored).
 */
export function matchesIfNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const value = Array.isArray(header) ? header.join(',') : header;
  const trimmed = value.trim();
  if (trimmed === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return trimmed.split(',').some((tag) => opaque(tag) === wanted);
}

export function cacheControl(maxAgeSeconds: number): string {
  return `public, max-age=${Math.max(0, Math.floor(maxAgeSeconds))}`;
}
