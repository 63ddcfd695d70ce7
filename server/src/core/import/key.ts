/**
 * The import key (SPEC 4.4): a document is a duplicate of an article with the
 * same source, title and document date. Hashed so that any title fits the
 * claims table's key column.
 *
 * A document without a date keys on an empty date, not on the creation moment
 * the article receives: importing the same undated document again is then a
 * duplicate, as a user re-sending a file expects. An article created outside
 * the importer always has a date, so it never matches an undated document.
 */
import { createHash } from 'node:crypto';

export interface ImportKeyFields {
  source: string | null;
  title: string;
  /** ISO 8601 in UTC with milliseconds, as the parser gives it; null when the document has none. */
  documentDate: string | null;
  /** The article's locale when articles are localized (SPEC 12): idempotency is per locale. */
  locale?: string | null;
}

/** Host names are case-insensitive; titles and dates are compared as written. Without a locale, keys are as they always were. */
export function importKey(fields: ImportKeyFields): string {
  const parts = [(fields.source ?? '').trim().toLowerCase(), fields.title.trim(), fields.documentDate ?? ''];
  const identity = JSON.stringify(fields.locale ? [...parts, fields.locale] : parts);
  return createHash('sha256').update(identity).digest('hex');
}

/** A date read back from the database (Date, ISO text or epoch milliseconds) in the parser's ISO form. */
export function isoDate(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
