/**
 * What every feed format says (SPEC 10), independent of the format: built from snippets
 * (the snippet response rules: published rows, categories sorted by name, safe languages)
 * and the time each published version was last written, then handed to one writer per
 * format (rss.ts, atom.ts, json-feed.ts).
 */
import type { ArticleUrlBuilder } from '../url-template';
import type { Snippet } from '../snippet-response';
import { xmlSafe } from '../xml-text';
import { articleItemId, feedId } from './ids';

export interface FeedItem {
  /** `urn:uuid:…` from the documentId: survives title and slug changes. */
  id: string;
  documentId: string;
  slug: string;
  title: string;
  link: string;
  /** `documentDate`. */
  published: Date;
  /** When the published version was last written, never before `published`. */
  updated: Date;
  summary: string | null;
  categories: Array<{ name: string; slug: string }>;
  language: string | null;
}

export interface FeedDocument {
  id: string;
  title: string;
  description: string;
  /** The frontend's home page (`siteUrl`). */
  homeUrl: string;
  /** Where this feed is served, with its query. */
  selfUrl: string;
  /** Publication name, the feed's author. */
  author: string;
  /** The `language` filter, when given. */
  language: string | null;
  /** The newest `updated` of the items; null for an empty feed. */
  updated: Date | null;
  items: FeedItem[];
}

export interface FeedContext {
  title: string;
  author: string;
  homeUrl: string;
  selfUrl: string;
  filters: { categories: ReadonlyArray<string>; language: string | null };
  linkOf: ArticleUrlBuilder;
}

export const dateOf = (value: unknown): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : typeof value === 'number' || typeof value === 'string' ? new Date(value) : null;
  return date !== null && !Number.isNaN(date.getTime()) ? date : null;
};

const latest = (dates: ReadonlyArray<Date | null>): Date | null =>
  dates.reduce<Date | null>((newest, date) => (date !== null && (newest === null || date > newest) ? date : newest), null);

/**
 * One item per snippet, in the order given. `writtenAt` holds, per documentId, when the
 * published version was last written (its publishedAt and updatedAt, as the driver gives
 * them); `updated` is the latest of those and the documentDate. A row without any date
 * uses the epoch rather than the moment of the request, so the same data always gives the
 * same document (and ETag).
 */
export function toFeedItems(
  snippets: ReadonlyArray<Snippet>,
  writtenAt: ReadonlyMap<string, ReadonlyArray<unknown>>,
  linkOf: ArticleUrlBuilder
): FeedItem[] {
  return snippets.map((snippet) => {
    const published = dateOf(snippet.documentDate);
    const updated = latest([published, ...(writtenAt.get(snippet.documentId) ?? []).map(dateOf)]) ?? new Date(0);
    return {
      id: articleItemId(snippet.documentId),
      documentId: snippet.documentId,
      slug: snippet.slug,
      title: xmlSafe(snippet.title),
      link: linkOf(snippet),
      published: published ?? updated,
      updated,
      summary: snippet.excerpt === null ? null : xmlSafe(snippet.excerpt),
      categories: snippet.categories.map((category) => ({ name: xmlSafe(category.name), slug: category.slug })),
      language: snippet.language,
    };
  });
}

export function toFeedDocument(items: FeedItem[], context: FeedContext): FeedDocument {
  const title = xmlSafe(context.title);
  return {
    id: feedId(context.filters),
    title,
    description: `The latest articles of ${title}`,
    homeUrl: context.homeUrl,
    selfUrl: context.selfUrl,
    author: xmlSafe(context.author),
    language: context.filters.language,
    updated: latest(items.map((item) => item.updated)),
    items,
  };
}
