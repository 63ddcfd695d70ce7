/**
 * A fast path for anonymous and API-token snippet requests (SPEC 9).
 *
 * The snippet routes are ordinary content-API routes: Strapi authenticates every
 * request and, for one without credentials, reads the Public role's permissions
 * from the database (for one with an API token, the token), which costs more than
 * serving a cached snippet answer. Here the same two paths are registered once more,
 * ahead of the content API, and answer a request only when
 * - it carries no `Authorization` header, the Public role allows the route's action
 *   (snippet-fast-path/public-access.ts, kept in memory), and no content-API auth strategy other
 *   than API tokens and Users & Permissions is registered (snippet-fast-path/content-api-strategies.ts:
 *   another may authenticate by a cookie); or
 * - its `Bearer` token was signed in by Strapi's API-token strategy, the first one Strapi
 *   asks, on Strapi's route within the last second, and may perform the route's action
 *   (snippet-fast-path/token-access.ts).
 * Everything else falls through to the real route and Strapi's own checks, so
 * the fast path never answers anything a client would not get there.
 *
 * A route an extension has changed (path, policies, middlewares, auth) has no
 * fast path: its own configuration applies to every request.
 */
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { PLUGIN_ID } from '../constants';
import { createContentApiStrategies, type ContentApiStrategies } from './content-api-strategies';
import { createPublicAccess, type PublicAccess } from './public-access';
import { createTokenAccess, type TokenAccess } from './token-access';

type SnippetAction = 'find' | 'findOne';
type SnippetController = Record<SnippetAction, (ctx: Context) => Promise<void>>;

interface RouteConfig {
  auth?: false | { scope?: unknown; strategies?: unknown };
  policies?: unknown[];
  middlewares?: unknown[];
}

interface Route {
  method?: string;
  path?: string;
  handler?: unknown;
  config?: RouteConfig;
}

const FAST_PATHS: Record<SnippetAction, string> = { find: '/snippets', findOne: '/snippets/:slug' };

/** The scopes of the plugin's own route for `action`, or null when it is not as shipped. */
export function plainRouteScopes(strapi: Core.Strapi, action: SnippetAction): string[] | null {
  const routers = (strapi.plugin(PLUGIN_ID).routes ?? {}) as Record<string, { type?: string; routes?: Route[] }>;
  const route = Object.values(routers)
    .filter((router) => router.type === 'content-api')
    .flatMap((router) => router.routes ?? [])
    .find((candidate) => candidate.handler === `snippet.${action}`);
  const config = route?.config ?? {};
  if (!route || route.method !== 'GET' || route.path !== FAST_PATHS[action]) return null;
  if ((config.policies?.length ?? 0) > 0 || (config.middlewares?.length ?? 0) > 0) return null;
  const auth = config.auth;
  if (!auth || auth.strategies !== undefined || !Array.isArray(auth.scope) || auth.scope.length === 0) return null;
  return auth.scope.every((scope) => typeof scope === 'string') ? (auth.scope as string[]) : null;
}

interface FastPathAccess {
  publicRole: PublicAccess;
  tokens: TokenAccess;
  strategies: ContentApiStrategies;
}

function fastPath(strapi: Core.Strapi, access: FastPathAccess, action: SnippetAction, scopes: string[]) {
  const answer = (ctx: Context) => (strapi.plugin(PLUGIN_ID).controller('snippet') as unknown as SnippetController)[action](ctx);
  return async (ctx: Context, next: Next) => {
    // Credentials, even malformed ones, are Strapi's to judge (as users-permissions does: a falsy header is none);
    // only a sign-in by the API-token strategy that Strapi made before is reused.
    if (ctx.request.header.authorization) return access.tokens.serve(ctx, scopes, () => answer(ctx), next);
    if (!access.strategies.onlyBuiltIn()) return next();
    if (!(await access.publicRole.allows(scopes))) return next();
    return answer(ctx);
  };
}

/**
 * Called at bootstrap, after Strapi has registered the plugin's routes and before it mounts
 * the content API, so these come first on Strapi's router. Directly on the router, not through
 * `strapi.server.routes`: a route there gets authentication, authorization and policy steps
 * that have nothing to do here and cost a tenth of the answer (docs/BENCHMARKS.md).
 */
export function registerPublicSnippetRoutes(strapi: Core.Strapi): TokenAccess | null {
  const strategies = createContentApiStrategies(strapi);
  const access: FastPathAccess = {
    publicRole: createPublicAccess(strapi),
    tokens: createTokenAccess(strapi, { firstStrategy: strategies.first }),
    strategies,
  };
  const prefix = `${strapi.config.get('api.rest.prefix', '/api')}/${PLUGIN_ID}`;
  let registered = false;
  for (const action of Object.keys(FAST_PATHS) as SnippetAction[]) {
    const scopes = plainRouteScopes(strapi, action);
    if (scopes === null) continue;
    strapi.server.router.get(`${prefix}${FAST_PATHS[action]}`, fastPath(strapi, access, action, scopes));
    registered = true;
  }
  if (!registered) return null;
  access.publicRole.watchPermissionWrites();
  access.tokens.watchTokenWrites();
  return access.tokens;
}
