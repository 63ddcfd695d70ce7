/**
 * What the Public role (Users & Permissions) may do on the content API, answered
 * from memory for the snippet fast path (snippet-fast-path/routes.ts).
 *
 * Strapi reads the Public role's permissions from the database and builds a CASL
 * ability from them on every request without credentials. On the snippet list
 * that lookup costs about twice the rest of the request (docs/BENCHMARKS.md).
 * Here the ability is built by users-permissions' own services, as Strapi builds
 * it, and kept: emptied by any write to a users-permissions permission or role
 * on this instance (database lifecycles: before, after, and on commit), and
 * rebuilt at least every second for writes made by other instances.
 */
import type { Core } from '@strapi/strapi';
import { getPluginService } from '../utils/get-service';
import { watchModelWrites } from './model-writes';

/** Other instances' permission changes reach this one within this many milliseconds. */
const TTL_MS = 1000;
const WATCHED_MODELS = ['plugin::users-permissions.permission', 'plugin::users-permissions.role'];

interface Ability {
  can(action: string): boolean;
}

interface PermissionService {
  findPublicPermissions(): Promise<Array<{ action: string }>>;
  toContentAPIPermission(permission: { action: string }): { action: string };
}

export function createPublicAccess(strapi: Core.Strapi, { now = Date.now }: { now?: () => number } = {}) {
  let cached: { ability: Ability | null; at: number } | null = null;
  let loading: Promise<Ability | null> | null = null;
  let generation = 0;

  /** null when the Public role has no permission at all (Strapi then answers 401, not 403). */
  async function load(): Promise<Ability | null> {
    const permissionService = getPluginService<PermissionService>(strapi, 'users-permissions', 'permission');
    if (!permissionService) throw new Error('newsroom: the Users & Permissions plugin is not loaded');
    const permissions = (await permissionService.findPublicPermissions()).map((p) => permissionService.toContentAPIPermission(p));
    if (permissions.length === 0) return null;
    // Typed as CASL's `can(action, subject)`; users-permissions asks it with the action alone, as we do.
    return (await strapi.contentAPI.permissions.engine.generateAbility(permissions)) as unknown as Ability;
  }

  function ability(): Promise<Ability | null> {
    if (cached && now() - cached.at < TTL_MS) return Promise.resolve(cached.ability);
    if (loading) return loading;
    const started = generation;
    const at = now();
    loading = load()
      .then((fresh) => {
        // A permission write while loading: answer this request, but do not keep what may predate it.
        if (generation === started) cached = { ability: fresh, at };
        return fresh;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  function invalidate() {
    generation += 1;
    cached = null;
    loading = null;
  }

  return {
    /**
     * Whether a request without credentials may perform every one of `scopes`
     * (route scopes such as `plugin::newsroom.snippet.find`). False, never an
     * error, when Users & Permissions is not installed or cannot answer: the
     * caller then leaves the request to Strapi.
     */
    async allows(scopes: string[]): Promise<boolean> {
      if (!strapi.plugin('users-permissions') || scopes.length === 0) return false;
      try {
        const current = await ability();
        return current !== null && scopes.every((scope) => current.can(scope));
      } catch {
        return false;
      }
    },

    invalidate,

    /** Empties the cache on every write to a permission or role (called once, at bootstrap). */
    watchPermissionWrites(): void {
      watchModelWrites(strapi, WATCHED_MODELS, invalidate);
    },
  };
}

export type PublicAccess = ReturnType<typeof createPublicAccess>;
