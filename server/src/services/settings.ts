import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../constants';
import {
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  formatSettingsIssues,
  validatePartialSettings,
  validateSettings,
  type NewsroomSettings,
} from '../core/settings';

const STORE_KEY = 'settings';
/** Other instances sharing the database see a saved change within this many milliseconds. */
const STORE_TTL_MS = 2000;

/**
 * Effective settings: `config/plugins.ts` (validated at startup) overridden by what an
 * admin saved in Settings → Newsroom (the plugin store).
 */
const settingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { value: NewsroomSettings; at: number } | null = null;

  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: STORE_KEY });

  const fromConfig = (): NewsroomSettings => {
    const config = strapi.config.get(`plugin::${PLUGIN_ID}`, {}) as Record<string, unknown>;
    const picked = Object.fromEntries(SETTING_KEYS.map((key) => [key, config[key] ?? DEFAULT_SETTINGS[key]]));
    const result = validateSettings(picked);
    return result.ok ? result.settings : DEFAULT_SETTINGS;
  };

  return {
    fromConfig,

    async get(): Promise<NewsroomSettings> {
      if (cached && Date.now() - cached.at < STORE_TTL_MS) return cached.value;
      const base = fromConfig();
      const saved = await store().get({});
      const merged = saved ? validatePartialSettings(saved, base) : null;
      const value = merged?.ok ? merged.settings : base;
      cached = { value, at: Date.now() };
      return value;
    },

    /** Validates a partial change over the effective settings and saves it; 400 naming the keys. */
    async update(input: unknown): Promise<NewsroomSettings> {
      const result = validatePartialSettings(input, await this.get());
      if (!result.ok) {
        throw new errors.ValidationError(formatSettingsIssues(result.issues), {
          errors: result.issues.map((issue) => ({ path: [issue.key], message: issue.message, name: 'ValidationError' })),
        });
      }
      await store().set({ value: result.settings });
      cached = { value: result.settings, at: Date.now() };
      return result.settings;
    },
  };
};

export default settingsService;
export type SettingsService = ReturnType<typeof settingsService>;
