/**
 * Newsroom settings (SPEC 5) on the server. The rules live in shared/validation/settings.ts,
 * which the admin's settings form uses too, so the form and the server never disagree; here
 * they get the server's language table, which turns a rejected name into a suggested code
 * (`German` → use "de"). Used for the `config/plugins.ts` validator (a bad value stops
 * Strapi at startup), for `PUT /newsroom/settings` and for values read back from the plugin store.
 */
import type { NewsroomSettings } from '../../../shared/contracts/settings';
import {
  validatePartialSettings as validatePartialShared,
  validateSettings as validateShared,
  type SettingsResult,
  type SettingsValidationOptions,
} from '../../../shared/validation/settings';
import { FEED_SETTING_DEFAULTS } from '../../../shared/validation/feed-settings';
import { normalizeLanguage } from './language';

export { SETTING_KEYS, type NewsroomSettings } from '../../../shared/contracts/settings';
export { formatSettingsIssues, type SettingsIssue, type SettingsResult } from '../../../shared/validation/settings';

/**
 * Plugin `config.default`. Strapi merges the user's config over it with lodash
 * `defaultsDeep`, which merges arrays index by index. That is harmless here only
 * because `languages` defaults to an empty array: there is no default element
 * to leak into the user's list (tests/unit/settings.test.ts proves it). Never
 * give `languages` a non-empty default.
 */
export const DEFAULT_SETTINGS: NewsroomSettings = {
  excerptLength: 280,
  defaultLanguage: 'en',
  languages: [],
  importTimeZone: 'UTC',
  cacheMaxAge: 60,
  ...FEED_SETTING_DEFAULTS,
};

/** The code the article rules would store for `value` (a name, a three-letter code, another case). */
const suggestLanguageCode = (value: string): string | null => {
  const result = normalizeLanguage(value, { defaultLanguage: 'en', languages: [] });
  return result.ok ? result.code : null;
};

const OPTIONS: SettingsValidationOptions = { suggestLanguageCode };

/** Validates a complete settings object (the merged `config/plugins.ts` value). */
export const validateSettings = (input: unknown): SettingsResult => validateShared(input, OPTIONS);

/** Validates a partial change merged over `base` (`PUT /newsroom/settings`, the plugin store). */
export const validatePartialSettings = (input: unknown, base: NewsroomSettings): SettingsResult =>
  validatePartialShared(input, base, OPTIONS);
