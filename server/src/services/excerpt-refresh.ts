import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { excerptFollowsBody } from '../core/article-fields';
import { makeExcerpt } from '../core/excerpt';

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
 * directly: this is maintenance of a derived column, not an editorial change, so it
 * must neither publish nor touch `updatedAt`.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async regenerate(excerptLength: number): Promise<number> {
    let changed = 0;
    let lastId = 0;
    for (;;) {
      const rows = (await strapi.db.query(ARTICLE_UID).findMany({
        select: ['id', 'body', 'excerpt'],
        where: { id: { $gt: lastId } },
        orderBy: { id: 'asc' },
        limit: BATCH,
      })) as ExcerptRow[];
      if (rows.length === 0) {
        // Rows were written directly, not through the Document Service: tell the snippet caches.
        if (changed > 0) strapi.plugin('newsroom').service('snippets').invalidate();
        return changed;
      }
      lastId = rows[rows.length - 1].id;
      for (const row of rows) {
        if (!excerptFollowsBody(row.excerpt, row.body)) continue;
        const excerpt = makeExcerpt(row.body ?? '', excerptLength);
        if (excerpt === row.excerpt) continue;
        await strapi.db.connection(strapi.db.metadata.get(ARTICLE_UID).tableName).where({ id: row.id }).update({ excerpt });
        changed += 1;
      }
    }
  },
});
