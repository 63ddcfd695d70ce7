import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import {
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  formatSettingsIssues,
  validatePartialSettings,
  validateSettings,
  type NewsroomSettings,
} from '../core/settings';
import { validationError } from '../utils/validation-error';
import { getService } from '../utils/get-service';

const STORE_KEY = 'settings';
/** Other instances sharing the database see a saved change within this many milliseconds. */
const STORE_TTL_MS = 2000;

type Overrides = Partial<NewsroomSettings>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Effective settings: `config/plugins.ts` (validated at startup) overridden by what an
 * admin saved in Settings → Newsroom. Only the keys an admin changed are stored, so a
 * later change of the config file still shows through for the others.
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

  const savedOverrides = async (): Promise<Overrides> => {
    const saved: unknown = await store().get({});
    return isObject(saved) ? (saved as Overrides) : {};
  };

  const get = async (): Promise<NewsroomSettings> => {
    if (cached && Date.now() - cached.at < STORE_TTL_MS) return cached.value;
    const merged = validatePartialSettings(await savedOverrides(), fromConfig());
    // A stored value that no longer validates (e.g. the config's languages changed) is ignored.
    const value = merged.ok ? merged.settings : fromConfig();
    cached = { value, at: Date.now() };
    return value;
  };

  /** Validates a partial change over the effective settings and saves it; 400 naming the keys. */
  const update = async (input: unknown): Promise<NewsroomSettings> => {
    const previous = await get();
    const result = validatePartialSettings(input, previous);
    if (!result.ok) {
      throw validationError(
        formatSettingsIssues(result.issues),
        result.issues.map((issue) => ({ path: issue.key, message: issue.message }))
      );
    }
    const changes = Object.fromEntries(
      Object.entries(input as Record<string, unknown>).filter(([, value]) => value !== undefined)
    );
    await store().set({ value: { ...(await savedOverrides()), ...changes } });
    cached = { value: result.settings, at: Date.now() };
    if (previous.excerptLength !== result.settings.excerptLength) {
      await getService(strapi, 'excerpt-refresh').regenerate(result.settings.excerptLength);
    }
    return result.settings;
  };

  return { fromConfig, get, update };
};

export default settingsService;
export type SettingsService = ReturnType<typeof settingsService>;
