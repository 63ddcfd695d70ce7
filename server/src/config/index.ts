import { validateRevalidationTargets } from '../../../shared/validation/revalidation';
import { parseRedisConfig } from '../core/cache-config';
import { DEFAULT_SETTINGS, formatSettingsIssues, validateSettings } from '../core/settings';

export default {
  // `languages: []` is safe under Strapi's lodash defaultsDeep merge: merging a user's
  // array over an empty default yields the user's array unchanged. `revalidation` has no
  // default at all (absent means no targets), so nothing can merge into a user's targets.
  default: { ...DEFAULT_SETTINGS, redis: null },
  validator(config: unknown) {
    const { redis, revalidation, ...settings } = (config ?? {}) as Record<string, unknown>;
    const redisConfig = parseRedisConfig(redis);
    if (!redisConfig.ok) throw new Error(redisConfig.message);
    const result = validateSettings(settings);
    // Validated as a whole list: `revalidation[1].url` names the target and the field.
    const targets = validateRevalidationTargets(revalidation, { mode: 'config' });
    const issues = [...(result.ok ? [] : result.issues), ...(targets.ok ? [] : targets.issues)];
    if (issues.length > 0) throw new Error(formatSettingsIssues(issues));
  },
};
