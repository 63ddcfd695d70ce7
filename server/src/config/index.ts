import { parseRedisConfig } from '../core/cache-config';
import { DEFAULT_SETTINGS, formatSettingsIssues, validateSettings } from '../core/settings';

export default {
  // `languages: []` is safe under Strapi's lodash defaultsDeep merge: merging a user's
  // array over an empty default yields the user's array unchanged.
  default: { ...DEFAULT_SETTINGS, redis: null },
  validator(config: unknown) {
    const { redis, ...settings } = (config ?? {}) as Record<string, unknown>;
    const redisConfig = parseRedisConfig(redis);
    if (!redisConfig.ok) throw new Error(redisConfig.message);
    const result = validateSettings(settings);
    if (!result.ok) throw new Error(formatSettingsIssues(result.issues));
  },
};
