/**
 * The one seam for writes of article rows that go around the Document Service:
 * the importer's new articles, many at a time (for speed: services/import-bulk.ts
 * holds the SQL), and derived columns put right in rows that exist (the repairs
 * before a publish, the excerpt refresh after an `excerptLength` change). Nothing
 * else in the plugin writes article rows without the Document Service.
 *
 * What the Document Service gives everyone else, and how a direct write keeps it:
 * - Strapi's validation: `validateNew` runs the validator the Document Service runs
 *   on create; callers validate each new article before `createArticles`.
 * - Snippet caches: emptied before the write (a read racing it cannot store older
 *   rows) and once its transaction has committed (this instance, and the others over
 *   the invalidation bus), as the snippet-cache document middleware does.
 * - Events: `entry.create` (and `entry.publish`) for each new article, after the
 *   commit, so webhooks fire as for any create.
 *
 * Everything that must follow a direct write starts from one description of it,
 * `DirectWrite`, in `afterCommit`. That is where the follow-ups of later work go:
 * - frontend revalidation (issue #17): queue the notifications of `write` there,
 *   with the documents it names, after the commit like the events;
 * - other plugins' document middlewares (issue #16): a write they must see cannot
 *   go around the Document Service at all. The decision belongs in `createArticles`
 *   (before anything is written): when it is taken, the importer writes such
 *   articles one by one through the Document Service (its existing fallback path).
 *   Repairs and the excerpt refresh maintain derived columns and stay direct.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ARTICLE_UID } from '../constants';
import { getService } from '../utils/get-service';
import { createBulkArticleWriter, type NewArticle } from './import-bulk';

export type { NewArticle };

/** What a direct write changed: the one input of what must follow it. */
export type DirectWrite =
  | { action: 'create'; documentIds: string[]; published: boolean }
  | { action: 'update'; rowIds: number[]; fields: string[] };

export interface RowUpdate {
  /** The article row (a draft or a published version). */
  id: number;
  /** Attribute → value. */
  changes: Record<string, unknown>;
}

export const createDirectWrites = (strapi: Core.Strapi) => {
  const bulk = createBulkArticleWriter(strapi);
  const invalidate = () => getService(strapi, 'snippets').invalidate();

  /** Runs `after` once the caller's transaction commits, or now when there is none. */
  function onCommit(after: () => Promise<void>): void {
    const log = (error: unknown) => strapi.log.error('newsroom: work after a direct write failed', error);
    const run = () => void after().catch(log);
    if (!strapi.db.inTransaction()) return run();
    void strapi.db.transaction(async ({ onCommit: register }) => register(run));
  }

  function afterCommit(write: DirectWrite): void {
    onCommit(async () => {
      invalidate();
      if (write.action === 'create') await bulk.announce(write.documentIds, { publish: write.published });
    });
  }

  const columnOf = (attribute: string): string => {
    const meta = strapi.db.metadata.get(ARTICLE_UID).attributes[attribute] as { columnName?: string } | undefined;
    if (!meta) throw new Error(`newsroom: the article has no attribute "${attribute}"`);
    return meta.columnName ?? attribute;
  };

  const articleTable = (trx: Knex.Transaction) => {
    const name = strapi.db.metadata.get(ARTICLE_UID).tableName;
    const schema = strapi.db.getSchemaName();
    return schema ? trx(name).withSchema(schema) : trx(name);
  };

  return {
    /**
     * Strapi's own validation of a new article's data (schema types, lengths, required
     * fields when published), as the Document Service runs it on create; gives back the
     * data Strapi would store. Throws Strapi's ValidationError naming the field.
     */
    validateNew: (data: Record<string, unknown>, options: { publish: boolean }) => bulk.validate(data, options),

    /**
     * Writes new articles (drafts, and with `publish` their published versions) and
     * their category links; gives back their documentIds, in order. `settle` runs in
     * the same transaction once the rows are in (the importer hands its claims over
     * there): if it throws, nothing is announced and the caller's transaction (or this
     * one) takes the rows back.
     */
    async createArticles(
      articles: NewArticle[],
      options: { publish: boolean; settle?: (documentIds: string[]) => Promise<void> }
    ): Promise<string[]> {
      if (articles.length === 0) return [];
      invalidate();
      const documentIds = (await strapi.db.transaction(async () => {
        const ids = await bulk.insert(articles, { publish: options.publish });
        await options.settle?.(ids);
        return ids;
      })) as string[];
      afterCommit({ action: 'create', documentIds, published: options.publish });
      return documentIds;
    },

    /**
     * Puts derived columns right in existing rows, in one transaction. `touch: true`
     * writes as any update of an entry does (Strapi's query engine: `updatedAt` and
     * row lifecycles), for repairs an editor's action is about to publish; `touch:
     * false` writes the columns only, for maintenance that must neither look like an
     * edit nor move `updatedAt` (the excerpt refresh).
     */
    async updateRows(updates: RowUpdate[], options: { touch: boolean }): Promise<void> {
      if (updates.length === 0) return;
      invalidate();
      await strapi.db.transaction(async ({ trx }) => {
        for (const { id, changes } of updates) {
          if (options.touch) await strapi.db.query(ARTICLE_UID).update({ where: { id }, data: changes });
          else {
            const columns = Object.fromEntries(Object.entries(changes).map(([attribute, value]) => [columnOf(attribute), value]));
            await articleTable(trx).where(columnOf('id'), id).update(columns);
          }
        }
      });
      const fields = [...new Set(updates.flatMap((update) => Object.keys(update.changes)))];
      afterCommit({ action: 'update', rowIds: updates.map((update) => update.id), fields });
    },
  };
};

export type DirectWrites = ReturnType<typeof createDirectWrites>;
