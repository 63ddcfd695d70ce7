/** Category rules (SPEC 2): the name is trimmed of white space and punctuation and unique without regard to case. */
import { cleanCategoryName, MAX_CATEGORY_LENGTH } from './document-parser/categories';
import type { FieldError } from './article-fields';

export { cleanCategoryName };

/** The key under which a name is unique: case-folded and Unicode-normalized. */
export const categoryNameKey = (name: string): string => name.normalize('NFC').toLowerCase();

export type CategoryName = { ok: true; name: string; key: string } | { ok: false; error: FieldError };

export function validateCategoryName(value: unknown): CategoryName {
  const name = typeof value === 'string' ? cleanCategoryName(value) : '';
  if (name === '') {
    return { ok: false, error: { path: 'name', message: 'name is required and must contain a letter or digit' } };
  }
  if (Array.from(name).length > MAX_CATEGORY_LENGTH) {
    return { ok: false, error: { path: 'name', message: `name must be at most ${MAX_CATEGORY_LENGTH} characters` } };
  }
  return { ok: true, name, key: categoryNameKey(name) };
}
