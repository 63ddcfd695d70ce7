/**
 * The derived and validated fields of an article write (SPEC 3.2–3.4), as one pure
 * function, and the checks built on it for a clone and for a stored row about to be
 * published or copied. The Document Service middleware hands them the incoming data
 * and the stored draft, and writes back what they return.
 */
import { isGeneratedExcerpt, makeExcerpt } from './excerpt';
import { fitsIn, SOURCE_MAX_LENGTH, TITLE_MAX_LENGTH } from './field-limits';
import { isHttpUrl } from '../../../shared/validation/http-url';
import { normalizeLanguage } from './language';
import { isValidSlug, SLUG_MAX_LENGTH } from './slug';
import { countWords, readingTime } from './text-stats';
import type { NewsroomSettings } from './settings';

export interface StoredArticle {
  title: string | null;
  body: string | null;
  excerpt: string | null;
}

/** A stored article row: every field SPEC 3 speaks about. */
export interface ArticleRow extends StoredArticle {
  slug: string | null;
  language: string | null;
  /** A Date, epoch milliseconds or a string, depending on the database driver. */
  documentDate: unknown;
  source: string | null;
  sourceUrl: string | null;
  wordCount: number | null;
  readingTime: number | null;
}

export const ARTICLE_ROW_FIELDS = [
  'title', 'body', 'excerpt', 'slug', 'language', 'documentDate', 'source', 'sourceUrl', 'wordCount', 'readingTime',
] as const satisfies ReadonlyArray<keyof ArticleRow>;

export interface FieldError {
  path: string;
  message: string;
}

export type ArticleSettings = Pick<NewsroomSettings, 'excerptLength' | 'defaultLanguage' | 'languages'>;

export type DerivedFields =
  | { ok: true; changes: Record<string, unknown> }
  | { ok: false; errors: FieldError[] };

const has = (data: Record<string, unknown>, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(data, key) && data[key] !== undefined;

const isBlank = (value: unknown): boolean =>
  value === null || (typeof value === 'string' && value.trim() === '');

function title(data: Record<string, unknown>, creating: boolean, changes: Record<string, unknown>, errors: FieldError[]) {
  if (!has(data, 'title')) {
    if (creating) errors.push({ path: 'title', message: 'title is required' });
    return;
  }
  const value = data.title;
  if (typeof value !== 'string' || value.trim() === '') {
    errors.push({ path: 'title', message: 'title is required and must be non-empty text' });
    return;
  }
  const trimmed = value.trim();
  if (!fitsIn(trimmed, TITLE_MAX_LENGTH)) {
    errors.push({ path: 'title', message: `title must be at most ${TITLE_MAX_LENGTH} characters` });
    return;
  }
  changes.title = trimmed;
}

function language(data: Record<string, unknown>, creating: boolean, settings: ArticleSettings, changes: Record<string, unknown>, errors: FieldError[]) {
  if (!creating && !has(data, 'language')) return;
  const result = normalizeLanguage(data.language, settings);
  if (result.ok) changes.language = result.code;
  else errors.push({ path: 'language', message: result.message });
}

function documentDate(data: Record<string, unknown>, creating: boolean, now: Date, changes: Record<string, unknown>, errors: FieldError[]) {
  if (creating && (!has(data, 'documentDate') || isBlank(data.documentDate))) {
    changes.documentDate = now.toISOString();
  } else if (!creating && has(data, 'documentDate') && isBlank(data.documentDate)) {
    errors.push({ path: 'documentDate', message: 'documentDate is required' });
  }
}

function source(data: Record<string, unknown>, changes: Record<string, unknown>, errors: FieldError[]) {
  if (has(data, 'source')) {
    const value = data.source;
    if (isBlank(value)) changes.source = null;
    else if (typeof value !== 'string') errors.push({ path: 'source', message: 'source must be text' });
    else if (!fitsIn(value.trim(), SOURCE_MAX_LENGTH)) {
      errors.push({ path: 'source', message: `source must be at most ${SOURCE_MAX_LENGTH} characters` });
    } else changes.source = value.trim();
  }
  if (has(data, 'sourceUrl')) {
    const value = data.sourceUrl;
    if (isBlank(value)) changes.sourceUrl = null;
    else if (typeof value !== 'string' || !isHttpUrl(value.trim())) {
      errors.push({ path: 'sourceUrl', message: 'sourceUrl must be an absolute http or https URL' });
    } else changes.sourceUrl = value.trim();
  }
}

function bodyAndExcerpt(
  data: Record<string, unknown>,
  previous: StoredArticle | null,
  settings: ArticleSettings,
  changes: Record<string, unknown>,
  errors: FieldError[]
) {
  if (has(data, 'body') && data.body !== null && typeof data.body !== 'string') {
    errors.push({ path: 'body', message: 'body must be Markdown text' });
    return;
  }
  const bodyChanged = previous === null || has(data, 'body');
  const body = (has(data, 'body') ? (data.body as string | null) : previous?.body) ?? '';

  if (bodyChanged) {
    const words = countWords(body);
    changes.wordCount = words;
    changes.readingTime = readingTime(words);
  }

  const previousExcerpt = previous?.excerpt ?? null;
  const previousWasGenerated = isGeneratedExcerpt(previousExcerpt, previous?.body ?? null);
  let generate: boolean;
  if (has(data, 'excerpt') && data.excerpt !== null && typeof data.excerpt !== 'string') {
    errors.push({ path: 'excerpt', message: 'excerpt must be text' });
    return;
  } else if (has(data, 'excerpt') && !isBlank(data.excerpt)) {
    // An unchanged, generated excerpt sent back by a form still follows the body.
    generate = data.excerpt === previousExcerpt && previousWasGenerated;
  } else if (has(data, 'excerpt')) {
    generate = true;
  } else {
    generate = previous === null || (bodyChanged && previousWasGenerated);
  }
  if (generate) changes.excerpt = makeExcerpt(body, settings.excerptLength);
}

/**
 * Validates and derives the fields of a create (previous = null) or an update.
 * `wordCount` and `readingTime` are never taken from the caller.
 */
export function deriveArticleFields(input: {
  data: Record<string, unknown>;
  previous: StoredArticle | null;
  settings: ArticleSettings;
  now: Date;
}): DerivedFields {
  const { data, previous, settings, now } = input;
  const creating = previous === null;
  const changes: Record<string, unknown> = { wordCount: undefined, readingTime: undefined };
  const errors: FieldError[] = [];
  title(data, creating, changes, errors);
  language(data, creating, settings, changes, errors);
  documentDate(data, creating, now, changes, errors);
  source(data, changes, errors);
  bodyAndExcerpt(data, previous, settings, changes, errors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, changes };
}

/**
 * The fields of a new article: `deriveArticleFields` of a create, and, when it
 * is published at once, what publishing needs. The rules of every create, the
 * Document Service's (create, create and publish) and the importer's.
 */
export function deriveNewArticle(input: {
  data: Record<string, unknown>;
  settings: ArticleSettings;
  now: Date;
  publish: boolean;
}): DerivedFields {
  const { data, settings, now, publish } = input;
  const derived = deriveArticleFields({ data, previous: null, settings, now });
  if (!derived.ok || !publish) return derived;
  const merged = { ...data, ...derived.changes };
  const errors = publishErrors({ title: merged.title as string, body: (merged.body as string | null | undefined) ?? null });
  return errors.length > 0 ? { ok: false, errors } : derived;
}

/** The fields an editor writes, from a stored row: checked as if the editor had just sent them all. */
const editableFields = (row: ArticleRow): Record<string, unknown> => ({
  title: row.title,
  body: row.body,
  excerpt: row.excerpt,
  language: row.language,
  documentDate: row.documentDate,
  source: row.source,
  sourceUrl: row.sourceUrl,
});

const definedFields = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));

