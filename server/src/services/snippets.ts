/**
 * Snippets (SPEC 4.2, 4.3): published articles as compact summaries.
 *
 * `list`/`get` build the public shape from the repository; `listAnswer`/
 * `getAnswer` serve the REST endpoint from the response cache, as serialized
 * JSON with its ETag, so a cache hit costs neither a query nor a
 * `JSON.stringify`. Concurrent misses for one key share one database read.
 */
import type { Core } from '@strapi/strapi';
import { etagOf } from '../core/http-cache';
import type { SnippetQuery } from '../core/snippet-query';
import {
  groupCategories,
  paginationOf,
  toSnippet,
  toSnippets,
  type Snippet,
  type SnippetListBody,
} from '../core/snippet-response';
import { createSnippetCountsRepository } from '../repositories/snippet-counts';
import { ensureSnippetIndexes } from '../repositories/snippet-indexes';
import { localizationsOf } from '../repositories/snippet-localizations';
import { createSnippetRepository } from '../repositories/snippets';
import type { InvalidationBus } from '../cache/invalidation-bus';
import { MemorySnippetCache, type CachedAnswer, type SnippetCache } from '../cache/snippet-cache';

/**
 * Without a connected invalidation bus, entries live min(cacheMaxAge, this) seconds:
 * the bound on how stale another instance sharing the database can be. With one
 * (the `redis` setting), writes anywhere empty every cache and entries live cacheMaxAge.
 */
const MAX_CACHE_TTL_SECONDS = 5;

export interface AnswerOptions {
  /** The `cacheMaxAge` setting, in seconds; 0 disables the response cache. */
  cacheMaxAge: number;
}

/** The controller hands the same query object for the same query string: its key is computed once. */
const listKeys = new WeakMap<SnippetQuery, string>();

function listKey(query: SnippetQuery): string {
  let key = listKeys.get(query);
  if (key === undefined) {
    // Category order does not change the answer, so it does not split the cache.
    key = `list:${JSON.stringify({ ...query, categories: [...query.categories].sort() })}`;
    listKeys.set(query, key);
  }
  return key;
}

const snippetsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const counts = createSnippetCountsRepository(strapi);
  const repository = createSnippetRepository(strapi, counts);
  const cache: SnippetCache = new MemorySnippetCache();
  const inFlight = new Map<string, Promise<CachedAnswer | null>>();
  let bus: InvalidationBus | null = null;

  /**
   * Localized articles (SPEC 12, `locale` given): only that locale's snippets, each with
   * its locale and its published translations. Null: not localized, snippets as ever.
   */
  async function withLocalizations(rows: Array<{ id: unknown; documentId: unknown }>, snippets: Snippet[], locale: string | null) {
    if (locale === null || rows.length === 0) return snippets;
    const found = await localizationsOf(strapi, rows);
    return snippets.map((snippet, i) => ({ ...snippet, ...found.get(String(rows[i].id)) }));
  }

  /** `locale` `'*'`: every locale's snippets, each with its locale (the admin's list of localized articles). */
  async function list(query: SnippetQuery, locale: string | null = null): Promise<SnippetListBody> {
    const { rows, total } = await repository.findPage(query, locale === '*' ? null : locale);
    const categories = await repository.categoriesOf(rows.map((row) => row.id));
    const data = await withLocalizations(rows, toSnippets(rows, categories), locale);
    return { data, meta: { pagination: paginationOf(query.page, query.pageSize, total) } };
  }

  async function get(slug: string, locale: string | null = null): Promise<Snippet | null> {
    const row = await repository.findBySlug(slug, locale);
    if (!row) return null;
    const categories = groupCategories(await repository.categoriesOf([row.id]));
    const [snippet] = await withLocalizations([row], [toSnippet(row, categories.get(String(row.id)) ?? [])], locale);
    return snippet;
  }

  /** The cached answer for `key`, or a fresh one from `load` (null: nothing to answer, not cached). */
  function answer(
    key: string,
    options: AnswerOptions,
    load: () => Promise<unknown>,
    serialize: (body: unknown) => string = JSON.stringify
  ): Promise<CachedAnswer | null> {
    const ttlMs = (bus?.connected ? options.cacheMaxAge : Math.min(options.cacheMaxAge, MAX_CACHE_TTL_SECONDS)) * 1000;
    // Nothing stored longer ago than the current setting allows: lowering cacheMaxAge (to 0, say) applies at once.
    const hit = cache.get(key, ttlMs);
    if (hit) return Promise.resolve(hit);
    // Read before querying: a write during the query makes `set` drop this answer.
    const generation = cache.generation;
    const flightKey = `${generation}:${key}`;
    const pending = inFlight.get(flightKey);
    if (pending) return pending;
    const loading = (async () => {
      const body = await load();
      if (body === null) return null;
      const json = serialize(body);
      const fresh: CachedAnswer = { body: Buffer.from(json), etag: etagOf(json) };
      cache.set(key, fresh, { generation, ttlMs });
      return fresh;
    })().finally(() => inFlight.delete(flightKey));
    inFlight.set(flightKey, loading);
    return loading;
  }

  return {
    list,
    get,

    /** At startup: the list's own indexes, the kept totals' table and triggers (repositories/snippet-indexes.ts, snippet-counts.ts). */
    async prepareReads(): Promise<void> {
      await ensureSnippetIndexes(strapi);
      await counts.prepare();
    },
    /** Recounts the kept totals from the rows (a repair). */
    recomputeCounts: () => counts.recompute(),

    /** `{ data, meta }` for the list endpoint; the key is the normalized query, so parameter order does not matter. */
    async listAnswer(query: SnippetQuery, options: AnswerOptions, locale: string | null = null): Promise<CachedAnswer> {
      const key = locale === null ? listKey(query) : `${listKey(query)}:locale:${locale}`;
      return (await answer(key, options, () => list(query, locale))) as CachedAnswer;
    },

    /** `{ data }` for one slug (of one locale when localized), or null when no published article has it. */
    getAnswer(slug: string, options: AnswerOptions, locale: string | null = null): Promise<CachedAnswer | null> {
      return answer(locale === null ? `slug:${slug}` : `slug:${slug}:locale:${locale}`, options, async () => {
        const snippet = await get(slug, locale);
        return snippet === null ? null : { data: snippet };
      });
    },

    /**
     * An answer of another route kept in this cache, under the same invalidation and lifetime
     * (feeds and the news sitemap: services/feeds.ts, services/sitemaps.ts). `load` gives the
     * finished text, or null for nothing to answer; keys must not start with `list:` or `slug:`.
     */
    textAnswer(key: string, options: AnswerOptions, load: () => Promise<string | null>): Promise<CachedAnswer | null> {
      return answer(key, options, load, (body) => body as string);
    },

    /** Called after every write to an article or category on this instance; tells the others too. */
    invalidate(): void {
      cache.invalidate();
      bus?.publish();
    },

    /** A write on another instance: empty this cache without broadcasting again. */
    invalidateLocal(): void {
      cache.invalidate();
    },

    useBus(next: InvalidationBus | null): void {
      bus = next;
    },

    get sharedInvalidation(): boolean {
      return bus?.connected ?? false;
    },
  };
};

export default snippetsService;
export type SnippetsService = ReturnType<typeof snippetsService>;
