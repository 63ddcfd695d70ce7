import { CATEGORY_NAME_MAX_LENGTH, fitsIn } from '../field-limits';
import { languageFromName } from '../language';
import { quote } from './lines';

/**
 * Categories a document may have. News snippets carry two or three; the limit
 * keeps one line of a million commas from becoming a million category lookups
 * (and rows) in one import.
 */
export const MAX_CATEGORIES_PER_DOCUMENT = 20;

/** White space, punctuation, symbols and invisible characters: trimmed from both ends of an item. */
const EDGE_CHARACTER = /^[\s\p{P}\p{S}\p{Cc}\p{Cf}]$/u;

export interface CategoryList {
  categories: string[];
  /** The code of the first item that names a language. */
  language: string | null;
  errors: string[];
  warnings: string[];
}

/** `International - ` → `International`; inner runs of white space become one space. */
export function cleanCategoryName(item: string): string {
  // A loop, not a regular expression: `[…]+$` takes quadratic time on long runs of punctuation.
  const characters = Array.from(item);
  let start = 0;
  let end = characters.length;
  while (start < end && EDGE_CHARACTER.test(characters[start] ?? '')) start += 1;
  while (end > start && EDGE_CHARACTER.test(characters[end - 1] ?? '')) end -= 1;
  return characters.slice(start, end).join('').replace(/\s+/gu, ' ');
}

/** The key under which a category name is unique (SPEC 2: without regard to case): case-folded and Unicode-normalized. */
export function categoryNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** The items of a comma list, one at a time: a line of a million commas is not split into an array at once. */
function* commaSeparated(value: string): Generator<string> {
  let start = 0;
  for (let comma = value.indexOf(','); comma !== -1; comma = value.indexOf(',', start)) {
    yield value.slice(start, comma);
    start = comma + 1;
  }
  yield value.slice(start);
}

/**
 * `Category: ,English,International - ,Snippets` → language `en`, categories
 * `International` and `Snippets`. Names are de-duplicated without regard to case,
 * keeping the first spelling, as the category content type is unique that way.
 */
export function parseCategoryList(value: string): CategoryList {
  const result: CategoryList = { categories: [], language: null, errors: [], warnings: [] };
  const seen = new Set<string>();
  const ignoredLanguages = new Set<string>();
  let languageName = '';
  let tooLong = 0;
  let firstTooLong = '';

  for (const item of commaSeparated(value)) {
    const name = cleanCategoryName(item);
    if (name === '') continue;

    const code = languageFromName(name);
    if (code !== null) {
      if (result.language === null) {
        result.language = code;
        languageName = name;
      } else if (code !== result.language && !ignoredLanguages.has(code)) {
        // Once a language: the warnings stay as few as the languages there are.
        ignoredLanguages.add(code);
        result.warnings.push(
          `Category: a second language ${quote(name)} is ignored; the first, ${quote(languageName)}, is used`,
        );
      }
      continue;
    }

    if (!fitsIn(name, CATEGORY_NAME_MAX_LENGTH)) {
      if (tooLong === 0) firstTooLong = name;
      tooLong += 1;
      continue;
    }

    const key = categoryNameKey(name);
    if (seen.has(key)) continue;
    if (seen.size === MAX_CATEGORIES_PER_DOCUMENT) {
      // The rest of the line is not read: the document is refused for this alone.
      result.errors.push(
        `Category: more than ${MAX_CATEGORIES_PER_DOCUMENT} categories; a document may have at most ${MAX_CATEGORIES_PER_DOCUMENT}`,
      );
      break;
    }
    seen.add(key);
    result.categories.push(name);
  }

  if (tooLong > 0) {
    // One error for all of them: a line of a thousand long names gets one line of answer.
    const others = tooLong > 1 ? ` (and ${tooLong - 1} more)` : '';
    result.errors.push(`Category: ${quote(firstTooLong, 40)}${others} is longer than ${CATEGORY_NAME_MAX_LENGTH} characters`);
  }
  return result;
}
