/**
 * Article excerpts (SPEC 3.2): the body as plain text, cut at a word boundary
 * to at most `maxLength` characters, ending with '…' when cut.
 */
import { markdownToPlainText } from './plain-text';
import { plainTextOf } from './text-facts';
import { trimEndCodePointsWhere } from './text-scan';

export { markdownToPlainText };

const ELLIPSIS = '…';

// Trailing characters that would read badly before '…' ("word, …", "word (…").
// Closing brackets and quotes stay: "(see below)…" is fine. Tested one
// character at a time from the end: `[…]+$` rescans a long run from each start.
const JUNK_CHARACTER = /^[\s\p{Po}\p{Pd}\p{Ps}\p{Pi}]$/u;
const isJunk = (character: string) => JUNK_CHARACTER.test(character);

/** The first `count` code points of `text`, without splitting all of it. */
function leadingCodePoints(text: string, count: number): string[] {
  const chars: string[] = [];
  for (const ch of text) {
    if (chars.length === count) break;
    chars.push(ch);
  }
  return chars;
}

/**
 * Lengths are counted in Unicode code points (what an editor counts), not
 * UTF-16 units, so an emoji is one character and is never split in half.
 */
export function makeExcerpt(body: string, maxLength: number): string {
  const text = plainTextOf(body);
  // Only the head matters (one character past the limit says the text is longer).
  const chars = leadingCodePoints(text, Math.max(maxLength, 0) + 1);
  if (chars.length <= maxLength) return text;
  if (maxLength < 1) return '';

  const budget = maxLength - 1; // room left once the '…' is counted
  // A space at index `budget` means the first `budget` characters end on a whole word.
  const boundary = chars.slice(0, budget + 1).lastIndexOf(' ');
  const hardCut = chars.slice(0, budget).join('');
  const wordCut = boundary > 0 ? chars.slice(0, boundary).join('') : hardCut;
  const head = trimEndCodePointsWhere(wordCut, isJunk) || hardCut.trimEnd();
  return `${head}${ELLIPSIS}`;
}

/**
 * Whether a stored excerpt was generated from that body, and so follows it
 * (SPEC 3.2): empty, the body's whole plain text, or a prefix of it ending in
 * `…`, as `makeExcerpt` makes at any length (the `excerptLength` setting may
 * have changed since). Anything else an editor wrote and is kept as written.
 */
export function isGeneratedExcerpt(excerpt: string | null | undefined, body: string | null | undefined): boolean {
  if (excerpt === null || excerpt === undefined || excerpt.trim() === '') return true;
  if (body === null || body === undefined) return false;
  const plain = plainTextOf(body);
  if (excerpt === plain) return true;
  if (!excerpt.endsWith(ELLIPSIS)) return false;
  const head = excerpt.slice(0, -ELLIPSIS.length).trimEnd();
  return head.length > 0 && plain.startsWith(head);
}
