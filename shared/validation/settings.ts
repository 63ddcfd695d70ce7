/**
 * The rules of the newsroom settings (SPEC 5), in one place for both sides: the admin's
 * settings form checks a field when the editor leaves it, and the server checks the
 * `config/plugins.ts` value at startup, `PUT /newsroom/settings` and what it reads back
 * from the plugin store. Plain TypeScript, no schema library, so the admin bundle carries
 * nothing of the server's.
 */
import { SETTING_KEYS, type NewsroomSettings, type SettingKey } from '../contracts/settings';
import { checkFeedSettings } from './feed-settings';
import { isStoredLanguageCode } from './language-code';
import { isTimeZone } from './time-zone';

/** `key` names the setting (`languages[1]` for one code of the list), or is `''` for the whole object. */
export type SettingsIssue = { key: string; message: string };

export type SettingsResult = { ok: true; settings: NewsroomSettings } | { ok: false; issues: SettingsIssue[] };

export interface SettingsValidationOptions {
  /**
   * The stored code for what a rejected language value names (`German` → `de`,
   * `eng` → `en`), to suggest it in the message. The server passes its language table;
   * the admin shows its own message and needs none.
   */
  suggestLanguageCode?(value: string): string | null;
}

/** A short, safe rendering of a rejected value for "(got …)". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function' || typeof value === 'symbol') return `a ${typeof value}`;
  return String(value);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Check<T> = { ok: true; value: T } | { ok: false; issues: SettingsIssue[] };

const fail = <T>(key: string, message: string): Check<T> => ({ ok: false, issues: [{ key, message }] });

function integerBetween(key: SettingKey, value: unknown, min: number, max: number): Check<number> {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return { ok: true, value };
  return fail(key, `must be an integer from ${min} to ${max} (got ${describeValue(value)})`);
}

const CODE_HINT = 'an ISO 639 language code such as "en", "de" or "en-gb"';

/** A code in any case is accepted and stored in lower case; a name or another spelling is not (the message suggests the code). */
function languageCode(key: string, value: unknown, options: SettingsValidationOptions): Check<string> {
  if (typeof value === 'string') {
    const lowered = value.toLowerCase();
    if (isStoredLanguageCode(lowered)) return { ok: true, value: lowered };
    const suggested = value.trim() === '' ? null : (options.suggestLanguageCode?.(value) ?? null);
    const hint = suggested !== null && suggested !== lowered ? `; use "${suggested}"` : '';
    return fail(key, `must be ${CODE_HINT} (got ${describeValue(value)}${hint})`);
  }
  return fail(key, `must be ${CODE_HINT} (got ${describeValue(value)})`);
}

/** Every code is checked (each bad one named by its position); duplicates are dropped, in order. */
function languageList(value: unknown, options: SettingsValidationOptions): Check<string[]> {
  if (!Array.isArray(value)) {
    return fail('languages', `must be a list of language codes such as ["en", "de"], or [] for any language (got ${describeValue(value)})`);
  }
  const codes: string[] = [];
  const issues: SettingsIssue[] = [];
  value.forEach((item: unknown, index) => {
    const code = languageCode(`languages[${index}]`, item, options);
    if (code.ok) codes.push(code.value);
    else issues.push(...code.issues);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: [...new Set(codes)] };
}

function timeZone(value: unknown): Check<string> {
  if (typeof value === 'string' && isTimeZone(value)) return { ok: true, value };
  return fail('importTimeZone', `must be an IANA time zone such as "UTC" or "Europe/Berlin" (got ${describeValue(value)})`);
}

/**
 * Validates a complete settings object (the merged `config/plugins.ts` value, or the
 * form's values). Every problem is reported, each naming its key, fields in the order
 * of SETTING_KEYS and then keys that are not settings.
 */
export function validateSettings(input: unknown, options: SettingsValidationOptions = {}): SettingsResult {
  if (!isObject(input)) {
    return { ok: false, issues: [{ key: '', message: `must be an object with the keys ${SETTING_KEYS.join(', ')} (got ${describeValue(input)})` }] };
  }
  const checks = {
    excerptLength: integerBetween('excerptLength', input.excerptLength, 80, 1000),
    defaultLanguage: languageCode('defaultLanguage', input.defaultLanguage, options),
    languages: languageList(input.languages, options),
    importTimeZone: timeZone(input.importTimeZone),
    cacheMaxAge: integerBetween('cacheMaxAge', input.cacheMaxAge, 0, 86400),
  };
  // Feeds and sitemaps: siteUrl, articleUrl, feedTitle, publicationName (feed-settings.ts).
  const feed = checkFeedSettings(input);
  const issues = SETTING_KEYS.flatMap((key) => {
    if (!(key in checks)) return feed.ok ? [] : feed.issues.filter((issue) => issue.key === key);
    const check = checks[key as keyof typeof checks];
    return check.ok ? [] : check.issues;
  });
  const accepted: readonly string[] = SETTING_KEYS;
  for (const key of Object.keys(input)) {
    if (!accepted.includes(key)) issues.push({ key, message: `is not a newsroom setting (accepted: ${SETTING_KEYS.join(', ')})` });
  }
  const { excerptLength, defaultLanguage, languages, importTimeZone, cacheMaxAge } = checks;
  if (defaultLanguage.ok && languages.ok && languages.value.length > 0 && !languages.value.includes(defaultLanguage.value)) {
    issues.push({
      key: 'defaultLanguage',
      message: `must be one of languages (${languages.value.join(', ')}) (got ${describeValue(defaultLanguage.value)})`,
    });
  }
  if (issues.length > 0 || !excerptLength.ok || !defaultLanguage.ok || !languages.ok || !importTimeZone.ok || !cacheMaxAge.ok || !feed.ok) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    settings: {
      excerptLength: excerptLength.value,
      defaultLanguage: defaultLanguage.value,
      languages: languages.value,
      importTimeZone: importTimeZone.value,
      cacheMaxAge: cacheMaxAge.value,
      ...feed.value,
    },
  };
}

/**
 * Merges a partial object over `base` and validates the whole, so a change is
 * checked against the settings it joins (e.g. `defaultLanguage` against the
 * current `languages`). Keys whose value is `undefined` are treated as absent.
 */
export function validatePartialSettings(input: unknown, base: NewsroomSettings, options: SettingsValidationOptions = {}): SettingsResult {
  if (!isObject(input)) {
    return {
      ok: false,
      issues: [{ key: '', message: `must be an object with some of the keys ${SETTING_KEYS.join(', ')} (got ${describeValue(input)})` }],
    };
  }
  const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  return validateSettings({ ...base, ...changes }, options);
}

/** `"excerptLength" must be an integer from 80 to 1000 (got 5)`; several issues are joined by `; `. */
export function formatSettingsIssues(issues: SettingsIssue[]): string {
  return issues.map(({ key, message }) => (key === '' ? message : `${JSON.stringify(key)} ${message}`)).join('; ');
}

/** The setting an issue is about: `languages[1]` → `languages`; null for the whole object or an unknown key. */
export function settingOf(issue: SettingsIssue): SettingKey | null {
  const key = issue.key.replace(/\[\d+\]$/, '');
  return (SETTING_KEYS as readonly string[]).includes(key) ? (key as SettingKey) : null;
}
