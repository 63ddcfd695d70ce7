/**
 * Inline Markdown → text, for plain-text.ts: code spans, escapes, autolinks,
 * images, links and emphasis. Not a renderer: it drops markers and keeps the
 * words a reader sees.
 *
 * Every step reads the text in one left-to-right pass, whatever the input:
 * - code spans and emphasis are paired by hand-written scans that look for
 *   the closing marker with a pointer that only moves forward (a lazy
 *   `(`+)[\s\S]*?\1` or `\*[\s\S]*?\*` rescans the rest of the text from
 *   every opening marker that has no partner: quadratic);
 * - links and images are read by markdown-links.ts, whose attempts never read
 *   the start of another attempt.
 */
import { stripImages, stripInlineLinks } from './markdown-links';
import { isWhiteSpaceCode } from './text-scan';

/** Keeps a span of text away from the later steps (see plain-text.ts). */
export interface SpanShelf {
  hide(text: string): string;
}

const BACKTICK = 0x60;
const UNDERSCORE = 0x5f;

/** Emphasis spans at most this many characters, as before: a far-away marker is not a partner. */
const MAX_EMPHASIS_LENGTH = 501;

/** A blank line: code spans do not cross one (CommonMark: they stay inside a paragraph). */
const PARAGRAPH_BREAK = /(\n[^\S\n]*\n)/;

/**
 * CommonMark code spans: a run of N backticks opens, the next run of exactly N
 * closes; a run without a partner is literal. The content is kept as written
 * (trimmed) and hidden from the later steps.
 */
export function hideCodeSpans(text: string, shelf: SpanShelf): string {
  if (!text.includes('`')) return text;
  return text
    .split(PARAGRAPH_BREAK)
    .map((part, i) => (i % 2 === 1 ? part : codeSpansInParagraph(part, shelf)))
    .join('');
}

