/**
 * Word count and reading time of an article body (SPEC 2: `wordCount`,
 * `readingTime`).
 */
import { markdownToPlainText } from './plain-text';

export const WORDS_PER_MINUTE = 200;

/*
 * Chinese and Japanese are written without spaces, so each Han, Hiragana or
 * Katakana character counts as one word: the usual convention for CJK word
 * counts, and close to how many reading units a reader processes. Korean
 * (Hangul) separates words with spaces and is counted like other scripts.
 */
const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Words a reader sees: markup removed, punctuation-only tokens (`—`, `*`) not counted. */
export function countWords(markdown: string): number {
  const text = markdownToPlainText(markdown);
  let words = 0;
  const spaced = text.replace(CJK_CHARACTER, () => {
    words += 1;
    return ' ';
  });
  for (const token of spaced.split(/\s+/)) {
    if (HAS_LETTER_OR_DIGIT.test(token)) words += 1;
  }
  return words;
}

/** Minutes to read `words` words: rounded up, at least 1 (an empty article still "takes" a minute). */
export function readingTime(words: number): number {
  if (!Number.isFinite(words) || words <= 0) return 1;
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}
