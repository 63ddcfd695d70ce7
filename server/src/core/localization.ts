/**
 * Localization (SPEC 12), the pure part: the `localized` config key, which article
 * fields are per locale, which locale a language goes to, and how a slug claim is
 * keyed per locale. No Strapi imports; the glue is server/src/localization.ts.
 */

import { nextFreeSlug, suffixOf } from './slug';

export type LocalizedConfig = { ok: true; localized: boolean } | { ok: false; message: string };

/** The optional `localized` key of the plugin config: a boolean, `false` when absent. */
export function parseLocalized(value: unknown): LocalizedConfig {
  if (value === undefined || value === null) return { ok: true, localized: false };
  if (typeof value === 'boolean') return { ok: true, localized: value };
  const got = typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : typeof value;
  return { ok: false, message: `"localized" must be true or false (got ${got})` };
}

/**
 * Per-locale fields: what a reader of one language reads (title, body, excerpt) and
 * what derives from it (slug, counts). `language` is the locale itself. Shared across
 * the translations of one article: what it is about and where it came from (its
 * categories, its source and the source's dates), so a translation cannot disagree
 * with the original on facts.
 */
export const LOCALIZED_ARTICLE_FIELDS = ['title', 'slug', 'body', 'excerpt', 'language', 'wordCount', 'readingTime'] as const;
export const SHARED_ARTICLE_FIELDS = ['documentDate', 'sourcePublishedDate', 'source', 'sourceUrl', 'categories'] as const;

interface SchemaLike {
  pluginOptions?: Record<string, unknown>;
  attributes: Record<string, { pluginOptions?: Record<string, unknown> } & Record<string, unknown>>;
}

/** Marks the article schema localized (Strapi's i18n plugin options), field by field; in place. */
export function localizeArticleSchema(schema: SchemaLike): void {
  schema.pluginOptions = { ...(schema.pluginOptions ?? {}), i18n: { localized: true } };
  const localized = new Set<string>(LOCALIZED_ARTICLE_FIELDS);
  const shared = new Set<string>(SHARED_ARTICLE_FIELDS);
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (!localized.has(name) && !shared.has(name)) continue;
    attribute.pluginOptions = { ...(attribute.pluginOptions ?? {}), i18n: { localized: localized.has(name) } };
  }
}

/**
 * The configured locale a language goes to: the locale of that code (any case), else
 * the locale of its base language (`en-gb` goes to `en`), else null.
 */
export function localeForLanguage(language: string | null | undefined, locales: readonly string[]): string | null {
  if (!language) return null;
  const wanted = language.toLowerCase();
  const exact = locales.find((locale) => locale.toLowerCase() === wanted);
  if (exact !== undefined) return exact;
  const base = wanted.split('-')[0];
  return locales.find((locale) => locale.toLowerCase() === base) ?? null;
}

/**
 * The article URL template of localized articles (SPEC 12): translations may share a
 * slug, so their links must differ by locale. `{language}` is the locale there; a
 * template without it gets the locale as the first path segment after `{siteUrl}`
 * (`{siteUrl}/news/{slug}` links `{siteUrl}/de/news/{slug}`). A template that does not
 * open with `{siteUrl}` is left as it is.
 */
export function localizedArticleUrl(template: string): string {
  const site = '{siteUrl}';
  if (template.includes('{language}') || !template.startsWith(site)) return template;
  return `${site}/{language}${template.slice(site.length)}`;
}

/** The language stored for an article of a locale: the locale, lower case (SPEC 3.3 form). */
export const languageOfLocale = (locale: string): string => locale.toLowerCase();

/**
 * The prefix of an article slug claim's key: slugs are unique per locale when
 * localized, so the key carries the locale; none otherwise (keys as they always were).
 * Slugs are [a-z0-9-], so `/` cannot be part of one.
 */
export const slugKeyPrefix = (locale: string | null): string => (locale === null ? '' : `${locale}/`);

export type LocaleParameter = { ok: true; locale: string; rest: Record<string, unknown> } | { ok: false; parameter: string; message: string };

/**
 * The locale a snippet request asks for (SPEC 12), out of its query: `locale` (one
 * configured locale, any case), else the locale of `language` (normalized by the
 * caller, `languageCode`; it then filters nothing more), else the default locale.
 * `rest` is the query left for the snippet query parser.
 */
export function localeParameter(
  query: Record<string, unknown>,
  locales: { codes: readonly string[]; defaultLocale: string },
  languageCode: (value: string) => string | null
): LocaleParameter {
  const { locale, ...rest } = query;
  const accepted = `must be one of the configured locales: ${locales.codes.join(', ')}`;
  if (locale !== undefined) {
    const found = typeof locale === 'string' ? locales.codes.find((code) => code.toLowerCase() === locale.trim().toLowerCase()) : undefined;
    if (found === undefined) return { ok: false, parameter: 'locale', message: `Invalid query parameter "locale": ${accepted}` };
    return { ok: true, locale: found, rest };
  }
  if (typeof rest.language === 'string') {
    const code = languageCode(rest.language);
    // A language that is no code at all is the snippet query parser's to refuse.
    if (code === null) return { ok: true, locale: locales.defaultLocale, rest };
    const found = localeForLanguage(code, locales.codes);
    if (found === null) return { ok: false, parameter: 'language', message: `Invalid query parameter "language": no locale serves "${code}"; locales: ${locales.codes.join(', ')}` };
    const { language: _mapped, ...others } = rest;
    return { ok: true, locale: found, rest: others };
  }
  return { ok: true, locale: locales.defaultLocale, rest };
}

