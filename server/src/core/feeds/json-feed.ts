/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). `content_text` is required when
 * there is no HTML content: it carries the excerpt (the title when there is none), as the
 * feed never serves the body. `_newsroom` (an extension, as the spec allows with a leading
 * underscore) gives frontends the documentId, slug and category slugs.
 */
import { rfc3339 } from './dates';
import type { FeedDocument } from './model';

export const JSON_FEED_CONTENT_TYPE = 'application/feed+json; charset=utf-8';

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_text: string;
  summary?: string;
  date_published: string;
  date_modified: string;
  tags?: string[];
  language?: string;
  _newsroom: { documentId: string; slug: string; categories: Array<{ name: string; slug: string }> };
}

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language?: string;
  authors: Array<{ name: string }>;
  items: JsonFeedItem[];
}

export function toJsonFeed(feed: FeedDocument): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl,
    description: feed.description,
    ...(feed.language !== null ? { language: feed.language } : {}),
    authors: [{ name: feed.author }],
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.link,
      title: item.title,
      content_text: item.summary ?? item.title,
      ...(item.summary !== null ? { summary: item.summary } : {}),
      date_published: rfc3339(item.published),
      date_modified: rfc3339(item.updated),
      ...(item.categories.length > 0 ? { tags: item.categories.map((category) => category.name) } : {}),
      ...(item.language !== null ? { language: item.language } : {}),
      _newsroom: { documentId: item.documentId, slug: item.slug, categories: item.categories },
    })),
  };
}

export const writeJsonFeed = (feed: FeedDocument): string => JSON.stringify(toJsonFeed(feed));
