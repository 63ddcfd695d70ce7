import { isWhiteSpaceCode } from '../text-scan';
import { quote } from './lines';

const HTTP_SCHEME = /^https?:\/\//iu;

export type SourceUrlResult = { url: string | null; warning?: string };

/*
 * The first Markdown link, read by hand: `[text](url)`, `[text](url "title")`
 * or `[text](<url>)`; a bare URL may hold one level of parentheses
 * (`…/wiki/Foo_(bar)`). As one regular expression, the optional white space
 * around the URL and the title overlaps, and a long run of spaces after `](`
 * takes quadratic time. Each scan below stops at the first character that
 * ends its part, so the whole line is read a bounded number of times.
 */

const isSpaceAt = (text: string, at: number) => at < text.length && isWhiteSpaceCode(text.charCodeAt(at));
const isQuote = (ch: string | undefined) => ch === '"' || ch === "'";
/** Characters of a bare URL: no white space, parentheses or angle brackets. */
const isUrlCharacterAt = (text: string, at: number) => at < text.length && !isSpaceAt(text, at) && !'()<>'.includes(text[at] as string);

function skipWhiteSpace(text: string, from: number): number {
  let at = from;
  while (isSpaceAt(text, at)) at += 1;
  return at;
}

/** The first position at or after `from` holding one of `characters`, or -1. */
function indexOfAny(text: string, characters: string, from: number): number {
  for (let at = from; at < text.length; at += 1) if (characters.includes(text[at] as string)) return at;
  return -1;
}

/** Where a bare URL starting at `from` ends: URL characters and `(…)` groups of them. */
function bareUrlEnd(text: string, from: number): number {
  let at = from;
  for (;;) {
    if (isUrlCharacterAt(text, at)) at += 1;
    else if (text[at] === '(') {
      let inner = at + 1;
      while (isUrlCharacterAt(text, inner)) inner += 1;
      if (text[inner] !== ')') return at;
      at = inner + 1;
    } else return at;
  }
}

/** `)` after optional white space, or a `"title"` (either quote) and then that. */
function closesLink(text: string, from: number, allowTitle: boolean): boolean {
  const next = skipWhiteSpace(text, from);
  if (allowTitle && next > from && isQuote(text[next])) {
    const titleEnd = indexOfAny(text, `"'`, next + 1);
    if (titleEnd !== -1 && text[skipWhiteSpace(text, titleEnd + 1)] === ')') return true;
  }
  return text[next] === ')';
}

/** The URL of a link whose `(` ends just before `from`, or null when the link does not close. */
function linkTarget(text: string, from: number): string | null {
  const start = skipWhiteSpace(text, from);
  if (text[start] === '<') {
    const end = indexOfAny(text, '<>', start + 1);
    if (end !== -1 && text[end] === '>' && closesLink(text, end + 1, true)) return text.slice(start + 1, end);
  } else {
    const end = bareUrlEnd(text, start);
    if (closesLink(text, end, true)) return text.slice(start, end);
  }
  // No URL, only a title: `[text]( "title")`.
  return start > from && isQuote(text[start]) && closesLink(text, start - 1, true) ? '' : null;
}

/** The URL of the first Markdown link in the line (maybe empty), or null when there is none. */
function firstMarkdownLink(text: string): string | null {
  for (let open = text.indexOf('['); open !== -1; open = text.indexOf('[', open + 1)) {
    const close = indexOfAny(text, '[]', open + 1);
    if (close === -1) return null;
    if (text[close] === '[' || text[close + 1] !== '(') continue;
    const target = linkTarget(text, close + 2);
    if (target !== null) return target;
  }
  return null;
}

/** `https://…` alone, without white space: the whole value. */
function isBareUrl(value: string): boolean {
  if (/\s/u.test(value)) return false;
  const scheme = value.indexOf('://', 1);
  return scheme !== -1 && scheme + 3 < value.length;
}

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
  const link = firstMarkdownLink(value);
  const target = link !== null ? link.trim() : isBareUrl(value) ? value : '';
  if (target === '' && link === null && value.includes('](')) {
    return { url: null, warning: `Show on website: no link could be read from ${quote(value)}; it is ignored` };
  }
  if (target === '' || target === '#') return { url: null };
  if (isAbsoluteHttpUrl(target)) return { url: target };
  return {
    url: null,
    warning: `Show on website: ${quote(target)} is not an absolute http(s) URL and is ignored`,
  };
}
