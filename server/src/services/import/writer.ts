import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * How an import batch is written. On SQLite every commit is a disk sync, and a
 * single article create commits several times (import key, slug claims, rows,
 * relations): grouping CHUNK documents in one transaction is what makes a batch
 * fast (SPEC 9; measured by bench/import.js). SQLite has one connection, so a
 * chunk briefly holds up other requests and nobody else can write in the
 * meantime: no lock waits, no deadlocks.
 *
 * PostgreSQL and MySQL serve concurrent requests: there a long transaction
 * would hold claim rows locked, make concurrent imports wait on each other and
 * risk deadlocks between imports of the same titles in another order; on MySQL
 * (REPEATABLE READ) a claim's read-back inside a transaction can miss a row
 * another request committed meanwhile. So there each document commits on its
 * own (bench/import.js: about 1.5× slower than a transaction a document on
 * PostgreSQL, which is left as a possible follow-up).
 *
 * Inside a chunk each document runs within a savepoint, so a document that
 * fails half-way leaves nothing behind and the others still commit.
 */
const CHUNK = 100;
const SAVEPOINT = 'newsroom_import_write';

export interface ImportWriter {
  /** True when documents share a transaction: waiting there on another request's claim would only block it. */
  readonly batched: boolean;
  /**
   * Runs `work` on the items, CHUNK at a time, in order; `work` gives one result
   * an item. When a chunk fails as a whole (its commit, say), `recover` turns the
   * error into each of its items' results.
   */
  run<T, R>(items: T[], work: (chunk: T[]) => Promise<R[]>, recover: (item: T, error: unknown) => R): Promise<R[]>;
  /** Runs `work` all or nothing: in a savepoint of the chunk's transaction, or in a transaction of its own. */
  isolated<R>(work: () => Promise<R>): Promise<R>;
}

export const createImportWriter = (strapi: Core.Strapi): ImportWriter => {
  const batched = strapi.db.dialect.client === 'sqlite';

  async function inSavepoint<R>(trx: Knex.Transaction, work: () => Promise<R>): Promise<R> {
    await trx.raw(`SAVEPOINT ${SAVEPOINT}`);
    try {
      const result = await work();
      await trx.raw(`RELEASE SAVEPOINT ${SAVEPOINT}`);
      return result;
    } catch (error) {
      await trx.raw(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
      await trx.raw(`RELEASE SAVEPOINT ${SAVEPOINT}`);
      throw error;
    }
  }

  return {
    batched,
    async run(items, work, recover) {
      const results = [];
      for (let start = 0; start < items.length; start += CHUNK) {
        const chunk = items.slice(start, start + CHUNK);
        try {
          results.push(...(batched ? await strapi.db.transaction(() => work(chunk)) : await work(chunk)));
        } catch (error) {
          results.push(...chunk.map((item) => recover(item, error)));
        }
      }
      return results;
    },
    async isolated<R>(work: () => Promise<R>): Promise<R> {
      const nested = strapi.db.inTransaction();
      return (await strapi.db.transaction(({ trx }) => (nested ? inSavepoint(trx, work) : work()))) as R;
    },
  };
};
