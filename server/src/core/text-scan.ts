/**
 * Small scanning helpers for user text, each one pass over the characters.
 *
 * Why not a regular expression: a pattern such as `/[*_]+$/` or `/\s+$/` is
 * tried again from every position of a long run that does not reach the end
 * (`****…x`), which takes time quadratic in the run. A loop from the end reads
 * each character once.
 */

/** ECMAScript white space and line terminators: exactly what `\s` and `String#trim` use. */
export function isWhiteSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `text` without the characters at its end for which `drop` holds (UTF-16 code units). */
export function trimEndWhere(text: string, drop: (code: number) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text.charCodeAt(end - 1))) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without the code points at its end for which `drop` holds (for Unicode classes). */
export function trimEndCodePointsWhere(text: string, drop: (character: string) => boolean): string {
  let end = text.length;
  while (end > 0) {
    const low = text.charCodeAt(end - 1);
    const pair = end > 1 && low >= 0xdc00 && low <= 0xdfff && isHighSurrogate(text.charCodeAt(end - 2));
    const start = pair ? end - 2 : end - 1;
    if (!drop(text.slice(start, end))) break;
    end = start;
  }
  return text.slice(0, end);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Runs of white space made one space. Single spaces, most of the white space
 * in prose, are not matched at all: only runs of two or more, or of other white
 * space, cost a match.
 */
export function collapseWhiteSpace(text: string): string {
  return text.replace(/ \s+|[^\S ]\s*/gu, ' ');
}

const CHUNK = 8192;

/**
 * `text` with each UTF-16 code unit passed through `map` (-1 drops it), in one
 * pass over an array of codes: a regular expression replacing a million
 * scattered characters costs a match object each. Lone surrogates are kept as
 * they are.
 */
export function mapCharCodes(text: string, map: (code: number) => number): string {
  let first = 0;
  while (first < text.length && map(text.charCodeAt(first)) === text.charCodeAt(first)) first += 1;
  if (first === text.length) return text;
  if (text.length === 1) {
    const mapped = map(text.charCodeAt(0));
    return mapped === -1 ? '' : String.fromCharCode(mapped);
  }
  const codes = new Uint16Array(text.length);
  let length = 0;
  for (let at = 0; at < text.length; at += 1) {
    const mapped = at < first ? text.charCodeAt(at) : map(text.charCodeAt(at));
    if (mapped !== -1) codes[length++] = mapped;
  }
  const parts: string[] = [];
  for (let start = 0; start < length; start += CHUNK) {
    parts.push(String.fromCharCode(...codes.subarray(start, Math.min(start + CHUNK, length))));
  }
  return parts.join('');
}
