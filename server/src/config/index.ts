import { DEFAULT_SETTINGS, formatSettingsIssues, validateSettings } from '../core/settings';

export default {
  // `languages: []` is safe under Strapi's lodash defaultsDeep merge: merging a user's
  // array over an empty default yields the user's array unchanged.
  default: { ...DEFAULT_SETTINGS },
  validator(config: unknown) {
    const result = validateSettings(config);
    if (!result.ok) throw new Error(formatSettingsIssues(result.issues));
  },
};
