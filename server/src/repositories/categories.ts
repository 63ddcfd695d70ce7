/** Reads of category rows the claims protocol, the importer and the admin's filters need. */
import type { Core } from '@strapi/strapi';
import { CATEGORY_UID } from '../constants';
import { chunks } from '../core/chunks';

export interface CategoryNameRow {
  documentId: string;
  name: string;
  slug: string | null;
}

export const createCategoryRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(CATEGORY_UID);

  return {
    async findByDocumentId(documentId: string): Promise<CategoryNameRow | null> {
      return (await query().findOne({ where: { documentId }, select: ['documentId', 'name', 'slug'] })) as CategoryNameRow | null;
    },

    /** Those of `documentIds` that are categories. */
    async existing(documentIds: string[]): Promise<Set<string>> {
      const found = new Set<string>();
      for (const ids of chunks([...new Set(documentIds)])) {
        const rows = (await query().findMany({ where: { documentId: { $in: ids } }, select: ['documentId'] })) as Array<{
          documentId: string;
        }>;
        for (const row of rows) found.add(row.documentId);
      }
      return found;
    },

    /** Every category's name and slug (for the admin's filters, and for claims made before the claims table existed). */
    async all(): Promise<CategoryNameRow[]> {
      return (await query().findMany({ select: ['documentId', 'name', 'slug'] })) as CategoryNameRow[];
    },
  };
};

export type CategoryRepository = ReturnType<typeof createCategoryRepository>;
