import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { isGeneratedExcerpt, makeExcerpt } from '../core/excerpt';
import { createDirectWrites } from './direct-writes';

const BATCH = 500;

interface ExcerptRow {
  id: number;
  body: string | null;
  excerpt: string | null;
}

/**
 * When `excerptLength` changes, generated excerpts are regenerated at the new length in
 * every row (draft and published alike), so the snippet endpoint and the editor's
 * preview agree at once. Editors' own excerpts are left as written. Rows are updated
 * directly (services/direct-writes.ts, which keeps the snippet caches right): this is
 * maintenance of a derived column, not an editorial change, so it must neither
 * publish nor touch `updatedAt`.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async regenerate(excerptLength: number): Promise<number> {
    const direct = createDirectWrites(strapi);
    let changed = 0;
    let lastId = 0;
    for (;;) {
      const rows = (await strapi.db.query(ARTICLE_UID).findMany({
        select: ['id', 'body', 'excerpt'],
        where: { id: { $gt: lastId } },
        orderBy: { id: 'asc' },
        limit: BATCH,
      })) as ExcerptRow[];
      if (rows.length === 0) return changed;
      lastId = rows[rows.length - 1].id;
      const updates = [];
      for (const row of rows) {
        if (!isGeneratedExcerpt(row.excerpt, row.body)) continue;
        const excerpt = makeExcerpt(row.body ?? '', excerptLength);
        if (excerpt === row.excerpt) continue;
        updates.push({ id: row.id, changes: { excerpt } });
      }
      await direct.updateRows(updates, { touch: false });
      changed += updates.length;
    }
  },
});
