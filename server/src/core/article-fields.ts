/**
 * The derived and validated fields of an article write (SPEC 3.2–3.4), as one pure
 * function. The Document Service middleware hands it the incoming data and the
 * stored draft, and writes back what it returns.
 */
import { makeExcerpt } from './excerpt';
import { normalizeLanguage } from './language';
import { plainTextOf } from './text-facts';
import { countWords, readingTime } from './text-stats';
import type { NewsroomSettings } from './settings';

export const TITLE_MAX_LENGTH = 300;
export const SOURCE_MAX_LENGTH = 200;

export interface StoredArticle {
  title: string | null;
  body: string | null;
  excerpt: string | null;
}

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

/**
 * Was this excerpt generated from that body (at any excerpt length)? A generated
 * excerpt is the body's plain text, or a prefix of it ending in `…`.
 */
export function excerptFollowsBody(excerpt: string | null, body: string | null): boolean {
  if (excerpt === null || excerpt.trim() === '') return true;
  const plain = plainTextOf(body ?? '');
  if (excerpt === plain) return true;
  if (!excerpt.endsWith('…')) return false;
  const head = excerpt.slice(0, -1).trimEnd();
  return head.length > 0 && plain.startsWith(head);
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

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
  if (Array.from(trimmed).length > TITLE_MAX_LENGTH) {
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
    else if (value.trim().length > SOURCE_MAX_LENGTH) {
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
  const previousWasGenerated = excerptFollowsBody(previousExcerpt, previous?.body ?? null);
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

/** What publishing needs beyond a draft (SPEC 2: body non-empty after trimming). */
export function publishErrors(article: { title: string | null; body: string | null }): FieldError[] {
  const errors: FieldError[] = [];
  if (!article.title || article.title.trim() === '') errors.push({ path: 'title', message: 'title is required' });
  if (!article.body || article.body.trim() === '') {
    errors.push({ path: 'body', message: 'body is required to publish and must not be empty' });
  }
  return errors;
}
