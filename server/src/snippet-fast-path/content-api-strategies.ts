/**
 * Which content-API authentication strategies the project has, for the anonymous snippet
 * fast path (snippet-fast-path/routes.ts). The fast path answers for Strapi only while the
 * project authenticates content-API requests with the built-in strategies alone: API tokens
 * and Users & Permissions. Any other strategy, registered by the project or a plugin with
 * `strapi.get('auth').register('content-api', …)`, may authenticate or refuse a request that
 * has no `Authorization` header (by a cookie, a header of its own, the client's address), and
 * only Strapi's own route asks it.
 *
 * Strapi's auth service (@strapi/core, services/auth) keeps its strategies in a private
 * object keyed by route type and has no call that lists them. Wrapping its `register` from
 * this plugin's register() would miss every strategy registered before it (plugins listed
 * earlier in config/plugins). So the list is read from the service itself, once, and kept
 * as Strapi's own live array (strategies registered later, in a bootstrap say, show up):
 * `authenticate` looks the route type up in that object, so during one synchronous call a
 * getter for a unique type name on Object.prototype receives the object as `this`. The
 * call runs no strategy (the probe route names none) and the getter is removed before
 * anything else can run. Should a Strapi release store strategies differently, the list
 * cannot be read and the fast path steps aside for good: slower, never wrong.
 */
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { getStrapiService } from '../utils/get-service';

/** Users & Permissions, and the API-token strategy (`api-token` in early Strapi 5 releases). */
export const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);
const BUILT_IN_STRATEGIES = new Set(['users-permissions', ...API_TOKEN_STRATEGIES]);
const CONTENT_API = 'content-api';

interface AuthService {
  authenticate(ctx: unknown, next: () => Promise<void>): unknown;
}

type StrategyRegistry = Record<string, unknown>;

const isPlainObject = (value: unknown): value is StrategyRegistry =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Strapi's own object of strategies by route type, or null when it cannot be reached. */
export function readStrategyRegistry(auth: AuthService): StrategyRegistry | null {
  const probeType = `newsroom-strategy-probe-${randomUUID()}`;
  let found: unknown;
  try {
    // Extends Object.prototype on purpose: removed in `finally` below, before any other code runs.
    Object.defineProperty(Object.prototype, probeType, {
      configurable: true,
      enumerable: false,
      get(this: unknown) {
        found = this;
        return undefined;
      },
    });
    const probe = {
      state: { route: { info: { type: probeType }, config: { auth: { strategies: [] } } } },
      unauthorized: () => undefined,
    };
    const result = auth.authenticate(probe, async () => undefined);
    if (result instanceof Promise) result.catch(() => undefined);
  } catch {
    return null;
  } finally {
    delete (Object.prototype as Record<string, unknown>)[probeType];
  }
  if (!isPlainObject(found) || !Object.values(found).every(Array.isArray)) return null;
  return found;
}

/** Whether every strategy in `strategies` is a built-in one (and there is at least one). */
export function onlyBuiltInStrategies(strategies: readonly unknown[]): boolean {
  return (
    strategies.length > 0 &&
    strategies.every((strategy) => {
      const name = (strategy as { name?: unknown } | null)?.name;
      return typeof name === 'string' && BUILT_IN_STRATEGIES.has(name);
    })
  );
}

export function createContentApiStrategies(strapi: Core.Strapi) {
  let registry: StrategyRegistry | null | undefined;
  let checkedLength = -1;
  let builtInOnly = false;

  /**
   * True while the content API authenticates with API tokens and Users & Permissions only.
   * False when another strategy is registered, or when the strategies cannot be listed.
   */
  function onlyBuiltIn(): boolean {
    if (registry === undefined) {
      registry = readStrategyRegistry(getStrapiService<AuthService>(strapi, 'auth'));
      if (registry === null) {
        strapi.log.warn("newsroom: cannot list the content-API auth strategies; anonymous snippet requests take Strapi's regular route");
      }
    }
    const strategies = registry?.[CONTENT_API];
    if (!Array.isArray(strategies)) return false;
    // Strapi only ever appends to this array.
    if (strategies.length !== checkedLength) {
      builtInOnly = onlyBuiltInStrategies(strategies);
      checkedLength = strategies.length;
    }
    return builtInOnly;
  }

  return {
    onlyBuiltIn,

    /**
     * The strategy Strapi asks first on a content-API request, while only built-in ones are
     * registered: a request it authenticates is authenticated by it on Strapi's route too.
     */
    first(): unknown {
      if (!onlyBuiltIn()) return null;
      return (registry?.[CONTENT_API] as unknown[] | undefined)?.[0] ?? null;
    },
  };
}

export type ContentApiStrategies = ReturnType<typeof createContentApiStrategies>;
