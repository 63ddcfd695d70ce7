/**
 * URL and path templates (SPEC 5 `articleUrl`, SPEC 10 article links, SPEC 11 revalidation
 * `paths`): text with placeholders in braces, `{siteUrl}/news/{yyyy}/{slug}`. The one grammar
 * of both settings, and the rules of the URLs they give, live here without any library,
 * because the admin's settings form checks a template as the editor types it and the server
 * renders every link and path with the same code (server/src/core/url-template.ts gives
 * each placeholder its value).
 *
 * `{siteUrl}` may only open a template and is inserted as it is, without trailing slashes;
 * every other value is percent-encoded as one path segment, so no value can add a `/`, `?`
 * or `#` of its own.
 */
import { isHttpUrl } from './http-url';

/** The placeholders of an article's URL (SPEC 5), apart from `{siteUrl}`. */
export const ARTICLE_PLACEHOLDERS = ['slug', 'documentId', 'language', 'category', 'yyyy', 'mm', 'dd'] as const;

export type ArticlePlaceholder = (typeof ARTICLE_PLACEHOLDERS)[number];

/** The frontend's address (the `siteUrl` setting): inserted as it is, never encoded, and only at the start. */
export const SITE_URL_PLACEHOLDER = 'siteUrl';

/** Every placeholder of `articleUrl` and of revalidation paths (SPEC 5, 11). */
export const URL_PLACEHOLDERS = [SITE_URL_PLACEHOLDER, ...ARTICLE_PLACEHOLDERS] as const;

export type UrlPlaceholder = (typeof URL_PLACEHOLDERS)[number];

/** A value for every placeholder, as an article link is built. */
export type UrlValues = Record<UrlPlaceholder, string>;

export type TemplatePart = { text: string } | { placeholder: string };

export type TemplateScan = { ok: true; parts: TemplatePart[]; placeholders: string[] } | { ok: false; message: string };

export const DEFAULT_ARTICLE_URL = '{siteUrl}/news/{slug}';
export const MAX_ARTICLE_URL_LENGTH = 500;
export const MAX_SITE_URL_LENGTH = 500;

const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * Splits a template into text and placeholders, in one pass and without a regular
 * expression over the template. A brace that does not open or close a placeholder, an
 * empty or nested one, `{siteUrl}` anywhere but at the start, and a name outside `allowed`
 * are errors whose message names the problem.
 */
export function scanTemplate(template: string, allowed: readonly string[] = URL_PLACEHOLDERS): TemplateScan {
  const parts: TemplatePart[] = [];
  const placeholders: string[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const char = template[i];
    if (char === '}') return { ok: false, message: `has a "}" without its "{" at character ${i + 1}` };
    if (char !== '{') {
      text += char;
      i += 1;
      continue;
    }
    const end = template.indexOf('}', i + 1);
    const nested = template.indexOf('{', i + 1);
    if (end === -1 || (nested !== -1 && nested < end)) {
      return { ok: false, message: `has a "{" that is never closed (a "{" without its "}") at character ${i + 1}` };
    }
    const name = template.slice(i + 1, end);
    if (!allowed.includes(name)) {
      return { ok: false, message: `has an unknown placeholder {${shorten(name)}} (known: ${allowed.map((known) => `{${known}}`).join(', ')})` };
    }
    if (name === SITE_URL_PLACEHOLDER && i !== 0) return { ok: false, message: `may use {${SITE_URL_PLACEHOLDER}} only at its start` };
    if (text !== '') parts.push({ text });
    text = '';
    parts.push({ placeholder: name });
    if (!placeholders.includes(name)) placeholders.push(name);
    i = end + 1;
  }
  if (text !== '') parts.push({ text });
  return { ok: true, parts, placeholders };
}

/** `https://example.com/` and `https://example.com` alike end without a slash, so `{siteUrl}/news` has one. */
export const withoutTrailingSlashes = (url: string): string => {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end -= 1;
  return url.slice(0, end);
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** encodeURIComponent throws on a lone surrogate: a value read from the database never makes a URL fail. */
const encodeSegment = (value: string) => encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));

/**
 * The scanned template with `values` filled in: `{siteUrl}` without its trailing slashes,
 * every other value encoded as one path segment. Null when a placeholder has no value.
 */
