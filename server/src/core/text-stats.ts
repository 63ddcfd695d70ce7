/**
 * Word count and reading time of an article body (SPEC 2: `wordCount`,
 * `readingTime`). Words are counted in the body's plain text (core/text-facts.ts).
 */
import { textFactsOf } from './text-facts';

export { countPlainWords } from './text-facts';

export const WORDS_PER_MINUTE = 200;

/** Words a reader sees: markup removed, punctuation-only tokens (`—`, `*`) not counted, each CJK character one word. */
export function countWords(markdown: string): number {
  return textFactsOf(markdown).words;
}

/** Minutes to read `words` words: rounded up, at least 1 (an empty article still "takes" a minute). */
export function readingTime(words: number): number {
  if (!Number.isFinite(words) || words <= 0) return 1;
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}
