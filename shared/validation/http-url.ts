/**
 * An absolute http(s) URL with a host: the only kind of link the plugin stores or serves
 * (SPEC 2 `sourceUrl`, SPEC 5 `siteUrl` and article links, SPEC 11 revalidation URLs).
 */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
