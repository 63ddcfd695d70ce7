import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../constants';
import type { RevalidationTarget, RevalidationTargetSource, RevalidationTargetView } from '../../../../shared/contracts/revalidation';
import { secretHint, validateRevalidationTargets, type RevalidationResult } from '../../../../shared/validation/revalidation';

export type EffectiveTarget = RevalidationTarget & { source: RevalidationTargetSource };

const STORE_KEY = 'revalidation';
/** Other instances sharing the database see a saved change within this many milliseconds. */
const CACHE_TTL_MS = 2000;

/**
 * The revalidation targets (SPEC 11) in effect: those of `config/plugins.ts` (validated at
 * startup; their secrets usually come from environment variables, so they are never copied
 * into the database) followed by those an admin saved in Settings → Newsroom. An admin
 * sees the config file's targets but cannot change them; names are unique across both.
 */
export const createRevalidationTargets = (strapi: Core.Strapi) => {
  let cached: { value: EffectiveTarget[]; at: number } | null = null;
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: STORE_KEY });

  const fromConfig = (): RevalidationTarget[] => {
    const result = validateRevalidationTargets(strapi.config.get(`plugin::${PLUGIN_ID}.revalidation`, []), { mode: 'config' });
    return result.ok ? result.targets : [];
  };

  /** The admin's targets, as saved (complete, secrets included). */
  const saved = async (): Promise<RevalidationTarget[]> => {
    const value = (await store().get({})) as { targets?: unknown } | null;
    const result = validateRevalidationTargets(value?.targets ?? [], { mode: 'config' });
    return result.ok ? result.targets : [];
  };

  const list = async (): Promise<EffectiveTarget[]> => {
    if (cached && Date.now() - cached.at < CACHE_TTL_MS) return cached.value;
    const config = fromConfig();
    const taken = new Set(config.map((target) => target.name.toLowerCase()));
    const value: EffectiveTarget[] = [
      ...config.map((target) => ({ ...target, source: 'config' as const })),
      // A saved target whose name the config file took later gives way to it.
      ...(await saved()).filter((target) => !taken.has(target.name.toLowerCase())).map((target) => ({ ...target, source: 'settings' as const })),
    ];
    cached = { value, at: Date.now() };
    return value;
  };

  return {
    list,

    async find(name: string): Promise<EffectiveTarget | null> {
      return (await list()).find((target) => target.name === name) ?? null;
    },

    /** What `GET /newsroom/settings` shows: never a secret in full. */
    async view(): Promise<RevalidationTargetView[]> {
      return (await list()).map(({ name, url, paths, secret, source }) => ({ name, url, paths, secretHint: secretHint(secret), source }));
    },

    /** Checks the admin's new list of targets (the `revalidation` of `PUT /newsroom/settings`). */
    async check(input: unknown): Promise<RevalidationResult> {
      const current = await saved();
      return validateRevalidationTargets(input, {
        mode: 'update',
        savedSecret: (name) => current.find((target) => target.name === name)?.secret ?? null,
        reservedNames: fromConfig().map((target) => target.name),
      });
    },

    /** Saves a list `check` accepted, replacing the admin's targets. */
    async save(targets: RevalidationTarget[]): Promise<void> {
      await store().set({ value: { targets } });
      cached = null;
    },
  };
};

export type RevalidationTargets = ReturnType<typeof createRevalidationTargets>;
