/**
 * The settings form's values and their checks. The rules are the server's own
 * (shared/validation/settings.ts, which `PUT /newsroom/settings` runs too), so the
 * form and the server never disagree; the form only says it in the admin's language.
 */
import { SETTING_KEYS, type NewsroomSettings, type SettingKey } from '../../../../shared/contracts/settings';
import { settingOf, validateSettings } from '../../../../shared/validation/settings';

export type { SettingKey };
export { SETTING_KEYS };

/** What the inputs hold: numbers may be cleared, the language list is typed as text. */
export interface SettingsFormValues {
  excerptLength: number | undefined;
  defaultLanguage: string;
  languages: string;
  importTimeZone: string;
  cacheMaxAge: number | undefined;
  /** Feeds and sitemaps: empty text stands for null (not set; for `publicationName`, the feed title). */
  siteUrl: string;
  articleUrl: string;
  feedTitle: string;
  publicationName: string;
}

export const toFormValues = (settings: NewsroomSettings): SettingsFormValues => ({
  ...settings,
  languages: settings.languages.join(', '),
  siteUrl: settings.siteUrl ?? '',
  publicationName: settings.publicationName ?? '',
});

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

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
  siteUrl: orNull(values.siteUrl),
  articleUrl: values.articleUrl.trim(),
  feedTitle: values.feedTitle.trim(),
  publicationName: orNull(values.publicationName),
});

/** The fields whose value breaks a rule, with the rule's wording. */
export const invalidFields = (values: SettingsFormValues): Partial<Record<SettingKey, string>> => {
  const result = validateSettings(toSettings(values));
  if (result.ok) return {};
  const fields: Partial<Record<SettingKey, string>> = {};
  for (const issue of result.issues) {
    const key = settingOf(issue);
    if (key !== null && fields[key] === undefined) fields[key] = issue.message;
  }
  return fields;
};

/**
 * Fields whose rule also reads another field: leaving `languages` checks `defaultLanguage`
 * too, which must be one of them; leaving `siteUrl` checks `articleUrl`, which must give an
 * absolute URL with it.
 */
export const FIELDS_CHECKED_ON_LEAVE: Record<SettingKey, SettingKey[]> = {
  excerptLength: ['excerptLength'],
  defaultLanguage: ['defaultLanguage'],
  languages: ['languages', 'defaultLanguage'],
  importTimeZone: ['importTimeZone'],
  cacheMaxAge: ['cacheMaxAge'],
  siteUrl: ['siteUrl', 'articleUrl'],
  articleUrl: ['articleUrl'],
  feedTitle: ['feedTitle'],
  publicationName: ['publicationName'],
};

export const sameValues = (a: SettingsFormValues, b: SettingsFormValues) =>
  SETTING_KEYS.every((key) => a[key] === b[key]);
