/**
 * Article slugs (SPEC 3.1): URL-safe ASCII made from a title, at most 80
 * characters, cut at a word boundary, de-duplicated with `-2`, `-3`, … suffixes.
 * Pure functions: the lifecycle glue decides when a slug is (re)computed and
 * the database guarantees uniqueness.
 */
import { createHash } from 'node:crypto';
import slugify from 'slugify';

export const SLUG_MAX_LENGTH = 80;

/** Lower-case letters and digits in words joined by single hyphens: every slug (article and category). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Characters of the text a slug is made from. A slug keeps 80 characters, so
 * the first thousand are plenty (titles have 300 at most); without a bound, a
 * typed slug or a category name of a megabyte costs a second of work for 80
 * characters of result.
 */
const SLUG_SOURCE_LENGTH = 1000;

/** The start of `text`, at most `length` UTF-16 units, without splitting a surrogate pair. */
function head(text: string, length: number): string {
  if (text.length <= length) return text;
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

/*
 * slugify's strict mode deletes every non-alphanumeric character, so `1990–2000`,
 * `and/or` and `snake_case` would glue words together. Turning these separators
 * into spaces first keeps the words apart. Apostrophes and dots are NOT
 * separators: `Iran's` → `irans`, `U.S.` → `us`.
 */
const WORD_SEPARATORS = /[\p{Pd}/\\_\u00b7\u2022]+/gu;

const SLUGIFY_OPTIONS = { lower: true, strict: true, trim: true };

/*
 * slugify maps characters one by one and drops those it has no entry for, e.g.
 * pinyin `ǐ`, `ḥ`, ligatures, full-width letters. For those only, fall back to
 * compatibility decomposition without accents (`ǐ` → `i`, `ﬁ` → `fi`). Not for
 * all characters: slugify's own map is better where it has one (`й` → `j`, `ё` → `yo`).
 */
function foldUnmappedCharacters(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u0080-\u{10FFFF}]/gu, (ch) =>
      slugify(ch, SLUGIFY_OPTIONS) !== '' ? ch : ch.normalize('NFKD').replace(/\p{M}/gu, ''),
    );
}

/** Cuts a valid slug to at most `max` characters at a hyphen, or hard when the first word is longer. */
function cutAtWordBoundary(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  // Looking at max+1 characters finds a hyphen sitting right after a full-length word.
  const boundary = slug.slice(0, max + 1).lastIndexOf('-');
  return boundary > 0 ? slug.slice(0, boundary) : slug.slice(0, max);
}

/**
 * The slug for a piece of text, or '' when nothing in it transliterates.
 * slugify 1.6 knows Latin, Greek, Cyrillic, Armenian, Georgian and the basic
 * Arabic/Persian letters (without vowels: `سلام` → `slam`); it knows no Hebrew,
 * Indic, Thai, Lao, Khmer, Myanmar, Ethiopic, Hangul, Kana or Han letters.
 */
export function slugFromText(text: string): string {
  const raw = slugify(foldUnmappedCharacters(head(text, SLUG_SOURCE_LENGTH)).replace(WORD_SEPARATORS, ' '), SLUGIFY_OPTIONS);
  const tidy = raw.replace(/-+/g, '-').replace(/^-|-$/g, '');
  return cutAtWordBoundary(tidy, SLUG_MAX_LENGTH);
}

/** What a fallback slug is of: its first word. */
export type FallbackKind = 'article' | 'category';

/**
 * A stable slug for text that transliterates to nothing: `article-<8 hex>` (or
 * `category-…`). Seeded with the documentId (or the claim's owner) so draft and
 * published versions (and republishing) agree.
 */
export function fallbackSlug(seed: string, kind: FallbackKind = 'article'): string {
  return `${kind}-${createHash('sha1').update(seed).digest('hex').slice(0, 8)}`;
}

/** Whether a slug has the form of a fallback slug of that kind (`article-…`). */
export const isFallbackSlug = (slug: string, kind: FallbackKind = 'article'): boolean => slug.startsWith(`${kind}-`);

/**
 * `base` with the n-th collision suffix (`base-n`), shortening `base` so the
 * result still fits in SLUG_MAX_LENGTH. n ≤ 1 means "no suffix".
 */
export function withSuffix(base: string, n: number): string {
  if (n <= 1) return base;
  const suffix = `-${Math.floor(n)}`;
  const head = cutAtWordBoundary(base, SLUG_MAX_LENGTH - suffix.length);
  // An empty base cannot carry a hyphen; the number alone is still a valid slug.
  return head === '' ? suffix.slice(1) : `${head}${suffix}`;
}

/** A slug an editor typed: normalized the same way as a title, never replaced. */
export function normalizeSlug(input: string): string {
  return slugFromText(input);
}

export function isValidSlug(s: string): boolean {
  return s.length > 0 && s.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(s);
}

/** The lowest free slug among base, base-2, base-3, … */
export function nextFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  // Terminates: `used` is finite and every n gives a distinct candidate.
  for (let n = 1; ; n += 1) {
    const candidate = withSuffix(base, n);
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * Which suffix of `base` a stored slug is: 1 for `base` itself, n for the
 * candidate `withSuffix(base, n)`, null for anything else (e.g. `base-ball`,
 * or `base-2` when base is already a numbered slug of a longer base).
 * Compares against withSuffix so shortened long bases are recognized too.
 */
export function suffixOf(base: string, slug: string): number | null {
  if (slug === base) return 1;
  const match = /-(\d+)$/.exec(slug);
  if (!match || match[1].startsWith('0')) return null;
  const n = Number(match[1]);
  if (!Number.isSafeInteger(n) || n < 2) return null;
  return withSuffix(base, n) === slug ? n : null;
}

/**
 * A prefix shared by every candidate of `base` up to suffix 999999, for a
 * `slug LIKE '<prefix>%'` query. Long bases are shortened when suffixed, so
 * `base%` alone would miss their candidates. Slugs hold only [a-z0-9-], so
 * the prefix needs no LIKE escaping.
 */
export function suffixSearchPrefix(base: string): string {
  if (base === '') return '';
  const longest = withSuffix(base, 999_999);
  return longest.slice(0, longest.length - '-999999'.length);
}
