/**
 * Markdown links and images, for markdown-inline.ts: `[text](url)` keeps its
 * text, `![alt](src)` and `![alt][ref]` go. Read by hand: as one pattern, a
 * destination (`(?:[^()[]|\([^()[]*\))*`) keeps a backtracking entry per
 * character and overflows the stack on a destination of megabytes.
 *
 * Linear: the text of an attempt runs to the next bracket, and a destination
 * holds no `[`, so the characters one attempt reads never hold the start of
 * another (a URL with a literal `[` is not read as a link; its text stays).
 */

const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

/** The first `[` or `]` at or after `from`, or -1. */
function nextBracket(text: string, from: number): number {
  for (let at = from; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === OPEN_BRACKET || code === CLOSE_BRACKET) return at;
  }
  return -1;
}

/** `[…]` starting at `open`: the position of its `]`, or -1 (no bracket inside). */
function bracketEnd(text: string, open: number): number {
  const close = nextBracket(text, open + 1);
  return close !== -1 && text.charCodeAt(close) === CLOSE_BRACKET ? close : -1;
}

/** `(url)` starting at `open`, with one level of balanced parentheses and no `[`: the position after its `)`, or -1. */
function destinationEnd(text: string, open: number): number {
  let at = open + 1;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === CLOSE_PAREN) return at + 1;
    if (code === OPEN_BRACKET) return -1;
    if (code === OPEN_PAREN) {
      let inner = at + 1;
      for (; inner < text.length; inner += 1) {
        const c = text.charCodeAt(inner);
        if (c === OPEN_PAREN || c === CLOSE_PAREN || c === OPEN_BRACKET) break;
      }
      if (text.charCodeAt(inner) !== CLOSE_PAREN) return -1;
      at = inner + 1;
    } else {
      at += 1;
    }
  }
  return -1;
}

type Match = { end: number; replacement: string } | null;

/** `text` with what `matchAt` finds at each `marker` replaced, left to right. */
function replaceAt(text: string, marker: string, matchAt: (open: number) => Match): string {
  const parts: string[] = [];
  let copied = 0;
  for (let open = text.indexOf(marker); open !== -1; open = text.indexOf(marker, open + 1)) {
    const match = matchAt(open);
    if (match === null) continue;
    parts.push(text.slice(copied, open), match.replacement);
    copied = match.end;
    open = match.end - 1;
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

/** `![alt](src)` and `![alt][ref]` removed. */
export function stripImages(text: string): string {
  return replaceAt(text, '![', (open) => {
    const close = bracketEnd(text, open + 1);
    if (close === -1) return null;
    const after = text.charCodeAt(close + 1);
    let end = -1;
    if (after === OPEN_PAREN) end = destinationEnd(text, close + 1);
    else if (after === OPEN_BRACKET) {
      const referenceClose = bracketEnd(text, close + 1);
      if (referenceClose !== -1) end = referenceClose + 1;
    }
    return end === -1 ? null : { end, replacement: '' };
  });
}

/** `[text](url)` → `text`. */
export function stripInlineLinks(text: string): string {
  return replaceAt(text, '[', (open) => {
    const close = bracketEnd(text, open);
    if (close === -1 || text.charCodeAt(close + 1) !== OPEN_PAREN) return null;
    const end = destinationEnd(text, close + 1);
    return end === -1 ? null : { end, replacement: text.slice(open + 1, close) };
  });
}
