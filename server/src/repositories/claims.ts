import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CLAIMS_TABLE } from '../constants';
import { retryOnConflict } from '../core/retry';

/**
 * Claims are rows of a plugin-owned table whose primary key is (scope, claim_key).
 * Strapi discourages unique indexes on content-type tables (draft and published rows
 * share values), so uniqueness of slugs, category names and import keys is claimed
 * here instead: the database decides who wins, in one process or in many.
 *
 * Every query goes through `strapi.db.transaction`, which joins a caller's open
 * transaction: on SQLite (a single pooled connection) a query outside it would wait forever.
 */
export type ClaimScope = 'article-slug' | 'category-slug' | 'category-name' | 'import';

export interface Claim {
  scope: ClaimScope;
  key: string;
  owner: string;
  locked: boolean;
}

interface ClaimRow {
  scope: string;
  claim_key: string;
  owner: string;
  locked: boolean | number;
}

const toClaim = (row: ClaimRow): Claim => ({
  scope: row.scope as ClaimScope,
  key: row.claim_key,
  owner: row.owner,
  locked: Boolean(row.locked),
});

/** Prefix of the owner of a claim taken before its document (and so its documentId) exists. */
export const PENDING_OWNER = 'pending:';

/** A fresh owner for such a claim; it becomes the documentId once the document is written. */
export const pendingOwner = () => `${PENDING_OWNER}${Date.now()}:${randomUUID()}`;

/** Prefix of an import key's owner while its article is being written (services/import-keys.ts). */
export const IMPORT_PENDING_OWNER = 'import-pending:';

/** The moment a placeholder (`<prefix><ms>:<uuid>`) was made; null for any other owner. */
const placeholderTime = (owner: string): number | null => {
  const prefix = [PENDING_OWNER, IMPORT_PENDING_OWNER].find((candidate) => owner.startsWith(candidate));
  if (!prefix) return null;
  const since = Number(owner.slice(prefix.length).split(':')[0]);
  return Number.isFinite(since) ? since : null;
};

/** Rows a multi-row statement handles at most: well inside every database's limit on bound parameters. */
const BATCH = 200;

