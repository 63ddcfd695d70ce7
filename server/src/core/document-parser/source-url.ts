import { quote } from './lines';

/**
 * The target of the first Markdown link: `[text](url)`, `[text](url "title")` or
 * `[text](<url>)`; a bare URL may hold one level of parentheses (`…/wiki/Foo_(bar)`).
 */
const MARKDOWN_LINK =
  /\[[^[\]]*\]\(\s*(?:<([^<>]*)>|((?:[^\s()<>]|\([^\s()<>]*\))*))(?:\s+["'][^"']*["'])?\s*\)/u;
const BARE_URL = /^\S+:\/\/\S+$/u;
const HTTP_SCHEME = /^https?:\/\//iu;

export type SourceUrlResult = { url: string | null; warning?: string };

function isAbsoluteHttpUrl(candidate: string): boolean {
  if (!HTTP_SCHEME.test(candidate) || /\s/u.test(candidate)) return false;
  try {
    return new URL(candidate).hostname !== '';
  } catch {
    return false;
  }
}

/**
 * `Show on website : [Click Here](https://…)` → the URL, as written. A link to
 * `#`, an empty link or no link at all means the source has no page to show; a
 * link anywhere else than an absolute http(s) URL is dropped with a warning,
 * since frontends would render it as a clickable link.
 */
export function parseShowOnWebsite(value: string): SourceUrlResult {
  const link = MARKDOWN_LINK.exec(value);
  const target = link ? (link[1] ?? link[2] ?? '').trim() : BARE_URL.test(value) ? value : '';
  if (target === '' && !link && value.includes('](')) {
    return { url: null, warning: `Show on website: no link could be read from ${quote(value)}; it is ignored` };
  }
  if (target === '' || target === '#') return { url: null };
  if (isAbsoluteHttpUrl(target)) return { url: target };
  return {
    url: null,
    warning: `Show on website: ${quote(target)} is not an absolute http(s) URL and is ignored`,
  };
}
