/**
 * The in-process response cache of the snippet endpoint.
 *
 * Freshness on this instance: every write to an article or category calls
 * `invalidate()` (Document Service middleware), which empties the cache and
 * starts a new generation. A read captures the generation before it queries
 * the database and stores its answer only if no write happened meanwhile, so
 * a read that raced a write can never put pre-write data back into the cache.
 *
 * Freshness across instances: entries live at most `ttlMs` (the service passes
 * min(cacheMaxAge, 5) seconds). A shared invalidation channel (Redis pub/sub)
 * can replace this class behind the same `SnippetCache` interface.
 */

export interface CachedAnswer {
  /** The serialized JSON body, UTF-8 encoded once so that sending it costs no encoding. */
  body: Buffer;
  etag: string;
}

export interface SnippetCache {
  /** Changes on every invalidation. */
  readonly generation: number;
  /** The answer stored for `key`, unless it has expired or is older than `maxAgeMs` (the time to live now). */
  get(key: string, maxAgeMs?: number): CachedAnswer | undefined;
  /** Stores `value` unless the cache was invalidated since `generation` was read. */
  set(key: string, value: CachedAnswer, options: { generation: number; ttlMs: number }): void;
  invalidate(): void;
}

interface Entry {
  value: CachedAnswer;
  storedAt: number;
  expiresAt: number;
}

export interface MemorySnippetCacheOptions {
  /** Bounds memory under many distinct queries; the oldest entry goes first. */
  maxEntries?: number;
  now?: () => number;
}

export class MemorySnippetCache implements SnippetCache {
  private entries = new Map<string, Entry>();
  private currentGeneration = 0;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: MemorySnippetCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 1000;
    this.now = options.now ?? Date.now;
  }

  get generation(): number {
    return this.currentGeneration;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, maxAgeMs = Infinity): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const now = this.now();
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    // Stored under a longer time to live than the settings now give (cacheMaxAge lowered, or 0).
    if (now - entry.storedAt >= maxAgeMs) return undefined;
    return entry.value;
  }

  set(key: string, value: CachedAnswer, options: { generation: number; ttlMs: number }): void {
    if (options.generation !== this.currentGeneration || options.ttlMs <= 0 || this.maxEntries <= 0) return;
    this.entries.delete(key); // re-inserting moves the key to the newest end of the Map's order
    const now = this.now();
    this.entries.set(key, { value, storedAt: now, expiresAt: now + options.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  invalidate(): void {
    this.currentGeneration += 1;
    this.entries.clear();
  }
}
