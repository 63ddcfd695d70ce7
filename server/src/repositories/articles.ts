/**
 * Article rows as the plugin's rules and admin pages need them, past the Document
 * Service (which would populate, sanitize and run middlewares for each). The one
 * write here, `repair`, runs only through the direct-write seam (writes/direct-writes.ts).
 */
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { chunks } from '../core/chunks';
import { ARTICLE_ROW_FIELDS, type ArticleRow } from '../core/article-fields';
import type { ArticleRef } from '../core/import/result';
import { resolveSnippetTables } from './snippet-tables';

/** One stored version of an article: a row with every field SPEC 3 speaks about. */
export interface StoredVersion extends ArticleRow {
  id: number;
  publishedAt: unknown;
}

export interface ArticleVersions {
  draft: StoredVersion | null;
  published: StoredVersion | null;
}

/** A version of a localized article, as the admin's preview lists translations. */
export interface LocaleVersion {
  id: number;
  documentId: string;
  locale: string | null;
  title: string | null;
  slug: string | null;
  publishedAt: unknown;
  updatedAt: unknown;
  createdBy?: { id: number } | null;
  updatedBy?: { id: number } | null;
}

/** What the import key of an article made outside the importer is computed from. */
export interface KeyFieldsRow {
  documentId: string;
  slug: string | null;
  title: string;
  source: string | null;
  documentDate: unknown;
  locale?: string | null;
}

export const createArticleRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(ARTICLE_UID);

  return {
    /**
     * The draft and the published version of a document (either may be missing); of one
     * locale when articles are localized (`locale`), of the document otherwise (null).
     */
    async findVersions(documentId: string, locale: string | null = null): Promise<ArticleVersions> {
      const rows = (await query().findMany({
        where: locale === null ? { documentId } : { documentId, locale },
        select: ['id', 'publishedAt', ...ARTICLE_ROW_FIELDS],
        limit: 2,
      })) as StoredVersion[];
      return {
        draft: rows.find((row) => row.publishedAt === null) ?? null,
        published: rows.find((row) => row.publishedAt !== null) ?? null,
      };
    },

    /** Every stored version of a document, each locale's draft and published row (SPEC 12). */
    async findAllVersions(documentId: string): Promise<Array<StoredVersion & { locale: string | null }>> {
      return (await query().findMany({
        where: { documentId },
        select: ['id', 'publishedAt', 'locale', ...ARTICLE_ROW_FIELDS],
      })) as Array<StoredVersion & { locale: string | null }>;
    },

    /**
     * Every version of a document in each locale (SPEC 12), with what the Content
     * Manager's permission conditions test: the locale and the creator fields.
     */
    async findLocaleVersions(documentId: string): Promise<LocaleVersion[]> {
      return (await query().findMany({
        where: { documentId },
        select: ['id', 'documentId', 'locale', 'title', 'slug', 'publishedAt', 'updatedAt'],
        populate: { createdBy: { select: ['id'] }, updatedBy: { select: ['id'] } },
      })) as LocaleVersion[];
    },

    async exists(documentId: string): Promise<boolean> {
      return (await query().findOne({ where: { documentId }, select: ['id'] })) !== null;
    },

    /** documentId and slug of each existing document among `documentIds`. */
    async refsByDocumentId(documentIds: string[]): Promise<Map<string, ArticleRef>> {
      const found = new Map<string, ArticleRef>();
      for (const ids of chunks([...new Set(documentIds)])) {
        const rows = (await query().findMany({ where: { documentId: { $in: ids } }, select: ['documentId', 'slug'] })) as Array<{
          documentId: string;
          slug: string | null;
        }>;
        for (const row of rows) found.set(row.documentId, { documentId: row.documentId, slug: row.slug ?? null });
      }
      return found;
    },

    /** Rows (draft and published) with one of these titles, with the fields of their import key. */
    async keyFieldsByTitle(titles: string[], options: { localized: boolean } = { localized: false }): Promise<KeyFieldsRow[]> {
      const select = ['documentId', 'slug', 'title', 'source', 'documentDate', ...(options.localized ? ['locale'] : [])];
      const found: KeyFieldsRow[] = [];
      for (const part of chunks([...new Set(titles)])) {
        found.push(
          ...((await query().findMany({
            where: { title: { $in: part } },
            select,
          })) as KeyFieldsRow[])
        );
      }
      return found;
    },

    /** Every row's slug, for claims made before the claims table existed. */
    async allSlugs(): Promise<Array<{ documentId: string; slug: string | null; publishedAt: unknown; locale: string | null }>> {
      return (await query().findMany({ select: ['documentId', 'slug', 'publishedAt', 'locale'] })) as Array<{
        documentId: string;
        slug: string | null;
        publishedAt: unknown;
        locale: string | null;
      }>;
    },

    /**
     * Derived values put right in one row before an editor's action publishes it, as any
     * update of an entry writes (Strapi's query engine: `updatedAt`, row lifecycles).
     */
    async repair(rowId: number, changes: Record<string, unknown>): Promise<void> {
      await query().update({ where: { id: rowId }, data: changes });
    },

    /** The languages of published articles, each once (the Newsroom page's language filter). */
    async publishedLanguages(): Promise<string[]> {
      const tables = resolveSnippetTables(strapi);
      const language = tables.articleColumns.language;
      const rows = (await strapi.db
        .connection(tables.articles)
        .distinct(language)
        .whereNotNull(tables.articleColumns.publishedAt)
        .whereNotNull(language)) as Array<Record<string, unknown>>;
      return rows.map((row) => String(row[language]));
    },
  };
};

export type ArticleRepository = ReturnType<typeof createArticleRepository>;
