/**
 * HTTP caching of snippet answers (SPEC 4.2): a strong ETag derived from the
 * body, so two instances serving the same data agree on it and a CDN can
 * revalidate against any of them; `If-None-Match` matching per RFC 9110; and
 * who may keep an answer: shared caches only when the request had no credentials.
 */
import { createHash } from 'node:crypto';

/** A strong validator: the exact bytes of the body decide it. */
export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * Whether `If-None-Match` matches `etag`: `*`, or any listed tag equal to it
 * under the weak comparison RFC 9110 prescribes for this header (`W/` ignored).
 */
export function matchesIfNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const value = Array.isArray(header) ? header.join(',') : header;
  const trimmed = value.trim();
  if (trimmed === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return trimmed.split(',').some((tag) => opaque(tag) === wanted);
}

/**
 * Answers differ by credentials (a token may read what the Public role may not), so every
 * answer names the request header that carries them; a shared cache then keys on it.
 */
export const VARY_HEADER = 'Authorization';

export interface RequestCredentials {
  /** The request's `Authorization` header, as sent. */
  authorization: string | string[] | undefined;
  /**
   * What Strapi's authentication put in `ctx.state.auth.credentials`: the API token or the
   * users-permissions user, or what a project's own strategy returned (a cookie session, say).
   * `null` for the Public role; absent on the anonymous fast path, which runs no strategy.
   */
  authenticated: unknown;
}

/**
 * Whether the request carried credentials. Any non-empty `Authorization` header counts, even one
 * Strapi ignored (`Basic …` falls back to the Public role): a shared cache must not
 * answer other clients with what was asked for under someone's header. So does a
 * strategy that authenticated the request some other way.
 */
export function carriesCredentials({ authorization, authenticated }: RequestCredentials): boolean {
  const header = Array.isArray(authorization) ? authorization.join('') : authorization;
  if (header !== undefined && header !== '') return true;
  return authenticated !== undefined && authenticated !== null;
}

/**
 * `public` only for requests without credentials: a CDN or proxy may then hand the answer
 * to anyone. With credentials, `private`: the client's own cache may keep it, no shared one.
 */
export function cacheControl(maxAgeSeconds: number, { credentials }: { credentials: boolean }): string {
  return `${credentials ? 'private' : 'public'}, max-age=${Math.max(0, Math.floor(maxAgeSeconds))}`;
}
