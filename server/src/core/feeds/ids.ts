/**
 * Stable ids of feed items and feeds (SPEC 10). An item's id must survive title and slug
 * changes, so it comes from the documentId alone: a name-based UUID (RFC 9562 version 5,
 * SHA-1) in the `urn:uuid:` form, a valid Atom id and RSS guid that does not change with
 * the `siteUrl` either. The same documentId gives the same id on every instance, forever.
 */
import { createHash } from 'node:crypto';

/** The plugin's own namespace for version 5 UUIDs (a random UUID, fixed here once and for all). */
const NEWSROOM_NAMESPACE = '1b0f6c52-7d4e-4d4a-9a7e-3f0f4c8e2a61';

/** RFC 9562 UUID version 5 of `name` in `namespace` (the newsroom's own by default). */
export function uuidV5(name: string, namespace = NEWSROOM_NAMESPACE): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `urn:uuid:…` of one article, from its documentId. */
export const articleItemId = (documentId: string): string => `urn:uuid:${uuidV5(`article:${documentId}`)}`;

/** `urn:uuid:…` of a feed: one per filter (category slugs in any order, language), whatever the format or limit. */
export function feedId(filters: { categories: ReadonlyArray<string>; language: string | null }): string {
  const categories = [...filters.categories].sort().join(',');
  return `urn:uuid:${uuidV5(`feed:${categories}|${filters.language ?? ''}`)}`;
}
