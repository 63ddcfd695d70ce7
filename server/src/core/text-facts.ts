/**
 * What an article body gives its derived fields: its plain text (the excerpt is
 * cut from it) and its word count. Both take time in proportion to the body, so a
 * large body's facts are computed once and remembered: the word count, the
 * excerpt and the "was the excerpt generated" check of one write then read them
 * once, and the importer can compute them off the main thread (services/
 * import-parser.ts) and hand them over with `rememberTextFacts`.
 *
 * Bodies computed here are remembered from MIN_REMEMBERED_LENGTH characters
 * (small ones cost microseconds to read again); facts handed over by the
 * importer from MIN_HANDED_OVER_LENGTH, so that none of an import's bodies is
 * read twice on the main thread. At most MAX_REMEMBERED_CHARACTERS in all, the
 * oldest going first: room for the bodies and plain text of one 5 MB import.
 */
import { markdownToPlainText } from './plain-text';
import { isWhiteSpaceCode } from './text-scan';

export interface TextFacts {
  plainText: string;
  words: number;
}

export const MIN_REMEMBERED_LENGTH = 16 * 1024;
export const MIN_HANDED_OVER_LENGTH = 1024;
const MAX_REMEMBERED_CHARACTERS = 12 * 1024 * 1024;

/*
 * Chinese and Japanese are written without spaces, so each Han, Hiragana or
 * Katakana character counts as one word: the usual convention for CJK word
 * counts, and close to how many reading units a reader processes. Korean
 * (Hangul) separates words with spaces and is counted like other scripts.
 */
const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ASCII_LETTER_OR_DIGIT = (code: number) => (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);

/**
 * Words in plain text: runs between white space that hold a letter or digit
 * (punctuation alone, `—` or `*`, is not a word), each CJK character one word.
 * One pass over the characters, without building a token list.
 */
export function countPlainWords(text: string): number {
  let words = 0;
  let inWord = false; // inside a run of non-space, non-CJK characters
  let wordHasLetter = false;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (isWhiteSpaceCode(code)) {
      if (inWord && wordHasLetter) words += 1;
      inWord = false;
      wordHasLetter = false;
      continue;
    }
    if (code < 0x80) {
      inWord = true;
      wordHasLetter ||= ASCII_LETTER_OR_DIGIT(code);
      continue;
    }
    const next = text.charCodeAt(at + 1);
    const pair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    const character = pair ? text.slice(at, at + 2) : (text[at] as string);
    if (pair) at += 1;
    if (CJK_CHARACTER.test(character)) {
      // A CJK character is a word, and splits the run it stands in (as a space would).
      words += 1 + (inWord && wordHasLetter ? 1 : 0);
      inWord = false;
      wordHasLetter = false;
    } else {
      inWord = true;
      wordHasLetter ||= LETTER_OR_DIGIT.test(character);
    }
  }
  return words + (inWord && wordHasLetter ? 1 : 0);
}

export function computeTextFacts(markdown: string): TextFacts {
  const plainText = markdownToPlainText(markdown);
  return { plainText, words: countPlainWords(plainText) };
}

/** Insertion order is age: the first entries go when the total is over the limit. */
const remembered = new Map<string, TextFacts>();
let rememberedCharacters = 0;

/** Remembers facts computed elsewhere (the text worker), for bodies of MIN_HANDED_OVER_LENGTH characters or more. */
export function rememberTextFacts(markdown: string, facts: TextFacts): void {
  if (markdown.length < MIN_HANDED_OVER_LENGTH || remembered.has(markdown)) return;
  remembered.set(markdown, facts);
  rememberedCharacters += markdown.length + facts.plainText.length;
  for (const [oldest, oldFacts] of remembered) {
    if (rememberedCharacters <= MAX_REMEMBERED_CHARACTERS) break;
    remembered.delete(oldest);
    rememberedCharacters -= oldest.length + oldFacts.plainText.length;
  }
}

/** The facts of a body: remembered ones, or computed now (and remembered when the body is large). */
export function textFactsOf(markdown: string): TextFacts {
  const known = markdown.length >= MIN_HANDED_OVER_LENGTH ? remembered.get(markdown) : undefined;
  if (known) return known;
  const facts = computeTextFacts(markdown);
  if (markdown.length >= MIN_REMEMBERED_LENGTH) rememberTextFacts(markdown, facts);
  return facts;
}

/** Forgets facts once they are no longer needed (the bodies of an import, once written). */
export function forgetTextFacts(markdowns: Iterable<string>): void {
  for (const markdown of markdowns) {
    const facts = remembered.get(markdown);
    if (!facts) continue;
    remembered.delete(markdown);
    rememberedCharacters -= markdown.length + facts.plainText.length;
  }
}

export const plainTextOf = (markdown: string): string => textFactsOf(markdown).plainText;