function codeSpansInParagraph(text: string, shelf: SpanShelf): string {
  // Runs of backticks as two lists of numbers (a million runs are a million pairs, not objects).
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = text.indexOf('`'); i !== -1; i = text.indexOf('`', i)) {
    let end = i;
    while (end < text.length && text.charCodeAt(end) === BACKTICK) end += 1;
    starts.push(i);
    ends.push(end);
    i = end;
  }
  // For each run length, the runs of that length in order, and how far a search has read.
  const byLength = new Map<number, { runs: number[]; next: number }>();
  for (let index = 0; index < starts.length; index += 1) {
    const length = (ends[index] as number) - (starts[index] as number);
    const entry = byLength.get(length) ?? { runs: [], next: 0 };
    entry.runs.push(index);
    byLength.set(length, entry);
  }

  const parts: string[] = [];
  let copied = 0;
  for (let index = 0; index < starts.length; index += 1) {
    const same = byLength.get((ends[index] as number) - (starts[index] as number)) as { runs: number[]; next: number };
    while (same.next < same.runs.length && (same.runs[same.next] as number) <= index) same.next += 1;
    if (same.next === same.runs.length) continue;
    const closeIndex = same.runs[same.next] as number;
    parts.push(text.slice(copied, starts[index]), shelf.hide(text.slice(ends[index], starts[closeIndex]).trim()));
    copied = ends[closeIndex] as number;
    index = closeIndex;
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

/**
 * The first closing marker at or after a position. Callers ask with positions
 * that only grow, so a search starts past the last closer found, and all
 * searches together read the text once. (Asked out of order, it still answers
 * right, by searching afresh.)
 */
function forwardFinder(text: string, marker: string, isCloser: (at: number) => boolean): (from: number) => number {
  let lastFrom = -1;
  let found = -1; // the closer found for `lastFrom`; -1 when there is none
  return (from: number) => {
    const stillValid = lastFrom !== -1 && from >= lastFrom && (found === -1 || found >= from);
    if (!stillValid) {
      found = text.indexOf(marker, from);
      while (found !== -1 && !isCloser(found)) found = text.indexOf(marker, found + 1);
    }
    lastFrom = from;
    return found;
  };
}

const nonSpaceBefore = (text: string, at: number) => at > 0 && !isWhiteSpaceCode(text.charCodeAt(at - 1));

/**
 * `*text*` → `text`: a `*` before a non-space opens, the nearest `*` after a
 * non-space (at least one character on) closes, within MAX_EMPHASIS_LENGTH.
 * A lone `*` (`5 * 3`) stays.
 */
export function stripAsteriskEmphasis(text: string): string {
  if (!text.includes('*')) return text;
  const closer = forwardFinder(text, '*', (at) => nonSpaceBefore(text, at));
  let out = '';
  let copied = 0;
  for (let open = text.indexOf('*'); open !== -1 && open + 1 < text.length; open = text.indexOf('*', open + 1)) {
    if (isWhiteSpaceCode(text.charCodeAt(open + 1))) continue;
    const close = closer(open + 2);
    if (close === -1 || close - open - 1 > MAX_EMPHASIS_LENGTH) continue;
    out += text.slice(copied, open) + text.slice(open + 1, close);
    copied = close + 1;
    open = close;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const WORD_CHARACTER = /^[\p{L}\p{N}_]$/u;

function codePointAt(text: string, at: number): string {
  const code = text.codePointAt(at);
  return code === undefined ? '' : String.fromCodePoint(code);
}

function codePointBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  const pair = at > 1 && low >= 0xdc00 && low <= 0xdfff && text.charCodeAt(at - 2) >= 0xd800 && text.charCodeAt(at - 2) <= 0xdbff;
  return text.slice(pair ? at - 2 : at - 1, at);
}

const isWordAt = (text: string, at: number) => at < text.length && WORD_CHARACTER.test(codePointAt(text, at));

/**
 * `_text_` and `__text__` → `text`, only outside words, so `snake_case_names`
 * survive: the opening marker follows the start of the text or a character
 * that is not a letter, digit or `_`; the closing one follows a non-space and
 * is not followed by a letter, digit or `_`. `__` is tried before `_`.
 */
export function stripUnderscoreEmphasis(text: string): string {
  if (!text.includes('_')) return text;
  const closers = {
    '_': forwardFinder(text, '_', (at) => nonSpaceBefore(text, at) && !isWordAt(text, at + 1)),
    '__': forwardFinder(text, '__', (at) => nonSpaceBefore(text, at) && !isWordAt(text, at + 2)),
  };
  let out = '';
  let copied = 0;
  for (let open = text.indexOf('_'); open !== -1; open = text.indexOf('_', open + 1)) {
    const before = open === 0 ? '' : codePointBefore(text, open);
    const opens = open === 0 || (open - before.length >= copied && !WORD_CHARACTER.test(before));
    if (!opens) continue;
    const markers = text.charCodeAt(open + 1) === UNDERSCORE ? (['__', '_'] as const) : (['_'] as const);
    for (const marker of markers) {
      const start = open + marker.length;
      if (start >= text.length || isWhiteSpaceCode(text.charCodeAt(start))) continue;
      const close = closers[marker](start + 1);
      if (close === -1 || close - start > MAX_EMPHASIS_LENGTH) continue;
      out += text.slice(copied, open) + text.slice(start, close);
      copied = close + marker.length;
      open = copied - 1;
      break;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const REFERENCE_LINK = /\[([^[\]]+)\]\[[^[\]]*\]/g;
const FOOTNOTE_REFERENCE = /\[\^[^[\]]+\]/g;
const ESCAPABLE = new Set(Array.from('\\`*_{}[]()#+-.!|>~<'));

/** `\*` → a hidden `*`: a backslash before one of ESCAPABLE, left to right (`\\` is one escaped backslash). */
function hideEscapes(text: string, shelf: SpanShelf): string {
  if (!text.includes('\\')) return text;
  const parts: string[] = [];
  let copied = 0;
  for (let at = text.indexOf('\\'); at !== -1; at = text.indexOf('\\', at)) {
    const escaped = text[at + 1];
    if (escaped !== undefined && ESCAPABLE.has(escaped)) {
      parts.push(text.slice(copied, at), shelf.hide(escaped));
      copied = at + 2;
      at += 2;
    } else {
      at += 1;
    }
  }
  parts.push(text.slice(copied));
  return parts.join('');
}
const AUTOLINK = /<((?:https?|ftp|mailto):[^<>\s]+)>/gi;
// The domain's dot is checked outside the pattern: `[^@]+\.[^@]+` overlaps itself on `a@.....`.
const EMAIL_AUTOLINK = /<([^<>\s@]+@([^<>\s@]+))>/g;

const hasInnerDot = (domain: string) => {
  const dot = domain.indexOf('.', 1);
  return dot !== -1 && dot < domain.length - 1;
};

/**
 * `**` and `~~` are never prose, so they go without pairing: left to right,
 * each pair of the same marker dropped (`***` keeps one `*`).
 */
function withoutDoubleMarkers(text: string): string {
  if (!text.includes('**') && !text.includes('~~')) return text;
  const parts: string[] = [];
  let copied = 0;
  for (let at = 0; at < text.length - 1; at += 1) {
    const code = text.charCodeAt(at);
    if ((code === 0x2a || code === 0x7e) && text.charCodeAt(at + 1) === code) {
      parts.push(text.slice(copied, at));
      copied = at + 2;
      at += 1;
    }
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Inline Markdown removed; code, escaped characters and autolinks are hidden on the shelf. */
export function stripInline(text: string, shelf: SpanShelf): string {
  const escaped = hideEscapes(hideCodeSpans(text, shelf), shelf)
    // Autolinks before tags: `<https://x.org>` is a link, not an element.
    .replace(AUTOLINK, (_m, url: string) => shelf.hide(url))
    .replace(EMAIL_AUTOLINK, (whole, email: string, domain: string) => (hasInnerDot(domain) ? shelf.hide(email) : whole));
  // Images first: `[![logo](l.png)](https://x.org)` is a link around an image.
  const withoutLinks = stripInlineLinks(stripImages(escaped))
    .replace(REFERENCE_LINK, '$1')
    .replace(FOOTNOTE_REFERENCE, '');
  return stripUnderscoreEmphasis(stripAsteriskEmphasis(withoutDoubleMarkers(withoutLinks)));
}
