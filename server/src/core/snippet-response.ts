/**
 * The response of the snippet endpoint (SPEC 4.2, 4.3), built from database rows.
 *
 * Rows come straight from the database driver, so their types vary by client:
 * a datetime is a `Date` (PostgreSQL, MySQL) or epoch milliseconds (SQLite), a
 * date is a `YYYY-MM-DD` string, a count may be a string (PostgreSQL bigint).
 * These functions turn all of them into the one public shape.
 */
import { isHttpUrl } from '../../../shared/validation/http-url';
import { normalizeLanguageCode } from './language';

import type { Snippet, SnippetCategory, SnippetPagination } from '../../../shared/contracts/snippets';

// The public shapes are contracts the admin panel reads too.
export type { Snippet, SnippetBody, SnippetCategory, SnippetListBody, SnippetPagination } from '../../../shared/contracts/snippets';

/** One published article row, columns aliased to attribute names. */
export interface SnippetRow {
  id: unknown;
  documentId: unknown;
  slug: unknown;
  title: unknown;
  excerpt: unknown;
  language: unknown;
  documentDate: unknown;
  sourcePublishedDate: unknown;
  source: unknown;
  sourceUrl: unknown;
  readingTime: unknown;
}

/** One link between an article row and a category. */
export interface SnippetCategoryRow {
  articleId: unknown;
  name: unknown;
  slug: unknown;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Absent optional text is `null`, never an empty string. */
function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return value.trim() === '' ? null : value;
}

/*
 * A second line of defence behind the write rules: frontends render these as a
 * link and a `lang` attribute, so a row written around the rules (raw SQL, or
 * before a rule existed) never reaches them with a `javascript:` URL or markup.
 */
const linkUrl = (value: unknown): string | null => {
  const url = text(value);
  return url !== null && isHttpUrl(url) ? url : null;
};

const languageCode = (value: unknown): string | null => {
  const code = text(value);
  return code === null ? null : normalizeLanguageCode(code);
};

export function toIsoDateTime(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : typeof value === 'number' || typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) return null;
  return date.toISOString();
}

export function toIsoDate(value: unknown): string | null {
  if (typeof value === 'string') {
    const day = value.slice(0, 10);
    return DATE_ONLY.test(day) ? day : null;
  }
  // A driver configured to parse dates hands back local midnight of that day.
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return null;
}

function integer(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** `a` and `B` side by side, whatever the database collation says. */
const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function compareCategories(a: SnippetCategory, b: SnippetCategory): number {
  return byName.compare(a.name, b.name) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/** Groups category rows by article row id, each list sorted by name. */
export function groupCategories(rows: SnippetCategoryRow[]): Map<string, SnippetCategory[]> {
  const byArticle = new Map<string, SnippetCategory[]>();
  for (const row of rows) {
    const name = text(row.name);
    const slug = text(row.slug);
    if (name === null || slug === null) continue;
    const key = String(row.articleId);
    const list = byArticle.get(key);
    if (list) list.push({ name, slug });
    else byArticle.set(key, [{ name, slug }]);
  }
  for (const list of byArticle.values()) list.sort(compareCategories);
  return byArticle;
}

export function toSnippet(row: SnippetRow, categories: SnippetCategory[]): Snippet {
  return {
    documentId: String(row.documentId),
    slug: String(row.slug ?? ''),
    title: String(row.title ?? ''),
    excerpt: text(row.excerpt),
    language: languageCode(row.language),
    documentDate: toIsoDateTime(row.documentDate),
    sourcePublishedDate: toIsoDate(row.sourcePublishedDate),
    source: text(row.source),
    sourceUrl: linkUrl(row.sourceUrl),
    readingTime: integer(row.readingTime),
    categories,
  };
}

export function toSnippets(rows: SnippetRow[], categoryRows: SnippetCategoryRow[]): Snippet[] {
  const categories = groupCategories(categoryRows);
  return rows.map((row) => toSnippet(row, categories.get(String(row.id)) ?? []));
}

export function paginationOf(page: number, pageSize: number, total: number): SnippetPagination {
  return { page, pageSize, pageCount: Math.ceil(total / pageSize), total };
}

/**
 * The total when the page itself tells it, or null when a count query is needed:
 * a page that is neither full nor empty past the first page ends the results.
 */
export function totalFromPage(page: number, pageSize: number, rowsOnPage: number): number | null {
  if (rowsOnPage > 0 && rowsOnPage < pageSize) return (page - 1) * pageSize + rowsOnPage;
  if (rowsOnPage === 0 && page === 1) return 0;
  return null;
}
