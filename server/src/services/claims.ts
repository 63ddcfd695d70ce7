/**
 * The claims protocol: how the plugin keeps article slugs, category names and
 * slugs, and import keys unique, in one process or in many sharing a database.
 * Every caller goes through this service; the SQL is in repositories/claims.ts.
 *
 * - A claim is a row (scope, key) → owner; the table's primary key lets exactly one
 *   owner hold a key. The owner is the documentId of the document holding it.
 * - A write that creates a document claims before the documentId exists, under a
 *   **placeholder** owner, `pending:<ms>:<uuid>` (an import key: `import-pending:…`,
 *   so the two kinds can be told apart in the table). Both forms are what databases
 *   hold already; both are read the same way.
 * - **Hand-over**: once the document is written, its placeholder's claims move to its
 *   documentId in the write's own transaction (`withinWrite`), so a document never
 *   exists without its claims and a failed write leaves none behind.
 * - **Stale**: a placeholder older than STALE_PLACEHOLDER_MS belongs to a writer that
 *   stopped between claiming and writing (a write hands over within seconds). Another
 *   writer may take such a claim over, compare-and-swap (`takeOverIfAbandoned`), as it
 *   may a claim whose document was deleted around the Document Service; and startup
 *   releases stale placeholders (`releaseStalePlaceholders`).
 * - **Slugs** take the lowest free suffix (`claimSlug`); an article slug claim is
 *   **locked** once the article is published (SPEC 3.1).
 * - Many keys at once go in chunks of ROWS_PER_STATEMENT (core/chunks.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { categoryNameKey } from '../core/category-fields';
import { slugKeyPrefix } from '../core/localization';
import { nextFreeSlug, suffixSearchPrefix } from '../core/slug';
import { createArticleRepository } from '../repositories/articles';
import { createCategoryRepository } from '../repositories/categories';
import { isLocalized } from '../localization';
import { createClaimsRepository, type Claim, type ClaimScope, type OwnerMove, type WantedClaim } from '../repositories/claims';

export type { Claim, ClaimScope, OwnerMove, WantedClaim };

/** What a placeholder holds: the claims of a document write, or an import key. */
export type PlaceholderKind = 'write' | 'import';

const PLACEHOLDER_PREFIXES: Record<PlaceholderKind, string> = { write: 'pending:', import: 'import-pending:' };
const PREFIXES = Object.values(PLACEHOLDER_PREFIXES);

/** Older than any write in progress: a write hands its claims over within seconds. */
export const STALE_PLACEHOLDER_MS = 2 * 60 * 1000;

/** A fresh placeholder owner; it becomes the documentId once the document is written. */
export const newPlaceholder = (kind: PlaceholderKind = 'write'): string => `${PLACEHOLDER_PREFIXES[kind]}${Date.now()}:${randomUUID()}`;

export const isPlaceholder = (owner: string): boolean => PREFIXES.some((prefix) => owner.startsWith(prefix));

/** The moment a placeholder was made; null for a documentId, or a placeholder without a readable time. */
export function placeholderSince(owner: string): number | null {
  const prefix = PREFIXES.find((candidate) => owner.startsWith(candidate));
  if (prefix === undefined) return null;
  const since = Number(owner.slice(prefix.length).split(':')[0]);
  return Number.isFinite(since) ? since : null;
}

/** A placeholder whose writer is gone: older than STALE_PLACEHOLDER_MS, or without a readable time. */
export function isStalePlaceholder(owner: string, now: number = Date.now()): boolean {
  if (!isPlaceholder(owner)) return false;
  const since = placeholderSince(owner);
  return since === null || now - since > STALE_PLACEHOLDER_MS;
}

/** A placeholder whose writer may still be at work: wait for it rather than take its claim. */
export const isPendingPlaceholder = (owner: string, now: number = Date.now()): boolean =>
  isPlaceholder(owner) && !isStalePlaceholder(owner, now);

const MAX_SLUG_ATTEMPTS = 1000;

/**
 * Claims for one base slug taken in this process, one after the other. Correctness does
 * not depend on it (the claims table's primary key decides), but without it N racing
 * writers in one process retry O(N²) times; with it only other processes contend.
 */
const queues = new Map<string, Promise<unknown>>();

function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const current = previous.then(work, work);
  const tail = current.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return current;
}

/** Whether the document holding a claim is gone (deleted around the Document Service). */
export type HolderGone = (owner: string) => Promise<boolean>;

const claimsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createClaimsRepository(strapi);
  const articles = createArticleRepository(strapi);
  const categories = createCategoryRepository(strapi);

  /**
   * Article slug claims for rows without one, keyed per locale when articles are
   * localized (SPEC 12); `lockedBefore` (`<documentId>:<slug>`) keeps the slugs that
   * were frozen under other keys (before a switch of `localized`) frozen.
   */
  async function backfillArticleSlugs(lockedBefore: ReadonlySet<string>): Promise<void> {
    const localized = isLocalized(strapi);
    const keyOf = (row: { slug: string; locale: string | null }) => slugKeyPrefix(localized ? row.locale : null) + row.slug;
    const rows = await articles.allSlugs();
    const published = new Set(rows.filter((row) => row.publishedAt !== null).map((row) => `${row.documentId}/${localized ? row.locale : ''}`));
    await repository.tryClaimMany(
      'article-slug',
      rows.flatMap((row) =>
        row.slug
          ? [
              {
                key: keyOf({ slug: row.slug, locale: row.locale }),
                owner: row.documentId,
                locked: published.has(`${row.documentId}/${localized ? row.locale : ''}`) || lockedBefore.has(`${row.documentId}:${row.slug}`),
              },
            ]
          : []
      )
    );
  }

  /** Claims for rows that exist without one (the plugin installed over existing data, or the table dropped). */
  async function backfill(): Promise<void> {
    await backfillArticleSlugs(new Set());
    const all = await categories.all();
    await repository.tryClaimMany(
      'category-name',
      all.map((category) => ({ key: categoryNameKey(category.name), owner: category.documentId, locked: false }))
    );
    await repository.tryClaimMany(
      'category-slug',
      all.flatMap((category) => (category.slug ? [{ key: category.slug, owner: category.documentId, locked: false }] : []))
    );
  }

  /**
   * Deletes placeholders older than `maxAgeMs`, whatever their kind: they belong to a
   * process that stopped between claiming and writing. Gives how many claims went.
   * One scan of the owners: for startup, not for every request.
   */
  async function releaseStalePlaceholders(maxAgeMs: number = STALE_PLACEHOLDER_MS): Promise<number> {
    const cutoff = Date.now() - maxAgeMs;
    const stale = (await repository.ownersWithPrefix(PREFIXES)).filter((owner) => {
      const since = placeholderSince(owner);
      return since !== null && since < cutoff;
    });
    return repository.releaseOwners(stale);
  }

  /** The claim of `key`, taken over from a holder that is gone (stale placeholder, or `holderGone`); compare-and-swap. */
  async function takeOverIfAbandoned(claim: Claim, owner: string, holderGone: HolderGone): Promise<boolean> {
    if (isPendingPlaceholder(claim.owner)) return false;
    const abandoned = isStalePlaceholder(claim.owner) || (await holderGone(claim.owner));
    return abandoned && repository.takeOver(claim.scope, claim.key, claim.owner, owner);
  }

  /** The slugs taken under `keyPrefix` (a locale's, or none) that start with `prefix`. */
  const takenSlugs = async (scope: ClaimScope, keyPrefix: string, prefix: string): Promise<string[]> =>
    (await repository.keysWithPrefix(scope, keyPrefix + prefix)).map((key) => key.slice(keyPrefix.length));

  return {
    /** At startup: the table, claims for rows written before it existed, no placeholder of a stopped process. */
    async prepare(): Promise<{ releasedStale: number }> {
      if (await repository.ensureTable()) await backfill();
      return { releasedStale: await releaseStalePlaceholders() };
    },

    releaseStalePlaceholders,

    /**
     * After `localized` was switched (SPEC 12): every document's article slug claims
     * keyed anew (per locale, or not), frozen slugs kept frozen. Placeholders of writes
     * in progress are left alone.
     */
    async rekeyArticleSlugs(): Promise<void> {
      const held = (await repository.findScope('article-slug')).filter((claim) => !isPlaceholder(claim.owner));
      const lockedBefore = new Set(
        held.filter((claim) => claim.locked).map((claim) => `${claim.owner}:${claim.key.slice(claim.key.lastIndexOf('/') + 1)}`)
      );
      await repository.releaseKeys(
        'article-slug',
        held.map((claim) => claim.key)
      );
      await backfillArticleSlugs(lockedBefore);
    },

    placeholder: newPlaceholder,

    /** Inserts the claim unless the key is taken; true when `owner` holds it afterwards. */
    claim: (scope: ClaimScope, key: string, owner: string, locked = false) => repository.tryClaim(scope, key, owner, locked),

    /** `claim` for many keys, a few statements for all; gives the keys won. */
    claimMany: (scope: ClaimScope, wanted: WantedClaim[]) => repository.tryClaimMany(scope, wanted),

    /**
     * The lowest free slug among base, base-2, base-3, … claimed for `owner`: read the
     * taken candidates, insert the lowest free one; if another writer won it meanwhile,
     * read again. The primary key decides, so this holds across processes.
     */
    claimSlug(scope: ClaimScope, base: string, owner: string, locked = false, keyPrefix = ''): Promise<string> {
      // `keyPrefix` keys slugs per locale (core/localization.ts); the slug is what follows it.
      return serialized(`${scope}:${keyPrefix}${base}`, async () => {
        // Most titles are new: when the plain slug is free, one insert says so. Reading the
        // taken keys first would cost a range scan of the claims that grows with the table
        // (LIKE 'prefix%' uses no index on SQLite's case-insensitive LIKE, nor on PostgreSQL
        // outside the C collation).
        const first = nextFreeSlug(base, []);
        if (await repository.tryClaim(scope, keyPrefix + first, owner, locked)) return first;
        const prefix = suffixSearchPrefix(base);
        for (let attempt = 0; attempt < MAX_SLUG_ATTEMPTS; attempt += 1) {
          const candidate = nextFreeSlug(base, await takenSlugs(scope, keyPrefix, prefix));
          if (await repository.tryClaim(scope, keyPrefix + candidate, owner, locked)) return candidate;
        }
        throw new Error(`newsroom: could not claim a free slug for "${base}" after ${MAX_SLUG_ATTEMPTS} attempts`);
      });
    },

    /** The slug `claimSlug` would take now, claiming nothing (the Content Manager's proposal). */
    async proposeSlug(scope: ClaimScope, base: string, keyPrefix = ''): Promise<string> {
      return nextFreeSlug(base, await takenSlugs(scope, keyPrefix, suffixSearchPrefix(base)));
    },

    /** `claim`, or the claim taken over from a holder that is gone; false when someone holds it. */
    async claimOrTakeOver(scope: ClaimScope, key: string, owner: string, holderGone: HolderGone): Promise<boolean> {
      if (await repository.tryClaim(scope, key, owner)) return true;
      const holder = await repository.find(scope, key);
      return holder !== null && takeOverIfAbandoned(holder, owner, holderGone);
    },

    takeOverIfAbandoned,

    /** Placeholders' claims to their documentIds; how many claims moved (each placeholder holds one or more). */
    handOver: (moves: OwnerMove[]) => repository.transferOwners(moves),

    /** One key's hand-over, only while `from` still holds it; false when it changed hands. */
    handOverKey: (scope: ClaimScope, key: string, from: string, to: string) => repository.takeOver(scope, key, from, to),

    release: (scope: ClaimScope, key: string, owner: string) => repository.release(scope, key, owner),

    /** Every claim of an owner (a placeholder given up, a document deleted). */
    releaseOwner: async (owner: string): Promise<void> => void (await repository.releaseOwners([owner])),

    releaseOwners: (owners: string[]) => repository.releaseOwners(owners),

    /** Locks the owner's claims of a scope; with `keyPrefix`, only those keyed under it (one locale's slug). */
    lock: (scope: ClaimScope, owner: string, keyPrefix = '') => repository.lock(scope, owner, keyPrefix),

    find: (scope: ClaimScope, key: string) => repository.find(scope, key),
    findMany: (scope: ClaimScope, keys: string[]) => repository.findMany(scope, keys),
    findByOwner: (scope: ClaimScope, owner: string) => repository.findByOwner(scope, owner),

    /**
     * Runs a write whose claims were taken beforehand so that the claims and the rows
     * agree whatever fails: `settle` (hand the claims over, give back the old ones) runs
     * in the write's transaction and commits with it; if either fails, nothing of the
     * write stays and `abandon` gives back what was claimed for it.
     */
    async withinWrite<T>(write: () => Promise<T>, steps: { settle(result: T): Promise<void>; abandon(): Promise<void> }): Promise<T> {
      try {
        return (await strapi.db.transaction(async () => {
          const result = await write();
          await steps.settle(result);
          return result;
        })) as T;
      } catch (error) {
        try {
          await steps.abandon();
        } catch (abandonError) {
          // Inside a caller's transaction that is failing (PostgreSQL refuses any statement
          // then): its rollback takes back what was claimed in it; the caller gives back the rest.
          if (!strapi.db.inTransaction()) throw abandonError;
        }
        throw error;
      }
    },
  };
};

export default claimsService;
export type ClaimsService = ReturnType<typeof claimsService>;