export const createClaimsRepository = (strapi: Core.Strapi) => {
  const run = async <T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> => {
    // Inside a caller's transaction a retry would replay on an aborted transaction: let it fail.
    if (strapi.db.inTransaction()) return (await strapi.db.transaction(({ trx }) => work(trx))) as T;
    return retryOnConflict(async () => (await strapi.db.transaction(({ trx }) => work(trx))) as T);
  };

  return {
    /** Creates the table when missing; true when this call created it. */
    async ensureTable(): Promise<boolean> {
      const knex = strapi.db.connection;
      if (await knex.schema.hasTable(CLAIMS_TABLE)) return false;
      try {
        await knex.schema.createTable(CLAIMS_TABLE, (table) => {
          table.string('scope', 32).notNullable();
          table.string('claim_key', 191).notNullable();
          table.string('owner', 191).notNullable();
          table.boolean('locked').notNullable().defaultTo(false);
          table.primary(['scope', 'claim_key']);
          // Owners are looked up with and without a scope (placeholders span scopes).
          table.index(['owner'], 'newsroom_claims_owner_idx');
        });
      } catch (error) {
        // Another process sharing the database may have created it first.
        if (!(await knex.schema.hasTable(CLAIMS_TABLE))) throw error;
        return false;
      }
      return true;
    },

    /** Inserts the claim unless the key is taken; true when this owner holds it afterwards. */
    async tryClaim(scope: ClaimScope, key: string, owner: string, locked = false): Promise<boolean> {
      return run(async (trx) => {
        await trx(CLAIMS_TABLE)
          .insert({ scope, claim_key: key, owner, locked })
          .onConflict(['scope', 'claim_key'])
          .ignore();
        const row = await trx(CLAIMS_TABLE).where({ scope, claim_key: key }).first('owner');
        return row?.owner === owner;
      });
    },

    /** Keys of a scope starting with `prefix` (slug prefixes are [a-z0-9-], never LIKE wildcards). */
    async keysWithPrefix(scope: ClaimScope, prefix: string): Promise<string[]> {
      return run(async (trx) => {
        const rows: Array<{ claim_key: string }> = await trx(CLAIMS_TABLE)
          .where({ scope })
          .andWhere('claim_key', 'like', `${prefix}%`)
          .select('claim_key');
        return rows.map((row) => row.claim_key);
      });
    },

    async find(scope: ClaimScope, key: string): Promise<Claim | null> {
      return run(async (trx) => {
        const row: ClaimRow | undefined = await trx(CLAIMS_TABLE).where({ scope, claim_key: key }).first();
        return row ? toClaim(row) : null;
      });
    },

    async findMany(scope: ClaimScope, keys: string[]): Promise<Claim[]> {
      if (keys.length === 0) return [];
      return run(async (trx) => {
        const rows: ClaimRow[] = await trx(CLAIMS_TABLE).where({ scope }).whereIn('claim_key', keys);
        return rows.map(toClaim);
      });
    },

    async findByOwner(scope: ClaimScope, owner: string): Promise<Claim[]> {
      return run(async (trx) => {
        const rows: ClaimRow[] = await trx(CLAIMS_TABLE).where({ scope, owner });
        return rows.map(toClaim);
      });
    },

    /**
     * `tryClaim` for many keys of a scope in two statements: one multi-row insert that
     * skips taken keys, one read back. Keys are inserted in sorted order, so two callers
     * claiming overlapping sets lock rows in the same order and cannot deadlock.
     * Gives back the keys each owner now holds; the others were taken.
     */
    async tryClaimMany(scope: ClaimScope, wanted: Array<{ key: string; owner: string; locked: boolean }>): Promise<Set<string>> {
      const won = new Set<string>();
      const byKey = new Map<string, { key: string; owner: string; locked: boolean }>();
      for (const entry of wanted) if (!byKey.has(entry.key)) byKey.set(entry.key, entry);
      const entries = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      for (let start = 0; start < entries.length; start += BATCH) {
        const part = entries.slice(start, start + BATCH);
        const rows: Array<{ claim_key: string; owner: string }> = await run(async (trx) => {
          await trx(CLAIMS_TABLE)
            .insert(part.map(({ key, owner, locked }) => ({ scope, claim_key: key, owner, locked })))
            .onConflict(['scope', 'claim_key'])
            .ignore();
          return trx(CLAIMS_TABLE)
            .where({ scope })
            .whereIn(
              'claim_key',
              part.map((entry) => entry.key)
            )
            .select('claim_key', 'owner');
        });
        for (const row of rows) if (byKey.get(row.claim_key)?.owner === row.owner) won.add(row.claim_key);
      }
      return won;
    },

    /**
     * `transferOwner` for many owners at once (placeholders to documentIds), one statement a
     * batch; gives back how many claims changed hands, so a caller can tell one went missing.
     */
    async transferOwners(moves: Array<{ from: string; to: string }>): Promise<number> {
      let moved = 0;
      for (let start = 0; start < moves.length; start += BATCH) {
        const part = moves.slice(start, start + BATCH);
        const changed = await run((trx) =>
          trx(CLAIMS_TABLE)
            .whereIn(
              'owner',
              part.map((move) => move.from)
            )
            .update({
              owner: trx.raw(`case ?? ${part.map(() => 'when ? then ?').join(' ')} else ?? end`, [
                'owner',
                ...part.flatMap((move) => [move.from, move.to]),
                'owner',
              ]),
            })
        );
        moved += Number(changed);
      }
      return moved;
    },

    async transferOwner(fromOwner: string, toOwner: string): Promise<void> {
      await run((trx) => trx(CLAIMS_TABLE).where({ owner: fromOwner }).update({ owner: toOwner }));
    },

    /** Compare-and-set: moves a claim to a new owner only if it still has the expected one. */
    async takeOver(scope: ClaimScope, key: string, expectedOwner: string, newOwner: string): Promise<boolean> {
      const changed = await run((trx) =>
        trx(CLAIMS_TABLE).where({ scope, claim_key: key, owner: expectedOwner }).update({ owner: newOwner })
      );
      return Number(changed) === 1;
    },

    async lock(scope: ClaimScope, owner: string): Promise<void> {
      await run((trx) => trx(CLAIMS_TABLE).where({ scope, owner }).update({ locked: true }));
    },

    async release(scope: ClaimScope, key: string, owner: string): Promise<void> {
      await run((trx) => trx(CLAIMS_TABLE).where({ scope, claim_key: key, owner }).delete());
    },

    /**
     * Deletes placeholders older than `maxAgeMs`: a create hands its claims over (or gives
     * them back) within seconds, so these belong to a process that died in between. Gives
     * how many went. One scan of the table: for startup, not for every request.
     */
    async releaseStalePlaceholders(maxAgeMs: number): Promise<number> {
      const cutoff = Date.now() - maxAgeMs;
      const rows: Array<{ owner: string }> = await run((trx) =>
        trx(CLAIMS_TABLE).where('owner', 'like', `${PENDING_OWNER}%`).orWhere('owner', 'like', `${IMPORT_PENDING_OWNER}%`).select('owner')
      );
      const stale = [...new Set(rows.map((row) => row.owner))].filter((owner) => {
        const since = placeholderTime(owner);
        return since !== null && since < cutoff;
      });
      let released = 0;
      for (let start = 0; start < stale.length; start += BATCH) {
        const part = stale.slice(start, start + BATCH);
        released += Number(await run((trx) => trx(CLAIMS_TABLE).whereIn('owner', part).delete()));
      }
      return released;
    },

    async releaseOwner(owner: string): Promise<void> {
      await run((trx) => trx(CLAIMS_TABLE).where({ owner }).delete());
    },
  };
};

export type ClaimsRepository = ReturnType<typeof createClaimsRepository>;
