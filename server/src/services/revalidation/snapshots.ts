import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, CATEGORY_UID } from '../../constants';
import type { ArticleSnapshot, CategoryRef } from '../../core/revalidation/changes';
import { compareCategories } from '../../core/snippet-response';

/** documentIds a query names at most: well inside every database's limit on bound parameters. */
const CHUNK = 500;

const iso = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value as string);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

type ArticleRow = Record<string, unknown> & { categories?: Array<{ name?: unknown; slug?: unknown }> };

const toSnapshot = (row: ArticleRow): ArticleSnapshot => ({
  documentId: String(row.documentId),
  locale: typeof row.locale === 'string' ? row.locale : null,
  slug: String(row.slug ?? ''),
  language: typeof row.language === 'string' ? row.language : null,
  categories: (row.categories ?? [])
    .filter((category) => typeof category.name === 'string' && typeof category.slug === 'string')
    .map((category) => ({ name: category.name as string, slug: category.slug as string }))
    .sort(compareCategories),
  documentDate: iso(row.documentDate),
  version: `${String(row.id)}@${iso(row.updatedAt) ?? ''}`,
});

/**
 * What frontends show of articles and categories, read through Strapi's query engine so
 * that it joins the write's transaction: the published versions only.
 */
export const createRevalidationSnapshots = (strapi: Core.Strapi) => {
  const articleFields = () => {
    const fields = ['id', 'documentId', 'slug', 'language', 'documentDate', 'updatedAt'];
    // Localized articles (SPEC 12) have one published version per locale.
    if ('locale' in strapi.getModel(ARTICLE_UID).attributes) fields.push('locale');
    return fields;
  };

  const published = async (where: Record<string, unknown>): Promise<ArticleSnapshot[]> => {
    const rows = (await strapi.db.query(ARTICLE_UID).findMany({
      where: { ...where, publishedAt: { $notNull: true } },
      select: articleFields(),
      populate: { categories: { select: ['name', 'slug'] } },
    })) as ArticleRow[];
    return rows.map(toSnapshot);
  };

  return {
    /** The published versions of these documents (none for a draft-only or deleted one). */
    async articles(documentIds: string[]): Promise<ArticleSnapshot[]> {
      const unique = [...new Set(documentIds)];
      const snapshots: ArticleSnapshot[] = [];
      for (let start = 0; start < unique.length; start += CHUNK) {
        snapshots.push(...(await published({ documentId: { $in: unique.slice(start, start + CHUNK) } })));
      }
      return snapshots;
    },

    /** The published articles of a category. */
    async articlesOfCategory(categoryDocumentId: string): Promise<ArticleSnapshot[]> {
      return published({ categories: { documentId: categoryDocumentId } });
    },

    async category(documentId: string): Promise<CategoryRef | null> {
      const row = (await strapi.db.query(CATEGORY_UID).findOne({ where: { documentId }, select: ['name', 'slug'] })) as {
        name?: unknown;
        slug?: unknown;
      } | null;
      return row && typeof row.name === 'string' ? { name: row.name, slug: typeof row.slug === 'string' ? row.slug : '' } : null;
    },
  };
};

export type RevalidationSnapshots = ReturnType<typeof createRevalidationSnapshots>;
