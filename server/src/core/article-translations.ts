/**
 * The translations of a localized article (SPEC 12) as the editor's snippet preview
 * lists them: one entry a locale, from its draft and published versions. Pure.
 */
import type { ArticleTranslationStatus } from '../../../shared/contracts/snippets';

export interface VersionLike {
  locale: string | null;
  publishedAt: unknown;
  updatedAt: unknown;
}

export interface LocaleEntry<V extends VersionLike> {
  locale: string;
  /** The version the snippet endpoint serves (the published one), else the draft. */
  shown: V;
  /** Both versions, for permission checks. */
  versions: V[];
  status: ArticleTranslationStatus;
}

const timeOf = (value: unknown) => (typeof value === 'string' || value instanceof Date ? new Date(value).getTime() : 0);

/**
 * The locales of the versions other than `except`, sorted by code. `published`: served
 * as saved; `modified`: published, and the draft was saved since; `draft`: not published.
 */
export function translationsOf<V extends VersionLike>(versions: V[], except: string): Array<LocaleEntry<V>> {
  const byLocale = new Map<string, { draft?: V; published?: V }>();
  for (const version of versions) {
    if (version.locale === null || version.locale === except) continue;
    const entry = byLocale.get(version.locale) ?? {};
    if (version.publishedAt === null || version.publishedAt === undefined) entry.draft = version;
    else entry.published = version;
    byLocale.set(version.locale, entry);
  }
  return [...byLocale.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([locale, { draft, published }]) => {
      const shown = published ?? draft;
      if (!shown) return [];
      const status: ArticleTranslationStatus = !published
        ? 'draft'
        : draft && timeOf(draft.updatedAt) > timeOf(published.updatedAt)
          ? 'modified'
          : 'published';
      return [{ locale, shown, versions: [draft, published].filter((v): v is V => v !== undefined), status }];
    });
}
