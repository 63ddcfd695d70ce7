/**
 * API-token sign-ins kept in memory for the snippet fast path (snippet-fast-path/routes.ts).
 *
 * On every request with `Authorization: Bearer …`, Strapi's API-token strategy hashes the
 * token and reads it, with its permissions, from the database; for a cached snippet answer
 * that costs several times the rest of the request. Here a request whose token is not kept
 * goes down Strapi's own route, and the sign-in Strapi made there (`ctx.state.auth`: the
 * strategy, the token's id, type, permissions and expiry, never the token itself) is kept
 * for at most a second under a SHA-256 digest of the token. Requests with that token then
 * skip the lookup:
 * - the strategy's own `verify` runs on every request, with the route's scopes, so expiry
 *   (`expiresAt`) and the token's type and permissions are checked exactly as on Strapi's route;
 * - a sign-in is used only while the strategy that made it is the one Strapi asks first;
 * - any write to an API token or its permissions on this instance (delete, regenerate,
 *   update, and Strapi's own `lastUsedAt` stamp) empties the cache before and after the
 *   write and when its transaction commits; other instances hear of it through the
 *   invalidation bus when `redis` is set, and keep nothing older than a second anyway;
 * - `lastUsedAt` is stamped by Strapi as before (it writes at most once an hour per token),
 *   since every token goes down Strapi's route again each second.
 * A request whose token is unknown, expired, or may not read the route goes down Strapi's
 * route every time, which answers it (401, 403, or another strategy signs it in).
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
  verify?(auth: TokenAuth, config: { scope: string[] }): unknown;
}

/** A request as far as this module reads and writes it. */
export interface TokenRequest {
  request: { header: { authorization?: string } };
  state: Record<string, unknown>;
}

interface Entry {
  auth: TokenAuth;
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
  return typeof strategy?.name === 'string' && API_TOKEN_STRATEGIES.has(strategy.name) && typeof strategy.verify === 'function';
};

export interface TokenAccessOptions {
  /** The strategy Strapi asks first on content-API requests, or null (content-api-strategies.ts). */
  firstStrategy: () => unknown;
  now?: () => number;
}

export function createTokenAccess(strapi: Core.Strapi, { firstStrategy, now = Date.now }: TokenAccessOptions) {
  const entries = new Map<string, Entry>();
  let generation = 0;
  let announce: (() => void) | null = null;

  function remember(key: string, auth: TokenAuth, at: number) {
    entries.delete(key); // re-inserting moves the key to the newest end of the Map's order
    entries.set(key, { auth, at });
    if (entries.size > MAX_ENTRIES) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
  }

  /** The sign-in kept for `key`, while it is fresh and Strapi would still ask its strategy first. */
  function kept(key: string): TokenAuth | null {
    const entry = entries.get(key);
    if (!entry) return null;
    if (now() - entry.at >= TOKEN_TTL_MS || entry.auth.strategy !== firstStrategy()) {
      entries.delete(key);
      return null;
    }
    return entry.auth;
  }

  function invalidate() {
    generation += 1;
    entries.clear();
  }

  return {
    /**
     * Answers a request with a `Bearer` token through `answer` when a sign-in of that token by
     * Strapi's API-token strategy is kept and the strategy's `verify` lets it perform every one
     * of `scopes`; `ctx.state` then holds what Strapi's route would put there. Otherwise the
     * request goes on to Strapi's route (`next`), and the sign-in it makes there is kept.
     */
    async serve(ctx: TokenRequest, scopes: string[], answer: () => Promise<void>, next: () => Promise<unknown>): Promise<void> {
      const token = bearerToken(ctx.request.header.authorization);
      const key = token === null ? null : createHash('sha256').update(token).digest('base64url');
      const auth = key === null ? null : kept(key);
      if (auth !== null && scopes.length > 0 && verifies(auth, scopes)) {
        ctx.state.isAuthenticated = true;
        ctx.state.auth = auth;
        return answer();
      }
      const started = generation;
      const at = now(); // the token is read after this: its second counts from here
      await next();
      const signedIn = ctx.state.auth as Partial<TokenAuth> | undefined;
      // Kept only if no token was written meanwhile: the sign-in may predate the write.
      if (key !== null && generation === started && isTokenStrategy(signedIn?.strategy) && signedIn.strategy === firstStrategy()) {
        remember(key, { strategy: signedIn.strategy, credentials: signedIn.credentials, ability: signedIn.ability ?? null }, at);
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

/** Strapi's own check of a signed-in token against the route: expiry, type, permissions. */
function verifies(auth: TokenAuth, scopes: string[]): boolean {
  try {
    auth.strategy.verify?.(auth, { scope: scopes });
    return true;
  } catch {
    return false;
  }
}

export type TokenAccess = ReturnType<typeof createTokenAccess>;
