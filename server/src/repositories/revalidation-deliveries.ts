import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { REVALIDATION_DELIVERIES_TABLE as TABLE } from '../constants';
import type { DeliveryStatus, RevalidationEvent } from '../../../shared/contracts/revalidation';
import type { AttemptOutcome } from '../core/revalidation/outcome';
import type { DeliveryDraft } from '../core/revalidation/payload';

/**
 * The delivery queue (SPEC 11): one row per delivery to one target, in a plugin-owned
 * table that every instance sharing the database works from. An instance takes a due
 * delivery with a lease, by a conditional UPDATE that only one instance can win, makes
 * one attempt and records its outcome; a lease whose instance crashed runs out and the
 * delivery is due again. Times are milliseconds since the epoch (portable across SQLite,
 * PostgreSQL and MySQL, and free of time-zone conversions).
 */
export interface DeliveryRow {
  id: string;
  target: string;
  event: RevalidationEvent;
  /** The exact JSON body sent on every attempt. */
  body: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number | null;
  leaseOwner: string | null;
  leaseUntil: number | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  deliveredAt: number | null;
  articleCount: number;
  pathCount: number;
}

/** A delivery to queue (core/revalidation/payload.ts makes them), due at once. */
export type NewDelivery = DeliveryDraft;

type Row = Record<string, unknown>;

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

const toDelivery = (row: Row): DeliveryRow => ({
  id: String(row.id),
  target: String(row.target),
  event: row.event as RevalidationEvent,
  body: String(row.body),
  status: row.status as DeliveryStatus,
  attempts: Number(row.attempts),
  nextAttemptAt: num(row.next_attempt_at),
  leaseOwner: (row.lease_owner as string | null) ?? null,
  leaseUntil: num(row.lease_until),
  lastStatus: num(row.last_status),
  lastError: (row.last_error as string | null) ?? null,
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
  deliveredAt: num(row.delivered_at),
  articleCount: Number(row.article_count),
  pathCount: Number(row.path_count),
});

/** Inserted a few hundred at a time: well inside every database's limit on bound parameters. */
const INSERT_CHUNK = 100;
const ERROR_LENGTH = 500;

