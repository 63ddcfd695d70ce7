/**
 * Article languages (SPEC 3.3): stored as a lower-case ISO 639 code, optionally
 * with BCP 47 subtags (`en-gb`, `zh-hant-tw`). Input may be a code in any case,
 * a tag with `-` or `_`, or an English language name.
 */
import { LANGUAGE_ROWS, PLACE_NAMES } from './language-names';

export type LanguageResult = { ok: true; code: string } | { ok: false; message: string };

export type LanguageOptions = { defaultLanguage: string; languages: string[] };

const FIELD = 'language';

// Any known primary code (two- or three-letter) → the code we store.
const PRIMARY_CODES = new Map<string, string>();
// Normalized English name or alias → code (may carry subtags: "Simplified Chinese" → zh-hans).
const NAMES = new Map<string, string>();

function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // "Volapük" = "Volapuk"
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

for (const row of LANGUAGE_ROWS) {
  if (!row.code.includes('-')) {
    PRIMARY_CODES.set(row.code, row.code);
    for (const alias of row.codes) PRIMARY_CODES.set(alias, row.code);
  }
  for (const name of row.names) NAMES.set(nameKey(name), row.code);
}

// BCP 47 shape: a 2–3 letter primary subtag, then 1–8 alphanumeric subtags; 35 characters at most.
const TAG_SHAPE = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/;
const MAX_TAG_LENGTH = 35;

/**
 * The stored form of a language code or tag (`EN` → `en`, `en_GB` → `en-gb`,
 * `eng` → `en`), or null when it is not a tag with a known ISO 639 code.
 */
export function normalizeLanguageCode(code: string): string | null {
  const tag = code.trim().toLowerCase().replace(/_/g, '-');
  if (tag.length > MAX_TAG_LENGTH || !TAG_SHAPE.test(tag)) return null;
  const [primary, ...subtags] = tag.split('-');
  const known = PRIMARY_CODES.get(primary);
  return known === undefined ? null : [known, ...subtags].join('-');
}

export function isLanguageCode(code: string): boolean {
  return normalizeLanguageCode(code) !== null;
}

/**
 * The code for an English language name or alias (`English` → `en`, `Farsi` →
 * `fa`), or null. Codes are not names: `IT` or `Art` in a category list stay
 * categories. Names that are also places (`Tonga`) are not read as languages.
 */
export function languageFromName(name: string): string | null {
  const key = nameKey(name);
  if (PLACE_NAMES.has(key)) return null;
  return NAMES.get(key) ?? null;
}

function primarySubtag(code: string): string {
  return code.split('-')[0];
}

/** The value in a message, shortened: a megabyte sent as a language is not sent back whole. */
function describe(input: unknown): string {
  if (typeof input !== 'string') return `a ${typeof input}`;
  return JSON.stringify(input.length > 80 ? `${Array.from(input.slice(0, 160)).slice(0, 79).join('')}…` : input);
}

function mustBeOneOf(allowed: string[], input: unknown): LanguageResult {
  return { ok: false, message: `${FIELD} must be one of: ${allowed.join(', ')} (got ${describe(input)})` };
}

/**
 * Resolves an article's language input. Missing → `defaultLanguage`. When
 * `languages` is non-empty the code, or its primary subtag, must be listed
 * (`en-gb` passes a list holding `en`).
 */
export function normalizeLanguage(input: unknown, options: LanguageOptions): LanguageResult {
  const allowed = options.languages.map((l) => normalizeLanguageCode(l) ?? l.trim().toLowerCase());

  if (input === null || input === undefined || (typeof input === 'string' && input.trim() === '')) {
    // The default is validated with the settings; here it only gets the stored form.
    const fallback = normalizeLanguageCode(options.defaultLanguage);
    return fallback === null
      ? { ok: false, message: `defaultLanguage "${options.defaultLanguage}" is not a known ISO 639 code` }
      : { ok: true, code: fallback };
  }

  const code =
    typeof input === 'string' ? (normalizeLanguageCode(input) ?? NAMES.get(nameKey(input)) ?? null) : null;

  if (code === null) {
    if (allowed.length > 0) return mustBeOneOf(allowed, input);
    return {
      ok: false,
      message:
        typeof input === 'string'
          ? `${FIELD} ${describe(input.trim())} is not a known ISO 639 code or English language name`
          : `${FIELD} must be an ISO 639 code or English language name (got ${describe(input)})`,
    };
  }

  if (allowed.length > 0 && !allowed.includes(code) && !allowed.includes(primarySubtag(code))) {
    return mustBeOneOf(allowed, typeof input === 'string' ? input.trim() : input);
  }
  return { ok: true, code };
}
