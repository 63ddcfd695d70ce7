/**
 * The claims table: SQL only. What the owners mean (placeholders, staleness,
 * hand-over) is the claims service's (services/claims.ts), which every caller uses.
 *
 * Claims are rows of a plugin-owned table whose primary key is (scope, claim_key).
 * Strapi discourages unique indexes on content-type tables (draft and published rows
 * share values), so uniqueness of slugs, category names and import keys is claimed
 * here instead: the database decides who wins, in one process or in many.
 *
 * Every query goes through `strapi.db.transaction`, which joins a caller's open
 * transaction: on SQLite (a single pooled connection) a query outside it would wait forever.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CLAIMS_TABLE } from '../constants';
import { chunks } from '../core/chunks';
import { retryOnConflict } from '../core/retry';

export type ClaimScope = 'article-slug' | 'category-slug' | 'category-name' | 'import';

export interface Claim {
  scope: ClaimScope;
  key: string;
  owner: string;
  locked: boolean;
}

export interface WantedClaim {
  key: string;
  owner: string;
  locked: boolean;
}

export interface OwnerMove {
  from: string;
  to: string;
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

const byKey = (a: WantedClaim, b: WantedClaim) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

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
        await trx(CLAIMS_TABLE).insert({ scope, claim_key: key, owner, locked }).onConflict(['scope', 'claim_key']).ignore();
        const row = await trx(CLAIMS_TABLE).where({ scope, claim_key: key }).first('owner');
        return row?.owner === owner;
      });
    },

    /**
     * `tryClaim` for many keys of a scope, two statements a chunk: one multi-row insert
     * that skips taken keys, one read back. Keys are inserted in sorted order, so two
     * callers claiming overlapping sets lock rows in the same order and cannot deadlock.
     * Gives back the keys each owner now holds; the others were taken.
     */
    async tryClaimMany(scope: ClaimScope, wanted: WantedClaim[]): Promise<Set<string>> {
      const won = new Set<string>();
      const first = new Map<string, WantedClaim>();
      for (const entry of wanted) if (!first.has(entry.key)) first.set(entry.key, entry);
      for (const part of chunks([...first.values()].sort(byKey))) {
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
        for (const row of rows) if (first.get(row.claim_key)?.owner === row.owner) won.add(row.claim_key);
      }
      return won;
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
      const found: Claim[] = [];
      for (const part of chunks([...new Set(keys)])) {
        const rows: ClaimRow[] = await run((trx) => trx(CLAIMS_TABLE).where({ scope }).whereIn('claim_key', part));
        found.push(...rows.map(toClaim));
      }
      return found;
    },

    async findByOwner(scope: ClaimScope, owner: string): Promise<Claim[]> {
      return run(async (trx) => {
        const rows: ClaimRow[] = await trx(CLAIMS_TABLE).where({ scope, owner });
        return rows.map(toClaim);
      });
    },

    /** Every claim of a scope (a migration of its keys). */
    async findScope(scope: ClaimScope): Promise<Claim[]> {
      const rows: ClaimRow[] = await run((trx) => trx(CLAIMS_TABLE).where({ scope }));
      return rows.map(toClaim);
    },

    /** Deletes these keys of a scope, whoever holds them. */
    async releaseKeys(scope: ClaimScope, keys: string[]): Promise<void> {
      for (const part of chunks([...new Set(keys)])) await run((trx) => trx(CLAIMS_TABLE).where({ scope }).whereIn('claim_key', part).delete());
    },

    /** Owners whose name starts with one of the prefixes, each once (the placeholders). */
    async ownersWithPrefix(prefixes: readonly string[]): Promise<string[]> {
      const rows: Array<{ owner: string }> = await run((trx) => {
        const query = trx(CLAIMS_TABLE).distinct('owner');
        for (const prefix of prefixes) query.orWhere('owner', 'like', `${prefix}%`);
        return query;
      });
      return rows.map((row) => row.owner);
    },

    /**
     * Moves every claim of each `from` owner to its `to` owner, one statement a chunk;
     * gives back how many claims changed hands, so a caller can tell one went missing.
     */
    async transferOwners(moves: OwnerMove[]): Promise<number> {
      let moved = 0;
      for (const part of chunks(moves)) {
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

    /** Compare-and-set: moves a claim to a new owner only if it still has the expected one. */
    async takeOver(scope: ClaimScope, key: string, expectedOwner: string, newOwner: string): Promise<boolean> {
      const changed = await run((trx) =>
        trx(CLAIMS_TABLE).where({ scope, claim_key: key, owner: expectedOwner }).update({ owner: newOwner })
      );
      return Number(changed) === 1;
    },

    async lock(scope: ClaimScope, owner: string, keyPrefix = ''): Promise<void> {
      await run((trx) => {
        const query = trx(CLAIMS_TABLE).where({ scope, owner });
        if (keyPrefix !== '') query.andWhere('claim_key', 'like', `${keyPrefix}%`);
        return query.update({ locked: true });
      });
    },

    async release(scope: ClaimScope, key: string, owner: string): Promise<void> {
      await run((trx) => trx(CLAIMS_TABLE).where({ scope, claim_key: key, owner }).delete());
    },

    /** Deletes every claim of these owners, in any scope; gives how many went. */
    async releaseOwners(owners: string[]): Promise<number> {
      let released = 0;
      for (const part of chunks([...new Set(owners)])) {
        released += Number(await run((trx) => trx(CLAIMS_TABLE).whereIn('owner', part).delete()));
      }
      return released;
    },
  };
};

export type ClaimsRepository = ReturnType<typeof createClaimsRepository>;
