/**
 * How the sitemap is split (SPEC 10, sitemaps.org): one `urlset` of at most 50,000 URLs;
 * beyond that, `sitemap.xml` is an index of parts `sitemap-<n>.xml`, n from 1, each a
 * `urlset` of up to 50,000 URLs in id order. The part size can be lowered for tests
 * (`NEWSROOM_SITEMAP_PART_SIZE`), never raised past the protocol's limit.
 */

export const MAX_SITEMAP_URLS = 50_000;
export const MAX_NEWS_URLS = 1_000;
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

/** The part size from the environment knob, or the protocol's limit. */
export function sitemapPartSize(env: string | undefined): number {
  if (env === undefined || !/^[1-9][0-9]{0,5}$/.test(env)) return MAX_SITEMAP_URLS;
  return Math.min(Number(env), MAX_SITEMAP_URLS);
}

/** Parts needed for `total` published articles: at least one (an empty sitemap is a valid, empty urlset). */
export const partCount = (total: number, partSize: number): number => Math.max(1, Math.ceil(total / partSize));

/** Whether `sitemap.xml` is an index rather than the sitemap itself. */
export const needsIndex = (total: number, partSize: number): boolean => total > partSize;

/** `3` of `sitemap-3.xml`: plain digits without a leading zero, or null. */
export function parsePartNumber(text: unknown): number | null {
  if (typeof text !== 'string' || !/^[1-9][0-9]{0,5}$/.test(text)) return null;
  return Number(text);
}

/**
 * The `news:language` of a stored code: Google News takes ISO 639 codes, and `zh-cn` /
 * `zh-tw` for the two written forms of Chinese; a region is dropped otherwise (`en-gb` → `en`).
 */
export function newsLanguage(code: string): string {
  const lower = code.toLowerCase();
  if (lower === 'zh-cn' || lower === 'zh-hans' || lower.startsWith('zh-hans-')) return 'zh-cn';
  if (lower === 'zh-tw' || lower === 'zh-hant' || lower.startsWith('zh-hant-')) return 'zh-tw';
  return lower.split('-')[0];
}
