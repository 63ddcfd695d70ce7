/**
 * Conditional requests of feeds and sitemaps (SPEC 10): `ETag`/`If-None-Match` and
 * `Last-Modified`/`If-Modified-Since`, evaluated as RFC 9110 section 13.2.2 says: when
 * `If-None-Match` is present it alone decides; otherwise `If-Modified-Since` does.
 *
 * Last-Modified must move forward whenever the answer changes, also when the change is a
 * removal (an unpublished article leaves no newer date behind). So it is not read from the
 * rows: the `LastModifiedClock` remembers, per answer key, the ETag it last saw and since
 * when; a different ETag is a change, dated now (and always at least a second after the
 * previous date, HTTP dates having whole seconds). After a restart, or on another
 * instance, an answer is dated when first seen there: a later date than the true change
 * only costs a client a full answer, never a stale 304.
 */
import { matchesIfNoneMatch } from './http-cache';

/** `Mon, 27 Apr 2026 20:43:39 GMT`. */
export const httpDate = (epochMs: number): string => new Date(epochMs).toUTCString();

export interface ConditionalHeaders {
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
}

/** Whether the client's copy (named by its validators) is the current answer: a 304. */
export function isNotModified(request: ConditionalHeaders, current: { etag: string; lastModifiedMs: number }): boolean {
  if (request.ifNoneMatch !== undefined && request.ifNoneMatch.trim() !== '') return matchesIfNoneMatch(request.ifNoneMatch, current.etag);
  if (request.ifModifiedSince === undefined) return false;
  const since = Date.parse(request.ifModifiedSince);
  if (Number.isNaN(since)) return false; // an invalid date is ignored (RFC 9110)
  return Math.floor(current.lastModifiedMs / 1000) <= Math.floor(since / 1000);
}

export interface LastModifiedClockOptions {
  /** Keys remembered; the oldest is forgotten first. */
  maxEntries?: number;
  now?: () => number;
}

export class LastModifiedClock {
  private readonly seen = new Map<string, { etag: string; at: number }>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: LastModifiedClockOptions = {}) {
    this.maxEntries = options.maxEntries ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** Since when the answer under `key` has had this ETag, in whole seconds (epoch milliseconds). */
  lastModified(key: string, etag: string): number {
    const previous = this.seen.get(key);
    if (previous !== undefined && previous.etag === etag) return previous.at;
    const now = Math.floor(this.now() / 1000) * 1000;
    const at = previous === undefined ? now : Math.max(now, previous.at + 1000);
    this.seen.delete(key);
    this.seen.set(key, { etag, at });
    while (this.seen.size > this.maxEntries) {
      const oldest = this.seen.keys().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
    return at;
  }
}
