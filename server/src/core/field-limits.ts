/**
 * The lengths SPEC 2 sets on text fields, and how their characters are counted:
 * in Unicode code points, what an editor counts (an emoji is one character),
 * not UTF-16 units. The document parser and the article and category rules
 * read their limits from here.
 */

/** `title`: 1 to 300 characters (SPEC 2). */
export const TITLE_MAX_LENGTH = 300;

/** `source`: up to 200 characters (SPEC 2). */
export const SOURCE_MAX_LENGTH = 200;

/** A category `name`: up to 100 characters. */
export const CATEGORY_NAME_MAX_LENGTH = 100;

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Characters of `text` in code points (a surrogate pair is one), without copying it. */
export function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (!(isLowSurrogate(text.charCodeAt(i)) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) count += 1;
  }
  return count;
}

/** Whether `text` has at most `max` characters; counts only when the UTF-16 length cannot tell. */
export function fitsIn(text: string, max: number): boolean {
  if (text.length <= max) return true;
  // Every character takes one or two UTF-16 units.
  if (text.length > 2 * max) return false;
  return characterCount(text) <= max;
}
