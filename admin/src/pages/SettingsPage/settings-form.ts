/**
 * The settings form's values and their checks. The rules are the server's own
 * (`validateSettings` from server/src/core/settings.ts), so the form and
 * `PUT /newsroom/settings` never disagree; the form only says it in the admin's language.
 */
import { SETTING_KEYS, validateSettings, type NewsroomSettings } from '../../../../server/src/core/settings';

export type SettingKey = (typeof SETTING_KEYS)[number];

/** What the inputs hold: numbers may be cleared, the language list is typed as text. */
export interface SettingsFormValues {
  excerptLength: number | undefined;
  defaultLanguage: string;
  languages: string;
  importTimeZone: string;
  cacheMaxAge: number | undefined;
}

export const toFormValues = (settings: NewsroomSettings): SettingsFormValues => ({
  ...settings,
  languages: settings.languages.join(', '),
});

/** `"en, de,"` → `['en', 'de']`. */
const splitCodes = (text: string) =>
  text
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');

/** The body of `PUT /newsroom/settings`. */
export const toSettings = (values: SettingsFormValues) => ({
  excerptLength: values.excerptLength,
  defaultLanguage: values.defaultLanguage.trim(),
  languages: splitCodes(values.languages),
  importTimeZone: values.importTimeZone.trim(),
  cacheMaxAge: values.cacheMaxAge,
});

/** The fields whose value breaks a rule, with the server's wording of the rule. */
export const invalidFields = (values: SettingsFormValues): Partial<Record<SettingKey, string>> => {
  const result = validateSettings(toSettings(values));
  if (result.ok) return {};
  const fields: Partial<Record<SettingKey, string>> = {};
  for (const issue of result.issues) {
    const key = issue.key.split('[')[0] as SettingKey;
    if (SETTING_KEYS.includes(key) && fields[key] === undefined) fields[key] = issue.message;
  }
  return fields;
};

export const sameValues = (a: SettingsFormValues, b: SettingsFormValues) =>
  SETTING_KEYS.every((key) => a[key] === b[key]);
