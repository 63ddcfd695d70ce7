/**
 * Newsroom settings (SPEC 5): the one place their rules live. Used for the
 * `config/plugins.ts` validator (a bad value stops Strapi at startup), for
 * `PUT /newsroom/settings` and for values read back from the plugin store.
 */
import { z } from 'zod';
import { IANAZone } from 'luxon';
import { normalizeLanguage } from './language';

export interface NewsroomSettings {
  excerptLength: number;
  defaultLanguage: string;
  languages: string[];
  importTimeZone: string;
  cacheMaxAge: number;
}

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
};

export const SETTING_KEYS = [
  'excerptLength',
  'defaultLanguage',
  'languages',
  'importTimeZone',
  'cacheMaxAge',
] as const satisfies ReadonlyArray<keyof NewsroomSettings>;

export type SettingsIssue = { key: string; message: string };

export type SettingsResult =
  | { ok: true; settings: NewsroomSettings }
  | { ok: false; issues: SettingsIssue[] };

/** A short, safe rendering of a rejected value for "(got …)". */
function describeValue(value: unknown): string {
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

function integerBetween(min: number, max: number) {
  return z
    .int({ error: (issue) => `must be an integer from ${min} to ${max} (got ${describeValue(issue.input)})` })
    .min(min, { error: (issue) => `must be an integer from ${min} to ${max} (got ${describeValue(issue.input)})` })
    .max(max, { error: (issue) => `must be an integer from ${min} to ${max} (got ${describeValue(issue.input)})` });
}

const CODE_HINT = 'an ISO 639 language code such as "en", "de" or "en-gb"';

/**
 * A setting holds codes, not names: `EN` is accepted (and stored as `en`),
 * `German` is not (the message suggests `de`). The check delegates to the same
 * `normalizeLanguage` the article hooks use, so both agree on what a code is.
 */
const languageCodeSchema = z
  .string({ error: (issue) => `must be ${CODE_HINT} (got ${describeValue(issue.input)})` })
  .superRefine((value, ctx) => {
    const lowered = value.toLowerCase();
    // normalizeLanguage maps a missing value to the default; a setting may not be empty.
    const result = lowered.trim() === '' ? null : normalizeLanguage(value, { defaultLanguage: 'en', languages: [] });
    if (result !== null && result.ok && result.code === lowered) return;
    const hint = result !== null && result.ok ? `; use "${result.code}"` : '';
    ctx.addIssue({ code: 'custom', message: `must be ${CODE_HINT} (got ${describeValue(value)}${hint})` });
  })
  .transform((value) => value.toLowerCase());

export const settingsSchema = z
  .strictObject(
    {
      excerptLength: integerBetween(80, 1000),
      defaultLanguage: languageCodeSchema,
      languages: z
        .array(languageCodeSchema, {
          error: (issue) =>
            `must be a list of language codes such as ["en", "de"], or [] for any language (got ${describeValue(issue.input)})`,
        })
        .transform((codes) => [...new Set(codes)]),
      importTimeZone: z
        .string({ error: (issue) => `must be an IANA time zone such as "UTC" or "Europe/Berlin" (got ${describeValue(issue.input)})` })
        .refine((zone) => IANAZone.isValidZone(zone), {
          error: (issue) => `must be an IANA time zone such as "UTC" or "Europe/Berlin" (got ${describeValue(issue.input)})`,
        }),
      cacheMaxAge: integerBetween(0, 86400),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `is not a newsroom setting (accepted: ${SETTING_KEYS.join(', ')})`
          : `must be an object with the keys ${SETTING_KEYS.join(', ')} (got ${describeValue(issue.input)})`,
    },
  )
  .superRefine((settings, ctx) => {
    if (settings.languages.length > 0 && !settings.languages.includes(settings.defaultLanguage)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultLanguage'],
        message: `must be one of languages (${settings.languages.join(', ')}) (got ${describeValue(settings.defaultLanguage)})`,
      });
    }
  });

/** `['languages', 1]` → `languages[1]`. */
function keyOf(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((key, part) => {
    if (typeof part === 'number') return `${key}[${part}]`;
    const name = String(part);
    return key === '' ? name : `${key}.${name}`;
  }, '');
}

function toIssues(error: z.ZodError): SettingsIssue[] {
  return error.issues.flatMap((issue): SettingsIssue[] => {
    // One issue per unknown key, so each names its key.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ key: keyOf([...issue.path, key]), message: issue.message }));
    }
    return [{ key: keyOf(issue.path), message: issue.message }];
  });
}

/** Validates a complete settings object (the merged `config/plugins.ts` value). */
export function validateSettings(input: unknown): SettingsResult {
  const parsed = settingsSchema.safeParse(input);
  return parsed.success ? { ok: true, settings: parsed.data } : { ok: false, issues: toIssues(parsed.error) };
}

/**
 * Merges a partial object over `base` and validates the whole, so a change is
 * checked against the settings it joins (e.g. `defaultLanguage` against the
 * current `languages`). Keys whose value is `undefined` are treated as absent.
 */
export function validatePartialSettings(input: unknown, base: NewsroomSettings): SettingsResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      issues: [{ key: '', message: `must be an object with some of the keys ${SETTING_KEYS.join(', ')} (got ${describeValue(input)})` }],
    };
  }
  const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  return validateSettings({ ...base, ...changes });
}

/** `"excerptLength" must be an integer from 80 to 1000 (got 5)`; several issues are joined by `; `. Strapi prefixes startup errors with "Error regarding newsroom config:". */
export function formatSettingsIssues(issues: SettingsIssue[]): string {
  const parts = issues.map(({ key, message }) => (key === '' ? message : `${JSON.stringify(key)} ${message}`));
  return parts.join('; ');
}
