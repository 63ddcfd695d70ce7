import { CATEGORY_NAME_MAX_LENGTH, fitsIn } from '../field-limits';
import { languageFromName } from '../language';
import { quote } from './lines';

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

/**
 * `Category: ,English,International - ,Snippets` → language `en`, categories
 * `International` and `Snippets`. Names are de-duplicated without regard to case,
 * keeping the first spelling, as the category content type is unique that way.
 */
export function parseCategoryList(value: string): CategoryList {
  const result: CategoryList = { categories: [], language: null, errors: [], warnings: [] };
  const seen = new Set<string>();
  let languageName = '';

  for (const name of value.split(',').map(cleanCategoryName)) {
    if (name === '') continue;

    const code = languageFromName(name);
    if (code !== null) {
      if (result.language === null) {
        result.language = code;
        languageName = name;
      } else if (code !== result.language) {
        result.warnings.push(
          `Category: a second language ${quote(name)} is ignored; the first, ${quote(languageName)}, is used`,
        );
      }
      continue;
    }

    if (!fitsIn(name, CATEGORY_NAME_MAX_LENGTH)) {
      result.errors.push(`Category: ${quote(name, 40)} is longer than ${CATEGORY_NAME_MAX_LENGTH} characters`);
      continue;
    }

    const key = categoryNameKey(name);
    if (!seen.has(key)) {
      seen.add(key);
      result.categories.push(name);
    }
  }
  return result;
}
