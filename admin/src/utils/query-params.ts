/**
 * Strapi's `useQueryParams` merges the next params into the current query and writes the
 * URL without encoding it, and the current query it holds is already decoded. Free text the
 * user typed (`_q`) would then break the URL at its first `&`, `#` or `%`, so it is encoded
 * again on every write. (Strapi 5.52.3+ has `withEncodedUserParams` for this; the plugin
 * supports older releases, README Compatibility.)
 */
export function keepSearchEncoded<TQuery extends { _q?: string }, TNext extends object>(
  query: TQuery,
  next: TNext
): TNext & { _q?: string } {
  if (query._q === undefined || '_q' in next) return next;
  return { _q: encodeURIComponent(query._q), ...next };
}
