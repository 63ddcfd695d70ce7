import { parseRedisConfig } from '../core/cache-config';
import { parseImportMode } from '../core/import/write-path';
import { DEFAULT_SETTINGS, formatSettingsIssues, validateSettings } from '../core/settings';

export default {
  // `languages: []` is safe under Strapi's lodash defaultsDeep merge: merging a user's
  // array over an empty default yields the user's array unchanged.
  default: { ...DEFAULT_SETTINGS, redis: null, importMode: 'auto' },
  validator(config: unknown) {
    // Config-file-only keys (not settings an admin changes): the Redis channel, how imports write.
    const { redis, importMode, ...settings } = (config ?? {}) as Record<string, unknown>;
    const redisConfig = parseRedisConfig(redis);
    if (!redisConfig.ok) throw new Error(redisConfig.message);
    const mode = parseImportMode(importMode);
    if (!mode.ok) throw new Error(mode.message);
    const result = validateSettings(settings);
    if (!result.ok) throw new Error(formatSettingsIssues(result.issues));
  },
};