/** A stored row with the fields of a write on top (undefined leaves the stored value). */
export const mergeArticle = (row: ArticleRow, data: Record<string, unknown>): ArticleRow => ({ ...row, ...definedFields(data) });

/**
 * The fields of a clone. A clone is a new article made of the source draft and
 * the caller's overrides, so every field is checked; the source is `previous`,
 * so counts and a generated excerpt follow a new body and a written excerpt is kept.
 */
export function deriveCloneFields(input: {
  source: ArticleRow;
  overrides: Record<string, unknown>;
  settings: ArticleSettings;
  now: Date;
}): DerivedFields {
  const { source, overrides, settings, now } = input;
  return deriveArticleFields({ data: { ...editableFields(source), ...definedFields(overrides) }, previous: source, settings, now });
}

export type StoredArticleCheck = { ok: true; repairs: Record<string, unknown> } | { ok: false; errors: FieldError[] };

/**
 * A stored row checked as a whole before it is published or copied: catches a row
 * written around these rules (raw SQL, or before a rule existed). `repairs` are the
 * derived values it should hold and does not (trimmed text, normalized or default
 * language, word count, reading time); never the excerpt, which publishing must
 * not change by itself.
 */
export function checkStoredArticle(row: ArticleRow, settings: ArticleSettings, options: { publishing: boolean }): StoredArticleCheck {
  const derived = deriveArticleFields({ data: editableFields(row), previous: row, settings, now: new Date() });
  const errors = derived.ok ? [] : [...derived.errors];
  if (typeof row.slug !== 'string' || !isValidSlug(row.slug)) {
    errors.push({ path: 'slug', message: `slug must be lower-case letters, digits and single hyphens, at most ${SLUG_MAX_LENGTH} characters` });
  }
  if (options.publishing) errors.push(...publishErrors(row));
  if (!derived.ok || errors.length > 0) {
    return { ok: false, errors: errors.filter((error, i) => errors.findIndex((other) => other.path === error.path) === i) };
  }
  const stored = row as unknown as Record<string, unknown>;
  const repairs = Object.fromEntries(
    Object.entries(derived.changes).filter(([key, value]) => key !== 'excerpt' && value !== undefined && value !== stored[key])
  );
  return { ok: true, repairs };
}

/** What publishing needs beyond a draft (SPEC 2: body non-empty after trimming). */
export function publishErrors(article: { title: string | null; body: string | null }): FieldError[] {
  const errors: FieldError[] = [];
  if (!article.title || article.title.trim() === '') errors.push({ path: 'title', message: 'title is required' });
  if (!article.body || article.body.trim() === '') {
    errors.push({ path: 'body', message: 'body is required to publish and must not be empty' });
  }
  return errors;
}
