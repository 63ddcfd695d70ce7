import type { Core } from '@strapi/strapi';
import { fallbackSlug, nextFreeSlug, normalizeSlug, slugFromText, suffixOf, suffixSearchPrefix } from '../core/slug';
import type { ClaimsRepository, ClaimScope } from '../repositories/claims';

const MAX_ATTEMPTS = 1000;

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

/**
 * Unique slugs through claims: read the taken candidates, insert the lowest free one;
 * if another writer won it in the meantime, read again. The primary key of the claims
 * table decides, so this holds across processes sharing the database.
 */
export const createSlugClaimer = (claims: ClaimsRepository, scope: ClaimScope) => ({
  claim(base: string, owner: string, locked = false): Promise<string> {
    return serialized(`${scope}:${base}`, async () => {
      // Most titles are new: when the plain slug is free, one insert says so. Reading the
      // taken keys first would cost a range scan of the claims that grows with the table
      // (LIKE 'prefix%' uses no index on SQLite's case-insensitive LIKE, nor on PostgreSQL
      // outside the C collation).
      const first = nextFreeSlug(base, []);
      if (await claims.tryClaim(scope, first, owner, locked)) return first;
      const prefix = suffixSearchPrefix(base);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
        const taken = await claims.keysWithPrefix(scope, prefix);
        const candidate = nextFreeSlug(base, taken);
        if (await claims.tryClaim(scope, candidate, owner, locked)) return candidate;
      }
      throw new Error(`newsroom: could not claim a free slug for "${base}" after ${MAX_ATTEMPTS} attempts`);
    });
  },
});

export interface SlugDecision {
  /** The slug to store, or null to leave the stored one alone. */
  slug: string | null;
  /** The slug claim to give up once the write succeeded. */
  release: string | null;
}

/** The article's slug rules (SPEC 3.1) on top of the claims. */
const articleSlugsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const claims = () => strapi.plugin('newsroom').service('claims') as ClaimsRepository;
  const claimer = () => createSlugClaimer(claims(), 'article-slug');

  const baseFor = (title: string, seed: string) => slugFromText(title) || fallbackSlug(seed);

  /** An editor typed it when it is not simply the title's slug (or a numbered variant of it). */
  const isTyped = (slug: string, title: string) => {
    const fromTitle = slugFromText(title);
    return fromTitle === '' ? !slug.startsWith('article-') : suffixOf(fromTitle, slug) === null;
  };

  return {
    /** On create (and clone): `owner` is a placeholder until the documentId exists. */
    async forCreate(input: { title: string; typedSlug: string | null; owner: string; publish: boolean }): Promise<string> {
      const typed = input.typedSlug ? normalizeSlug(input.typedSlug) : '';
      const base = typed || baseFor(input.title, input.owner);
      const locked = input.publish || (typed !== '' && isTyped(typed, input.title));
      return claimer().claim(base, input.owner, locked);
    },

    /**
     * `forCreate` for many new articles without typed slugs, in two statements: each
     * title's plain slug, where it is free. Gives the slug won, in order, or null where
     * the caller must use `forCreate` (slug taken, title repeated in the batch, or a
     * title that transliterates to nothing).
     */
    async forCreateMany(items: Array<{ title: string; owner: string }>, options: { publish: boolean }): Promise<Array<string | null>> {
      const seen = new Set<string>();
      const plain = items.map(({ title }) => {
        const base = slugFromText(title);
        if (base === '' || seen.has(base)) return null;
        seen.add(base);
        return nextFreeSlug(base, []);
      });
      const wanted = items.flatMap((item, i) => {
        const key = plain[i];
        return key === null ? [] : [{ key, owner: item.owner, locked: options.publish }];
      });
      const won = await claims().tryClaimMany('article-slug', wanted);
      return plain.map((key) => (key !== null && won.has(key) ? key : null));
    },

    async forUpdate(input: {
      documentId: string;
      current: string | null;
      title: string;
      titleChanged: boolean;
      typedSlug: string | null;
    }): Promise<SlugDecision> {
      const { documentId, current } = input;
      const held = await claims().findByOwner('article-slug', documentId);
      const locked = held.some((claim) => claim.locked);
      const typed = input.typedSlug ? normalizeSlug(input.typedSlug) : '';

      if (typed !== '' && typed !== current) {
        const slug = await claimer().claim(typed, documentId, locked || isTyped(typed, input.title));
        return { slug, release: current };
      }
      if (current && (locked || !input.titleChanged)) return { slug: null, release: null };

      const base = baseFor(input.title, documentId);
      if (current && suffixOf(base, current) !== null) return { slug: null, release: null };
      const slug = await claimer().claim(base, documentId);
      return { slug, release: current };
    },

    adopt: (placeholder: string, documentId: string) => claims().transferOwner(placeholder, documentId),
    adoptMany: (moves: Array<{ from: string; to: string }>) => claims().transferOwners(moves),
    release: (slug: string, documentId: string) => claims().release('article-slug', slug, documentId),
    releasePlaceholder: (placeholder: string) => claims().releaseOwner(placeholder),
    lock: (documentId: string) => claims().lock('article-slug', documentId),
  };
};

export default articleSlugsService;
export type ArticleSlugsService = ReturnType<typeof articleSlugsService>;
