import { validateRevalidationTargets } from '../../../shared/validation/revalidation';
import { parseRedisConfig } from '../core/cache-config';
import { parseImportMode } from '../core/import/write-path';
import { parseLocalized } from '../core/localization';
import { DEFAULT_SETTINGS, formatSettingsIssues, validateSettings } from '../core/settings';

export default {
  // `languages: []` is safe under Strapi's lodash defaultsDeep merge: merging a user's
  // array over an empty default yields the user's array unchanged. `revalidation` has no
  // default at all (absent means no targets), so nothing can merge into a user's targets.
  default: { ...DEFAULT_SETTINGS, redis: null, importMode: 'auto', localized: false },
  validator(config: unknown) {
    // Config-file-only keys (not settings an admin changes): the Redis channel, how imports
    // write; and the frontends to notify, which admins may add to (services/revalidation.ts).
    // `localized` (SPEC 12) changes the article schema at startup, so it cannot be a setting.
    const { redis, importMode, revalidation, localized, ...settings } = (config ?? {}) as Record<string, unknown>;
    const redisConfig = parseRedisConfig(redis);
    if (!redisConfig.ok) throw new Error(redisConfig.message);
    const mode = parseImportMode(importMode);
    if (!mode.ok) throw new Error(mode.message);
    const localization = parseLocalized(localized);
    if (!localization.ok) throw new Error(localization.message);
    const result = validateSettings(settings);
    // Validated as a whole list: `revalidation[1].url` names the target and the field.
    const targets = validateRevalidationTargets(revalidation, { mode: 'config' });
    const issues = [...(result.ok ? [] : result.issues), ...(targets.ok ? [] : targets.issues)];
    if (issues.length > 0) throw new Error(formatSettingsIssues(issues));
  },
};
