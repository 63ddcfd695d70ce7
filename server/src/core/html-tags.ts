/**
 * HTML tags out of text, for plain-text.ts. Read by hand, one scan from `<` to
 * `<`: as one pattern, a tag's attributes (`(?:"…"|'…'|[^'"<>])*`) keep a
 * backtracking entry each and overflow the stack on a tag of a million
 * attributes. No part of a tag runs past a `<`, so no character is read twice.
 */

// Block-level tags separate words (`<p>a</p><p>b</p>` is "a b"); inline tags do not.
const BLOCK_TAGS = new Set(
  ('address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 ' +
    'header hr li main nav ol p pre section table tbody td tfoot th thead tr ul').split(' '),
);

const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const SLASH = 0x2f;

const isLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
const isNameCharacter = (code: number) => isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d;

/** The first `<` or `>` at or after `from`, or -1. */
function nextAngle(text: string, from: number): number {
  for (let at = from; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === LESS_THAN || code === GREATER_THAN) return at;
  }
  return -1;
}

type MarkupAt = (text: string, open: number) => { end: number; replacement: string } | null;

/** `text` with what `markupAt` finds at each `<` replaced, left to right; other text kept. */
function replaceMarkup(text: string, markupAt: MarkupAt): string {
  const parts: string[] = [];
  let copied = 0;
  for (let open = text.indexOf('<'); open !== -1; open = text.indexOf('<', open + 1)) {
    const markup = markupAt(text, open);
    if (markup === null) continue;
    parts.push(text.slice(copied, open), markup.replacement);
    copied = markup.end;
    open = markup.end - 1;
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

/** `<!doctype …>`, `<?xml …?>` and the like: `<[!?][^<>]*>`. */
function declarationAt(text: string, open: number) {
  const first = text[open + 1];
  if (first !== '!' && first !== '?') return null;
  const end = nextAngle(text, open + 2);
  return end !== -1 && text.charCodeAt(end) === GREATER_THAN ? { end: end + 1, replacement: ' ' } : null;
}

/** `<name attributes>` or `</name>`; quoted attribute values may hold `>` but no `<`. */
function tagAt(text: string, open: number) {
  let at = open + 1;
  if (text.charCodeAt(at) === SLASH) at += 1;
  if (!isLetter(text.charCodeAt(at))) return null;
  const nameStart = at;
  while (isNameCharacter(text.charCodeAt(at))) at += 1;
  const name = text.slice(nameStart, at).toLowerCase();
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === GREATER_THAN) return { end: at + 1, replacement: BLOCK_TAGS.has(name) ? ' ' : '' };
    if (code === LESS_THAN) return null;
    if (code === 0x22 || code === 0x27) {
      // A quoted value ends at its quote; reaching a `<` first, it is no value and no tag.
      let close = at + 1;
      while (close < text.length && text.charCodeAt(close) !== code && text.charCodeAt(close) !== LESS_THAN) close += 1;
      if (text.charCodeAt(close) !== code) return null;
      at = close + 1;
    } else {
      at += 1;
    }
  }
  return null;
}

/** `… <b class="x` at the very end: a tag that never closes, `<\/?[a-zA-Z][^<>]*$`. */
function withoutUnclosedTagAtEnd(text: string): string {
  const open = text.lastIndexOf('<');
  if (open === -1 || text.indexOf('>', open) !== -1) return text;
  const first = text.charCodeAt(open + 1) === SLASH ? open + 2 : open + 1;
  return isLetter(text.charCodeAt(first)) ? text.slice(0, open) : text;
}

/**
 * Declarations become a space, block-level tags a space, other tags nothing; then
 * a tag left open at the very end goes. In that order, as separate passes:
 * removing a declaration can complete a tag around it (`<b <!x>>`).
 */
export function stripTags(text: string): string {
  if (!text.includes('<')) return text;
  return withoutUnclosedTagAtEnd(replaceMarkup(replaceMarkup(text, declarationAt), tagAt));
}
