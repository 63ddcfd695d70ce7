/**
 * Localization (SPEC 12), the pure part: the `localized` config key, which article
 * fields are per locale, which locale a language goes to, and how a slug claim is
 * keyed per locale. No Strapi imports; the glue is server/src/localization.ts.
 */

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

/** The language stored for an article of a locale: the locale, lower case (SPEC 3.3 form). */
export const languageOfLocale = (locale: string): string => locale.toLowerCase();

/**
 * The prefix of an article slug claim's key: slugs are unique per locale when
 * localized, so the key carries the locale; none otherwise (keys as they always were).
 * Slugs are [a-z0-9-], so `/` cannot be part of one.
 */
export const slugKeyPrefix = (locale: string | null): string => (locale === null ? '' : `${locale}/`);

/** Where each article went in a migration to localized: count per locale, for the startup log. */
export function describeMigration(counts: ReadonlyMap<string, number>, fallback: { locale: string; count: number }): string {
  const parts = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([locale, count]) => `${count} to "${locale}"`);
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const tail = fallback.count > 0 ? ` (${fallback.count} of them without a locale of their language, to the default "${fallback.locale}")` : '';
  return `newsroom: articles are now localized; ${total} article rows moved to their locales: ${parts.join(', ') || 'none'}${tail}`;
}
