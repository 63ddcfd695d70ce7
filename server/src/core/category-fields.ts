/** Category rules (SPEC 2): the name is trimmed of white space and punctuation and unique without regard to case. */
import type { FieldError } from './article-fields';
import { categoryNameKey, cleanCategoryName } from './document-parser/categories';
import { CATEGORY_NAME_MAX_LENGTH, fitsIn } from './field-limits';

// The parser cleans and compares the names of a `Category:` line by the same rules.
export { categoryNameKey, cleanCategoryName };

export type CategoryName = { ok: true; name: string; key: string } | { ok: false; error: FieldError };

export function validateCategoryName(value: unknown): CategoryName {
  const name = typeof value === 'string' ? cleanCategoryName(value) : '';
  if (name === '') {
    return { ok: false, error: { path: 'name', message: 'name is required and must contain a letter or digit' } };
  }
  if (!fitsIn(name, CATEGORY_NAME_MAX_LENGTH)) {
    return { ok: false, error: { path: 'name', message: `name must be at most ${CATEGORY_NAME_MAX_LENGTH} characters` } };
  }
  return { ok: true, name, key: categoryNameKey(name) };
}
