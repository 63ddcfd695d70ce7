/**
 * Indexes of the snippet list that Strapi's schema cannot declare (content-type
 * `indexes` are column lists): partial indexes over published rows, one on an
 * expression. Created at startup when missing; Strapi's schema sync leaves indexes
 * it did not create alone.
 *
 * - Title sorts (`ORDER BY lower(title), title, id`, repositories/snippets.ts) read
 *   `newsroom_articles_title_sort_idx` in order and stop after a page, instead of
 *   sorting every published row.
 * - A language filter (an equality or IN over exact codes) reads
 *   `newsroom_articles_language_listing_idx` in date order, or
 *   `newsroom_articles_language_title_idx` in title order, however rare the language.
 *
 * PostgreSQL and SQLite only: MySQL/MariaDB have no partial indexes (and MariaDB no
 * expression indexes); there the content type's plain indexes serve.
 */
import type { Core } from '@strapi/strapi';
import { resolveSnippetTables } from './snippet-tables';

interface IndexSpec {
  name: string;
  /** The indexed expressions, in order, over the article table's columns. */
  columns: (c: Record<'title' | 'id' | 'language' | 'documentDate', string>) => string;
}

const INDEXES: IndexSpec[] = [
  { name: 'newsroom_articles_title_sort_idx', columns: (c) => `lower(${c.title}), ${c.title}, ${c.id}` },
  { name: 'newsroom_articles_language_listing_idx', columns: (c) => `${c.language}, ${c.documentDate}, ${c.id}` },
  { name: 'newsroom_articles_language_title_idx', columns: (c) => `${c.language}, lower(${c.title}), ${c.title}, ${c.id}` },
];

export async function ensureSnippetIndexes(strapi: Core.Strapi): Promise<void> {
  const client = strapi.db.dialect.client;
  if (client !== 'postgres' && client !== 'sqlite') return;
  const { articles, articleColumns } = resolveSnippetTables(strapi);
  const quote = (name: string) =>
    name
      .split('.')
      .map((part) => `"${part}"`)
      .join('.');
  const c = {
    title: quote(articleColumns.title),
    id: quote(articleColumns.id),
    language: quote(articleColumns.language),
    documentDate: quote(articleColumns.documentDate),
  };
  const knex = strapi.db.connection;
  for (const index of INDEXES) {
    const sql = `CREATE INDEX IF NOT EXISTS ${index.name} ON ${quote(articles)} (${index.columns(c)}) WHERE ${quote(articleColumns.publishedAt)} IS NOT NULL`;
    try {
      await knex.raw(sql);
    } catch (error) {
      // Another instance creating it at the same moment is fine; anything else costs speed, not answers.
      strapi.log.warn(`newsroom: could not create the index ${index.name} (${(error as Error).message}); snippet queries still answer`);
    }
  }
}
