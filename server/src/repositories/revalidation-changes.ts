import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { REVALIDATION_CHANGES_TABLE } from '../constants';
import type { RecordedChange } from '../core/revalidation/changes';

/**
 * Changes waiting to become deliveries (SPEC 11): an outbox. A write records its change
 * in its own transaction, so a change that rolled back is never delivered and one that
 * committed is never lost, even when the process dies right after the commit. Any
 * instance later takes the changes of a burst out and turns them into deliveries, in
 * one transaction of its own.
 */
interface ChangeRow {
  id: number | string;
  change_json: string;
  created_at: number | string;
}

/** Rolls the taking back: another instance took some of the changes first. */
class TakenElsewhere extends Error {}

/** Changes one delivery run takes at most; the rest are taken by the next. */
const TAKE_AT_MOST = 1000;

export interface PendingChanges {
  oldest: number;
  newest: number;
  lastId: number;
}

export const createRevalidationChangesRepository = (strapi: Core.Strapi) => {
  // Joins a caller's open transaction (the write being recorded); on SQLite, a query
  // outside it would wait for the single connection forever.
  const run = <T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
    strapi.db.transaction(({ trx }) => work(trx)) as Promise<T>;

  return {
    /** Creates the table when missing. */
    async ensureTable(): Promise<void> {
      const knex = strapi.db.connection;
      if (await knex.schema.hasTable(REVALIDATION_CHANGES_TABLE)) return;
      try {
        await knex.schema.createTable(REVALIDATION_CHANGES_TABLE, (table) => {
          table.increments('id').primary();
          // A category change may list thousands of articles: more than MySQL's TEXT holds.
          table.text('change_json', 'longtext').notNullable();
          table.bigInteger('created_at').notNullable();
        });
      } catch (error) {
        // Another process sharing the database may have created it first.
        if (!(await knex.schema.hasTable(REVALIDATION_CHANGES_TABLE))) throw error;
      }
    },

    /** Stores a change, in the caller's transaction when there is one. */
    async insert(change: RecordedChange): Promise<void> {
      await run((trx) => trx(REVALIDATION_CHANGES_TABLE).insert({ change_json: JSON.stringify(change), created_at: change.at }));
    },

    /** When the waiting changes were recorded, or null when none waits. */
    async pending(): Promise<PendingChanges | null> {
      const row = (await run((trx) =>
        trx(REVALIDATION_CHANGES_TABLE)
          .min({ oldest: 'created_at' })
          .max({ newest: 'created_at', lastId: 'id' })
          .first()
      )) as { oldest: unknown; newest: unknown; lastId: unknown } | undefined;
      if (!row || row.lastId === null || row.lastId === undefined) return null;
      return { oldest: Number(row.oldest), newest: Number(row.newest), lastId: Number(row.lastId) };
    },

    /**
     * Takes the changes up to `lastId` out of the table and hands them, in the order they
     * were recorded, to `work`, all in one transaction: `work` stores the deliveries made
     * of them in it. Gives false, and leaves everything as it was, when another instance
     * took some of them meanwhile: those are then its to deliver.
     */
    async take(lastId: number, work: (changes: RecordedChange[]) => Promise<void>): Promise<boolean> {
      try {
        await strapi.db.transaction(async ({ trx }) => {
          const rows = (await trx(REVALIDATION_CHANGES_TABLE)
            .where('id', '<=', lastId)
            .orderBy('id', 'asc')
            .limit(TAKE_AT_MOST)
            .select('id', 'change_json')) as ChangeRow[];
          if (rows.length === 0) throw new TakenElsewhere();
          // Deleting is the claim: another instance's delete of the same rows waits for this
          // commit and then finds them gone (or this one finds them gone), never both.
          const ids = rows.map((row) => Number(row.id));
          const deleted = Number(await trx(REVALIDATION_CHANGES_TABLE).whereIn('id', ids).delete());
          if (deleted !== rows.length) throw new TakenElsewhere();
          await work(rows.map((row) => JSON.parse(row.change_json) as RecordedChange));
        });
        return true;
      } catch (error) {
        if (error instanceof TakenElsewhere) return false;
        throw error;
      }
    },
  };
};

export type RevalidationChangesRepository = ReturnType<typeof createRevalidationChangesRepository>;
