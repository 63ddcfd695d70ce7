/**
 * API-token authentication kept in memory for the snippet fast path (public-snippet-routes.ts).
 *
 * On every request with `Authorization: Bearer …`, Strapi's API-token strategy hashes the
 * token and reads it, with its permissions, from the database; for a cached snippet answer
 * that costs about three times the rest of the request. Here the strategy itself (Strapi's
 * own object, as registered) authenticates a token once, and its result is kept for at most
 * a second under a SHA-256 digest of the token (the token itself is never stored):
 * - the strategy's own `verify` runs on every request, with the route's scopes, so expiry
 *   (`expiresAt`) and the token's type and permissions are checked exactly as on Strapi's route;
 * - any write to an API token or its permissions on this instance (delete, regenerate,
 *   update, and Strapi's own `lastUsedAt` stamp) empties the cache before and after the
 *   write and when its transaction commits; other instances hear of it through the
 *   invalidation bus when `redis` is set, and keep nothing older than a second otherwise;
 * - `lastUsedAt` is stamped by the strategy as on Strapi's route (it writes at most once an
 *   hour per token), since it authenticates every token again each second.
 * A request the strategy does not authenticate, or whose token may not read the route, is
 * left to Strapi's route, which answers it (401, 403, or another strategy signs it in).
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { API_TOKEN_STRATEGIES } from './content-api-strategies';
import { watchModelWrites } from './model-writes';

/** Other instances' token writes reach this one within this many milliseconds (also without Redis). */
export const TOKEN_TTL_MS = 1000;
/** Distinct tokens remembered; the oldest goes first. */
const MAX_ENTRIES = 1000;
const WATCHED_MODELS = ['admin::api-token', 'admin::api-token-permission'];

/** What Strapi's auth service keeps in `ctx.state.auth` once a strategy has signed a request in. */
export interface TokenAuth {
  strategy: TokenStrategy;
  credentials: unknown;
  ability: unknown;
}

/** The part of Strapi's API-token strategy used here (`content-api-token` in @strapi/admin). */
export interface TokenStrategy {
  name: string;
  authenticate(ctx: unknown): Promise<{ authenticated?: boolean; credentials?: unknown; ability?: unknown; error?: unknown } | undefined>;
  verify?(auth: TokenAuth, config: { scope: string[] }): unknown;
}

/** A request as far as this module reads and writes it. */
export interface TokenRequest {
  request: { header: { authorization?: string } };
  state: Record<string, unknown>;
}

interface Entry {
  /** null: the strategy did not sign this token in (unknown, expired, another strategy's). */
  auth: TokenAuth | null;
  at: number;
}

/** The value of a `Bearer` header as the API-token strategy reads it, or null. */
export function bearerToken(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const parts = authorization.split(/\s+/);
  return parts.length === 2 && parts[0].toLowerCase() === 'bearer' ? parts[1] : null;
}

const isTokenStrategy = (value: unknown): value is TokenStrategy => {
  const strategy = value as Partial<TokenStrategy> | null;
  return (
    typeof strategy?.name === 'string' &&
    API_TOKEN_STRATEGIES.has(strategy.name) &&
    typeof strategy.authenticate === 'function' &&
    typeof strategy.verify === 'function'
  );
};

export interface TokenAccessOptions {
  /** The strategy Strapi asks first on content-API requests, or null (content-api-strategies.ts). */
  firstStrategy: () => unknown;
  now?: () => number;
}

export function createTokenAccess(strapi: Core.Strapi, { firstStrategy, now = Date.now }: TokenAccessOptions) {
  const entries = new Map<string, Entry>();
  const loading = new Map<string, Promise<TokenAuth | null>>();
  let generation = 0;
  let announce: (() => void) | null = null;

  function remember(key: string, entry: Entry) {
    entries.delete(key); // re-inserting moves the key to the newest end of the Map's order
    entries.set(key, entry);
    if (entries.size > MAX_ENTRIES) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
  }

  function authenticate(strategy: TokenStrategy, key: string, ctx: TokenRequest): Promise<TokenAuth | null> {
    const cached = entries.get(key);
    if (cached && now() - cached.at < TOKEN_TTL_MS) return Promise.resolve(cached.auth);
    const pending = loading.get(key);
    if (pending) return pending;
    const started = generation;
    const at = now();
    const load = strategy.authenticate(ctx).then((result) => {
      const auth = result?.authenticated ? { strategy, credentials: result.credentials, ability: result.ability ?? null } : null;
      // A token write while reading: answer this request, but do not keep what may predate it.
      if (generation === started) remember(key, { auth, at });
      return auth;
    });
    loading.set(key, load);
    const settle = () => {
      if (loading.get(key) === load) loading.delete(key);
    };
    load.then(settle, settle);
    return load;
  }

  function invalidate() {
    generation += 1;
    entries.clear();
    loading.clear();
  }

  return {
    /**
     * Signs `ctx` in as Strapi's route would (`ctx.state.auth`, `ctx.state.isAuthenticated`)
     * and returns true when its API token may perform every one of `scopes`. False, never an
     * error, in every other case: the caller then leaves the request to Strapi.
     */
    async admits(ctx: TokenRequest, scopes: string[]): Promise<boolean> {
      const token = bearerToken(ctx.request.header.authorization);
      const strategy = firstStrategy();
      if (token === null || scopes.length === 0 || !isTokenStrategy(strategy)) return false;
      try {
        const auth = await authenticate(strategy, createHash('sha256').update(token).digest('base64url'), ctx);
        if (auth === null) return false;
        // Expiry, type and permissions, checked now: Strapi's own check, on the cached token.
        strategy.verify?.(auth, { scope: scopes });
        ctx.state.isAuthenticated = true;
        ctx.state.auth = auth;
        return true;
      } catch {
        return false;
      }
    },

    invalidate,

    /** Told of token writes made here, to tell the other instances (the invalidation bus). */
    announceWritesTo(listener: (() => void) | null): void {
      announce = listener;
    },

    /** Empties the cache on every write to an API token or its permissions (called once, at bootstrap). */
    watchTokenWrites(): void {
      watchModelWrites(strapi, WATCHED_MODELS, () => {
        invalidate();
        announce?.();
      });
    },
  };
}

export type TokenAccess = ReturnType<typeof createTokenAccess>;
