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

/** Runs of white space made one space (one pass: each run is one match, and nothing else can start one). */
export function collapseWhiteSpace(text: string): string {
  return text.replace(/\s+/gu, ' ');
}
