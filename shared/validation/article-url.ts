/**
 * Article links (SPEC 5, 10): the `siteUrl` and `articleUrl` settings. The template
 * grammar and its rendering live here, without any library, because the admin's settings
 * form checks a template as the editor types it and the server renders every feed and
 * sitemap link with the same code (server/src/core/article-url.ts gives it the values).
 *
 * A template is text with placeholders in braces: `{siteUrl}/news/{yyyy}/{slug}`.
 * `{siteUrl}` may only open the template; every other value is percent-encoded as one path
 * segment, and runs of `/` in the path are collapsed, so an empty value (an article without
 * a category) never leaves `//` behind.
 */

export const ARTICLE_URL_PLACEHOLDERS = ['siteUrl', 'slug', 'documentId', 'language', 'category', 'yyyy', 'mm', 'dd'] as const;
export type ArticleUrlPlaceholder = (typeof ARTICLE_URL_PLACEHOLDERS)[number];
export type ArticleUrlValues = Record<ArticleUrlPlaceholder, string>;

export type TemplatePart = { text: string } | { placeholder: ArticleUrlPlaceholder };
export type ParsedTemplate = { ok: true; parts: TemplatePart[] } | { ok: false; message: string };

export const DEFAULT_ARTICLE_URL = '{siteUrl}/news/{slug}';
export const MAX_ARTICLE_URL_LENGTH = 500;
export const MAX_SITE_URL_LENGTH = 500;

const KNOWN: ReadonlySet<string> = new Set(ARTICLE_URL_PLACEHOLDERS);
const LIST = ARTICLE_URL_PLACEHOLDERS.map((name) => `{${name}}`).join(', ');

const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Splits a template into text and placeholders; one pass, no regular expression over the template. */
export function parseArticleUrlTemplate(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  let text = '';
  let index = 0;
  while (index < template.length) {
    const char = template[index];
    if (char === '}') return { ok: false, message: `has a "}" without its "{" at character ${index + 1}` };
    if (char !== '{') {
      text += char;
      index += 1;
      continue;
    }
    const close = template.indexOf('}', index + 1);
    const open = template.indexOf('{', index + 1);
    if (close === -1 || (open !== -1 && open < close)) {
      return { ok: false, message: `has a "{" that is never closed at character ${index + 1}` };
    }
    const name = template.slice(index + 1, close);
    if (!KNOWN.has(name)) return { ok: false, message: `has an unknown placeholder {${shorten(name)}} (known: ${LIST})` };
    if (name === 'siteUrl' && index !== 0) return { ok: false, message: 'may use {siteUrl} only at its start' };
    if (text !== '') parts.push({ text });
    text = '';
    parts.push({ placeholder: name as ArticleUrlPlaceholder });
    index = close + 1;
  }
  if (text !== '') parts.push({ text });
  return { ok: true, parts };
}

/** `https://example.com/` and `https://example.com` alike end without a slash, so `{siteUrl}/news` has one. */
export const withoutTrailingSlashes = (url: string): string => {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end -= 1;
  return url.slice(0, end);
};

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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** encodeURIComponent throws on a lone surrogate: a value read from the database never makes a link fail. */
const encodeSegment = (value: string) => encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));

/** The link of one article. Every value but `siteUrl` is encoded as a path segment. */
export function renderArticleUrl(parts: ReadonlyArray<TemplatePart>, values: ArticleUrlValues): string {
  let url = '';
  for (const part of parts) {
    if ('text' in part) url += part.text;
    else if (part.placeholder === 'siteUrl') url += withoutTrailingSlashes(values.siteUrl);
    else url += encodeSegment(values[part.placeholder]);
  }
  return collapseSlashes(url);
}

/** An absolute http(s) URL with a host. */
export function isAbsoluteHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
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
  if (!isAbsoluteHttpUrl(trimmed)) return { ok: false, message: accepted };
  const url = new URL(trimmed);
  if (url.search !== '' || url.hash !== '' || trimmed.includes('?') || trimmed.includes('#')) return { ok: false, message: accepted };
  if (url.username !== '' || url.password !== '') return { ok: false, message: `${accepted}; without a user name or password` };
  return { ok: true, value: withoutTrailingSlashes(trimmed) };
}

/** Values that exercise every placeholder, to check what a template gives. */
const SAMPLE: Omit<ArticleUrlValues, 'siteUrl'> = {
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
  const parsed = parseArticleUrlTemplate(trimmed);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const names = new Set(parsed.parts.flatMap((part) => ('placeholder' in part ? [part.placeholder] : [])));
  if (!names.has('slug') && !names.has('documentId')) {
    return { ok: false, message: 'must contain {slug} or {documentId}, so that each article gets a link of its own' };
  }
  const example = renderArticleUrl(parsed.parts, { ...SAMPLE, siteUrl: siteUrl ?? 'https://www.example.com' });
  if (!isAbsoluteHttpUrl(example)) {
    return { ok: false, message: `must give an absolute http(s) URL: start it with {siteUrl} or https:// (it gives ${JSON.stringify(shorten(example))})` };
  }
  return { ok: true, value: trimmed };
}
