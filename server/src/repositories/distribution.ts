/**
 * Data access of feeds and sitemaps (SPEC 10), on published rows only. Feeds take their
 * articles from the snippet repository (same filters, same order); what they add is when
 * each published version was last written. Sitemaps page through every published row by
 * id (keyset pagination: each page starts after the last id of the one before, so memory
 * stays flat and no page costs an offset scan).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ARTICLE_UID, CATEGORY_UID } from '../constants';
import { localeColumns } from './snippet-localizations';
import { resolveSnippetTables, type SnippetTables } from './snippet-tables';

export interface SitemapRow {
  id: number;
  documentId: string;
  slug: unknown;
  language: unknown;
  documentDate: unknown;
  publishedAt: unknown;
  updatedAt: unknown;
}

export interface NewsRow extends SitemapRow {
  title: unknown;
}

/** Changes whenever the set of published rows changes (a publish writes a new row with a higher id; a removal lowers the count). */
export interface PublishedState {
  total: number;
  maxId: unknown;
  lastPublished: unknown;
}

interface ModelMeta {
  attributes: Record<string, { columnName?: string } | undefined>;
}

const columnOf = (uid: string, model: ModelMeta, attribute: string) => model.attributes[attribute]?.columnName ?? attribute;

export function createDistributionRepository(strapi: Core.Strapi) {
  let tables: (SnippetTables & { updatedAt: string; categoryUpdatedAt: string }) | null = null;
  const t = () => {
    if (tables === null) {
      const article = strapi.db.metadata.get(ARTICLE_UID) as unknown as ModelMeta;
      const category = strapi.db.metadata.get(CATEGORY_UID) as unknown as ModelMeta;
      tables = {
        ...resolveSnippetTables(strapi),
        updatedAt: columnOf(ARTICLE_UID, article, 'updatedAt'),
        categoryUpdatedAt: columnOf(CATEGORY_UID, category, 'updatedAt'),
      };
    }
    return tables;
  };
  const knex = (): Knex => strapi.db.connection;

  const published = () => {
    const { articles, articleColumns: c } = t();
    return knex().from({ a: articles }).whereNotNull(`a.${c.publishedAt}`);
  };

  const selectSitemapRow = (qb: Knex.QueryBuilder) => {
    const { articleColumns: c, updatedAt } = t();
    return qb.select(
      `a.${c.id} as id`,
      `a.${c.documentId} as documentId`,
      `a.${c.slug} as slug`,
      `a.${c.language} as language`,
      `a.${c.documentDate} as documentDate`,
      `a.${c.publishedAt} as publishedAt`,
      `a.${updatedAt} as updatedAt`
    );
  };

  return {
    /**
     * When the published version of each document was last written: its publishedAt and
     * updatedAt (of `locale`'s version when localized, SPEC 12; null: not localized).
     */
    async writtenAt(documentIds: string[], locale: string | null = null): Promise<Map<string, { publishedAt: unknown; updatedAt: unknown }>> {
      const result = new Map<string, { publishedAt: unknown; updatedAt: unknown }>();
      if (documentIds.length === 0) return result;
      const { articleColumns: c, updatedAt } = t();
      const scoped = published().whereIn(`a.${c.documentId}`, documentIds);
      if (locale !== null) scoped.where(`a.${localeColumns(strapi).locale}`, locale);
      const rows = (await scoped
        .select(`a.${c.documentId} as documentId`, `a.${c.publishedAt} as publishedAt`, `a.${updatedAt} as updatedAt`)) as Array<{
        documentId: string;
        publishedAt: unknown;
        updatedAt: unknown;
      }>;
      for (const row of rows) result.set(String(row.documentId), { publishedAt: row.publishedAt, updatedAt: row.updatedAt });
      return result;
    },

    /**
     * Only columns of the listing index (published_at, id): the database answers from the index
     * without reading the article rows, which hold the bodies (a scan of them cost 180 ms at
     * 100,000 articles). Published rows are not updated in place: a change is a new row.
     */
    async publishedState(): Promise<PublishedState> {
      const c = t().articleColumns;
      const [row] = (await published()
        .count({ total: '*' })
        .max({ maxId: `a.${c.id}` })
        .max({ lastPublished: `a.${c.publishedAt}` })) as Array<Record<string, unknown>>;
      return { total: Number(row?.total ?? 0), maxId: row?.maxId ?? null, lastPublished: row?.lastPublished ?? null };
    },

    /** Changes whenever a category is created, renamed or deleted (for links that name the category). */
    async categoryState(): Promise<{ total: number; lastUpdated: unknown }> {
      const { categories, categoryUpdatedAt } = t();
      const [row] = (await knex().from({ k: categories }).count({ total: '*' }).max({ lastUpdated: `k.${categoryUpdatedAt}` })) as Array<
        Record<string, unknown>
      >;
      return { total: Number(row?.total ?? 0), lastUpdated: row?.lastUpdated ?? null };
    },

    /** The id of the published row at `offset` in id order (the last one before a sitemap part), or null past the end. */
    async publishedIdAt(offset: number): Promise<number | null> {
      const c = t().articleColumns;
      const rows = (await published().select(`a.${c.id} as id`).orderBy(`a.${c.id}`, 'asc').limit(1).offset(offset)) as Array<{ id: unknown }>;
      return rows.length === 0 ? null : Number(rows[0].id);
    },

    /** Up to `limit` published rows with an id above `afterId` (null: from the first), in id order. */
    async sitemapRows(afterId: number | null, limit: number): Promise<SitemapRow[]> {
      const c = t().articleColumns;
      const qb = selectSitemapRow(published());
      if (afterId !== null) qb.where(`a.${c.id}`, '>', afterId);
      return (await qb.orderBy(`a.${c.id}`, 'asc').limit(limit)) as SitemapRow[];
    },

    /** Published rows whose documentDate lies in [from, to], newest first, at most `limit`. */
    async newsRows(from: Date, to: Date, limit: number): Promise<NewsRow[]> {
      const c = t().articleColumns;
      const qb = selectSitemapRow(published())
        .select(`a.${c.title} as title`)
        .where(`a.${c.documentDate}`, '>=', from)
        .where(`a.${c.documentDate}`, '<=', to);
      return (await qb
        .orderBy([
          { column: `a.${c.documentDate}`, order: 'desc' },
          { column: `a.${c.id}`, order: 'desc' },
        ])
        .limit(limit)) as NewsRow[];
    },
  };
}

export type DistributionRepository = ReturnType<typeof createDistributionRepository>;