export const createRevalidationDeliveriesRepository = (strapi: Core.Strapi) => {
  // Joins a caller's open transaction (turning changes into deliveries happens in one).
  const run = <T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
    strapi.db.transaction(({ trx }) => work(trx)) as Promise<T>;

  return {
    /** Creates the table when missing. */
    async ensureTable(): Promise<void> {
      const knex = strapi.db.connection;
      if (await knex.schema.hasTable(TABLE)) return;
      try {
        await knex.schema.createTable(TABLE, (table) => {
          table.string('id', 36).primary();
          table.string('target', 100).notNullable();
          table.string('event', 32).notNullable();
          table.text('body', 'longtext').notNullable();
          table.string('status', 16).notNullable();
          table.integer('attempts').notNullable().defaultTo(0);
          table.bigInteger('next_attempt_at').nullable();
          table.string('lease_owner', 64).nullable();
          table.bigInteger('lease_until').nullable();
          table.integer('last_status').nullable();
          table.string('last_error', ERROR_LENGTH).nullable();
          table.bigInteger('created_at').notNullable();
          table.bigInteger('updated_at').notNullable();
          table.bigInteger('delivered_at').nullable();
          table.integer('article_count').notNullable().defaultTo(0);
          table.integer('path_count').notNullable().defaultTo(0);
          table.index(['status', 'next_attempt_at'], 'newsroom_revalidation_due_idx');
          table.index(['created_at'], 'newsroom_revalidation_created_idx');
        });
      } catch (error) {
        // Another process sharing the database may have created it first.
        if (!(await knex.schema.hasTable(TABLE))) throw error;
      }
    },

    async insertMany(deliveries: NewDelivery[], nowMs: number): Promise<void> {
      for (let start = 0; start < deliveries.length; start += INSERT_CHUNK) {
        const part = deliveries.slice(start, start + INSERT_CHUNK);
        await run((trx) =>
          trx(TABLE).insert(
            part.map((delivery) => ({
              id: delivery.id,
              target: delivery.target,
              event: delivery.event,
              body: delivery.body,
              status: 'pending',
              attempts: 0,
              next_attempt_at: nowMs,
              created_at: nowMs,
              updated_at: nowMs,
              article_count: delivery.articleCount,
              path_count: delivery.pathCount,
            }))
          )
        );
      }
    },

    /** Inserts a delivery that `owner` holds already, its first attempt counted: a test sent at once. */
    async insertHeld(delivery: NewDelivery, owner: string, nowMs: number, leaseMs: number): Promise<void> {
      await run((trx) =>
        trx(TABLE).insert({
          id: delivery.id,
          target: delivery.target,
          event: delivery.event,
          body: delivery.body,
          status: 'pending',
          attempts: 1,
          next_attempt_at: nowMs,
          lease_owner: owner,
          lease_until: nowMs + leaseMs,
          created_at: nowMs,
          updated_at: nowMs,
          article_count: delivery.articleCount,
          path_count: delivery.pathCount,
        })
      );
    },

    /** Ids of pending deliveries due at `nowMs` that nobody holds, the longest waiting first. */
    async due(nowMs: number, limit: number): Promise<string[]> {
      const rows = (await run((trx) =>
        trx(TABLE)
          .where({ status: 'pending' })
          .andWhere('next_attempt_at', '<=', nowMs)
          .andWhere((query) => query.whereNull('lease_until').orWhere('lease_until', '<', nowMs))
          .orderBy('next_attempt_at', 'asc')
          .limit(limit)
          .select('id')
      )) as Row[];
      return rows.map((row) => String(row.id));
    },

    /**
     * Takes a due delivery for one attempt: one conditional UPDATE, which only one
     * instance can win. Counts the attempt. The row as taken, or null when it was not free.
     */
    async claim(id: string, owner: string, nowMs: number, leaseMs: number): Promise<DeliveryRow | null> {
      const changed = await run((trx) =>
        trx(TABLE)
          .where({ id, status: 'pending' })
          .andWhere('next_attempt_at', '<=', nowMs)
          .andWhere((query) => query.whereNull('lease_until').orWhere('lease_until', '<', nowMs))
          .update({ lease_owner: owner, lease_until: nowMs + leaseMs, attempts: trx.raw('?? + 1', ['attempts']), updated_at: nowMs })
      );
      if (Number(changed) !== 1) return null;
      return this.find(id);
    },

    /** Records the outcome of an attempt made under `owner`'s lease, and lets the lease go. */
    async finish(id: string, owner: string, outcome: AttemptOutcome, nowMs: number): Promise<boolean> {
      const changed = await run((trx) =>
        trx(TABLE)
          .where({ id, lease_owner: owner })
          .update({
            status: outcome.status,
            next_attempt_at: outcome.nextAttemptAt,
            last_status: outcome.lastStatus,
            last_error: outcome.lastError === null ? null : outcome.lastError.slice(0, ERROR_LENGTH),
            delivered_at: outcome.status === 'delivered' ? nowMs : null,
            lease_owner: null,
            lease_until: null,
            updated_at: nowMs,
          })
      );
      return Number(changed) === 1;
    },

    /** Leases of an instance that stops: its deliveries are due again at once, elsewhere or after a restart. */
    async releaseAll(owner: string, nowMs: number): Promise<void> {
      await run((trx) => trx(TABLE).where({ lease_owner: owner, status: 'pending' }).update({ lease_owner: null, lease_until: null, updated_at: nowMs }));
    },

    async find(id: string): Promise<DeliveryRow | null> {
      const row = (await run((trx) => trx(TABLE).where({ id }).first())) as Row | undefined;
      return row ? toDelivery(row) : null;
    },

    /** The latest deliveries, newest first, of one target or all. */
    async recent(limit: number, target?: string): Promise<DeliveryRow[]> {
      const rows = (await run((trx) => {
        const query = trx(TABLE).orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ]);
        if (target !== undefined) query.where({ target });
        return query.limit(limit).select('*');
      })) as Row[];
      return rows.map(toDelivery);
    },

    /** Deletes finished deliveries older than `beforeMs`, and all but the newest `keep` of the others. */
    async prune(beforeMs: number, keep: number): Promise<number> {
      const finished = ['delivered', 'failed'];
      let removed = Number(await run((trx) => trx(TABLE).whereIn('status', finished).andWhere('updated_at', '<', beforeMs).delete()));
      const edge = (await run((trx) =>
        trx(TABLE).whereIn('status', finished).orderBy('updated_at', 'desc').offset(keep).limit(1).select('updated_at')
      )) as Row[];
      if (edge.length > 0) {
        const cutoff = Number(edge[0].updated_at);
        removed += Number(await run((trx) => trx(TABLE).whereIn('status', finished).andWhere('updated_at', '<=', cutoff).delete()));
      }
      return removed;
    },
  };
};

export type RevalidationDeliveriesRepository = ReturnType<typeof createRevalidationDeliveriesRepository>;