/** One stored article row, as a migration between localized and not sees it. */
export interface MigrationRow {
  id: number;
  documentId: string;
  language: string | null;
  locale: string | null;
  slug: string | null;
  publishedAt: unknown;
}

/** What a switch to localized does: the locale of each document, and the rows to move there. */
export interface LocalizePlan {
  /** Rows to move, by locale; the default locale's rows are there already (Strapi's i18n put them there). */
  moves: Map<string, number[]>;
  /** Documents per locale, the default locale's included. */
  counts: Map<string, number>;
  /** Documents whose language has no locale: they stay in the default locale. */
  fallback: number;
}

/**
 * Switching `localized` on: each document goes to the locale of its language (its
 * draft's, else its published version's), else to the default locale.
 */
export function planLocalize(rows: readonly MigrationRow[], locales: readonly string[], defaultLocale: string): LocalizePlan {
  const byDocument = new Map<string, MigrationRow[]>();
  for (const row of rows) byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
  const plan: LocalizePlan = { moves: new Map(), counts: new Map(), fallback: 0 };
  for (const versions of byDocument.values()) {
    const language = (versions.find((row) => row.publishedAt === null) ?? versions[0]).language;
    const found = localeForLanguage(language, locales);
    if (found === null) plan.fallback += 1;
    const locale = found ?? defaultLocale;
    plan.counts.set(locale, (plan.counts.get(locale) ?? 0) + 1);
    const moving = versions.filter((row) => row.locale !== locale).map((row) => row.id);
    if (moving.length > 0) plan.moves.set(locale, [...(plan.moves.get(locale) ?? []), ...moving]);
  }
  return plan;
}

/** A row changed by a switch back to not localized. */
export interface UnlocalizeChange {
  id: number;
  locale: string;
  documentId?: string;
  slug?: string;
}

/**
 * Switching `localized` off: one document per locale version, so nothing is lost
 * (Strapi's i18n would delete every row outside the default locale). Each document's
 * default-locale version (else its first locale) keeps the documentId; each other
 * translation becomes an article of its own with a new documentId. All go to the
 * default locale. Slugs were unique per locale: a translation whose slug another
 * article holds takes the lowest free suffix, as any colliding slug does (SPEC 3.1).
 */
export function planUnlocalize(rows: readonly MigrationRow[], defaultLocale: string, newDocumentId: () => string): UnlocalizeChange[] {
  // documentId → locale → rows
  const documents = new Map<string, Map<string, MigrationRow[]>>();
  for (const row of rows) {
    const locales = documents.get(row.documentId) ?? new Map<string, MigrationRow[]>();
    const locale = row.locale ?? defaultLocale;
    locales.set(locale, [...(locales.get(locale) ?? []), row]);
    documents.set(row.documentId, locales);
  }
  // The default locale's versions keep their slugs (unique among them); every other
  // version (a translation, or a document only in another locale) takes a free one.
  const settled: MigrationRow[][] = [];
  const moving: Array<{ rows: MigrationRow[]; documentId: string | null }> = [];
  for (const locales of documents.values()) {
    const order = [...locales.keys()].sort((a, b) => (a === defaultLocale ? -1 : b === defaultLocale ? 1 : a.localeCompare(b)));
    order.forEach((locale, i) => {
      const rows = locales.get(locale) ?? [];
      if (locale === defaultLocale) settled.push(rows);
      else moving.push({ rows, documentId: i === 0 ? null : newDocumentId() });
    });
  }
  const taken = new Set(settled.flat().flatMap((row) => (row.slug ? [row.slug] : [])));
  const changes: UnlocalizeChange[] = settled.flat().flatMap((row) => (row.locale === defaultLocale ? [] : [{ id: row.id, locale: defaultLocale }]));
  for (const { rows, documentId } of moving) {
    const renamed = new Map<string, string>();
    for (const row of rows) {
      const slug = row.slug ?? '';
      if (slug !== '' && !renamed.has(slug)) {
        const free = taken.has(slug) ? nextFreeSlug(slug, [...taken].filter((key) => suffixOf(slug, key) !== null)) : slug;
        renamed.set(slug, free);
        taken.add(free);
      }
      const newSlug = renamed.get(slug);
      changes.push({
        id: row.id,
        locale: defaultLocale,
        ...(documentId !== null ? { documentId } : {}),
        ...(newSlug !== undefined && newSlug !== slug ? { slug: newSlug } : {}),
      });
    }
  }
  return changes;
}

/** Where each article went in a migration to localized, for the startup log. */
export function describeMigration(plan: Pick<LocalizePlan, 'counts' | 'fallback'>, defaultLocale: string): string {
  const parts = [...plan.counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([locale, count]) => `${count} to "${locale}"`);
  const total = [...plan.counts.values()].reduce((sum, count) => sum + count, 0);
  const tail =
    plan.fallback > 0 ? `; ${plan.fallback} of them have a language without a locale and went to the default locale "${defaultLocale}"` : '';
  return `newsroom: articles are localized now: ${total} articles in locales: ${parts.join(', ') || 'none'}${tail}`;
}
