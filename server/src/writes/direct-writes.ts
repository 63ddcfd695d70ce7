/**
 * The one seam for writes of article rows that go around the Document Service:
 * the importer's new articles, many at a time (for speed: services/import/bulk.ts
 * holds their SQL), and derived columns put right in rows that exist (the repairs
 * before a publish, repositories/articles.ts; the excerpt refresh after an
 * `excerptLength` change, repositories/excerpts.ts). Nothing else in the plugin
 * writes article rows without the Document Service, and each of these writes runs
 * through `run` below.
 *
 * What the Document Service gives everyone else, and how a direct write keeps it:
 * - Strapi's validation: `validateNew` runs the validator the Document Service runs
 *   on create; callers validate each new article before `createArticles`.
 * - Snippet caches: emptied before the write (a read racing it cannot store older
 *   rows) and once its transaction has committed (this instance, and the others over
 *   the invalidation bus), as the snippet-cache document middleware does; also when
 *   the write fails outside a transaction, since it may have written some rows.
 * - Events: `entry.create` (and `entry.publish`) for each new article, after the
 *   commit, so webhooks fire as for any create.
 * - Frontend revalidation: new published articles are recorded in the outbox of
 *   services/revalidation.ts inside the write's transaction (a rollback takes the
 *   record back; a commit keeps it across a crash). Repairs and excerpt refreshes
 *   change no published slug or path; the excerpt refresh records one `refresh`.
 * - Other plugins' document middlewares and lifecycle subscribers (SPEC 13): a
 *   write they must see cannot go around the Document Service at all.
 *   `createArticles` decides before anything is written (writes/write-listeners.ts,
 *   the rule in core/import/write-path.ts) and gives back null when others listen:
 *   the importer then writes those articles one by one through the Document Service.
 *   Repairs and the excerpt refresh maintain derived columns and stay direct.
 *
 * - Planner statistics: PostgreSQL's autovacuum may be late or off; the importer's
 *   bulk inserts are counted towards an ANALYZE (repositories/table-statistics.ts).
 *
 * Everything else that must follow a direct write starts from one description of it,
 * `DirectWrite`, in `afterCommit`.
 */
import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { createBulkArticleWriter, type NewArticle } from '../services/import/bulk';
import { tableStatistics } from '../repositories/table-statistics';
import { createWriteListeners } from './write-listeners';

export type { NewArticle };

/** What a direct write changed: the one input of what must follow it. */
export type DirectWrite =
  | { action: 'create'; documentIds: string[]; published: boolean }
  | { action: 'update'; rowIds: number[] };

export const createDirectWrites = (strapi: Core.Strapi) => {
  const bulk = createBulkArticleWriter(strapi);
  const listeners = createWriteListeners(strapi);
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
      if (write.action !== 'create') return;
      // Many rows at once: PostgreSQL's planner statistics must follow (repositories/table-statistics.ts).
      tableStatistics(strapi).noteRows(write.documentIds.length * (write.published ? 2 : 1));
      await bulk.announce(write.documentIds, { publish: write.published });
    });
  }

  /** Every direct write: `work` writes (through a repository), `describe` says what it wrote. */
  async function run<T>(work: () => Promise<T>, describe: (result: T) => DirectWrite): Promise<T> {
    invalidate();
    let result: T;
    try {
      result = await work();
    } catch (error) {
      // Outside a transaction some rows may be written; inside one, the rollback takes them back.
      onCommit(async () => invalidate());
      throw error;
    }
    afterCommit(describe(result));
    return result;
  }

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
     * there): if it throws, nothing is announced and the transaction (the caller's, or
     * this one) takes the rows back. Gives back null, having written nothing, when
     * other plugins or the app listen to article creates: each article must then go
     * through the Document Service.
     */
    async createArticles(
      articles: NewArticle[],
      options: { publish: boolean; settle?: (documentIds: string[]) => Promise<void> }
    ): Promise<string[] | null> {
      if (articles.length === 0) return [];
      if ((await listeners.decide()).path === 'documentService') return null;
      return run(
        async () =>
          (await strapi.db.transaction(async () => {
            const documentIds = await bulk.insert(articles, { publish: options.publish });
            await options.settle?.(documentIds);
            // In the write's transaction: frontends hear of the articles once, and only if, they are committed.
            if (options.publish) await getService(strapi, 'revalidation').record({ event: 'import', documentIds });
            return documentIds;
          })) as string[],
        (documentIds) => ({ action: 'create', documentIds, published: options.publish })
      );
    },

    /**
     * Columns of existing rows written by `write` (a repository's statement): derived
     * values put right, never an editorial change. Gives back what `write` gives.
     */
    updateRows<T>(rowIds: readonly number[], write: () => Promise<T>): Promise<T> {
      return run(write, () => ({ action: 'update', rowIds: [...rowIds] }));
    },
  };
};

export type DirectWrites = ReturnType<typeof createDirectWrites>;