export function fillTemplate(parts: ReadonlyArray<TemplatePart>, values: Readonly<Record<string, string | undefined>>): string | null {
  let out = '';
  for (const part of parts) {
    if ('text' in part) {
      out += part.text;
      continue;
    }
    const value = values[part.placeholder];
    if (value === undefined) return null;
    out += part.placeholder === SITE_URL_PLACEHOLDER ? withoutTrailingSlashes(value) : encodeSegment(value);
  }
  return out;
}

/** Collapses `//` in the path (never in `https://`), up to the query or fragment. */
function collapseSlashes(url: string): string {
  const scheme = url.indexOf('://');
  const pathStart = scheme === -1 ? 0 : url.indexOf('/', scheme + 3);
  if (pathStart === -1) return url;
  let pathEnd = url.length;
  for (let i = pathStart; i < url.length; i += 1) {
    if (url[i] === '?' || url[i] === '#') {
      pathEnd = i;
      break;
    }
  }
  return url.slice(0, pathStart) + url.slice(pathStart, pathEnd).replace(/\/{2,}/g, '/') + url.slice(pathEnd);
}

/**
 * The link of one article (SPEC 5, 10). An empty value (an article without a category)
 * leaves an empty segment, and runs of `/` in the path are collapsed: never a `//`.
 */
export function renderArticleUrl(parts: ReadonlyArray<TemplatePart>, values: UrlValues): string {
  return collapseSlashes(fillTemplate(parts, values) ?? '');
}

export type UrlCheck = { ok: true; value: string } | { ok: false; message: string };

/**
 * `siteUrl`: where the frontend lives, as readers reach it. No query, fragment or
 * credentials (an article path is appended to it); trailing slashes are dropped.
 */
export function checkSiteUrl(value: string): UrlCheck {
  const trimmed = value.trim();
  const accepted = 'must be the absolute http(s) URL of the frontend, such as "https://www.example.com" (no query or #fragment)';
  if (trimmed.length > MAX_SITE_URL_LENGTH) return { ok: false, message: `${accepted}, at most ${MAX_SITE_URL_LENGTH} characters` };
  if (!isHttpUrl(trimmed)) return { ok: false, message: accepted };
  const url = new URL(trimmed);
  if (url.search !== '' || url.hash !== '' || trimmed.includes('?') || trimmed.includes('#')) return { ok: false, message: accepted };
  if (url.username !== '' || url.password !== '') return { ok: false, message: `${accepted}; without a user name or password` };
  return { ok: true, value: withoutTrailingSlashes(trimmed) };
}

/** Values that exercise every placeholder, to check what a template gives. */
const SAMPLE: Omit<UrlValues, 'siteUrl'> = {
  slug: 'an-article',
  documentId: 'a1b2c3d4e5f6g7h8i9j0k1l2',
  language: 'en',
  category: 'international',
  yyyy: '2026',
  mm: '04',
  dd: '27',
};

/**
 * `articleUrl`: known placeholders only, names the article (`{slug}` or `{documentId}`:
 * otherwise every article would get the same link), and gives an absolute http(s) URL
 * with `siteUrl` (or an example one while `siteUrl` is not set).
 */
export function checkArticleUrl(template: string, siteUrl: string | null): UrlCheck {
  const trimmed = template.trim();
  if (trimmed === '' || trimmed.length > MAX_ARTICLE_URL_LENGTH) {
    return { ok: false, message: `must be a URL template of 1 to ${MAX_ARTICLE_URL_LENGTH} characters, such as "${DEFAULT_ARTICLE_URL}"` };
  }
  const scan = scanTemplate(trimmed);
  if (!scan.ok) return { ok: false, message: scan.message };
  if (!scan.placeholders.includes('slug') && !scan.placeholders.includes('documentId')) {
    return { ok: false, message: 'must contain {slug} or {documentId}, so that each article gets a link of its own' };
  }
  const example = renderArticleUrl(scan.parts, { ...SAMPLE, siteUrl: siteUrl ?? 'https://www.example.com' });
  if (!isHttpUrl(example)) {
    return { ok: false, message: `must give an absolute http(s) URL: start it with {siteUrl} or https:// (it gives ${JSON.stringify(shorten(example))})` };
  }
  return { ok: true, value: trimmed };
}
