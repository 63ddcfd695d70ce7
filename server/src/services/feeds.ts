/**
 * RSS, Atom and JSON Feed answers (SPEC 10). The articles are those of the snippet list
 * (services/snippets.ts `list`: published only, the snippet response rules, newest
 * documentDate first), and the finished documents live in the snippet response cache, so
 * every article or category write empties them exactly as it empties snippet answers.
 */
import type { Core } from '@strapi/strapi';
import { createArticleUrlBuilder } from '../core/url-template';
import { LastModifiedClock } from '../core/conditional-get';
import { ATOM_CONTENT_TYPE, writeAtom } from '../core/feeds/atom';
import { canonicalFeedQuery, type FeedQuery } from '../core/feeds/feed-query';
import { JSON_FEED_CONTENT_TYPE, writeJsonFeed } from '../core/feeds/json-feed';
import { toFeedDocument, toFeedItems, type FeedDocument } from '../core/feeds/model';
import { languageOfLocale, localizedArticleUrl } from '../core/localization';
import { RSS_CONTENT_TYPE, writeRss } from '../core/feeds/rss';
import type { NewsroomSettings } from '../core/settings';
import { createDistributionRepository } from '../repositories/distribution';
import type { SnippetsService } from './snippets';
import { getService } from '../utils/get-service';

export type FeedFormat = 'rss' | 'atom' | 'json';

const FORMATS: Record<FeedFormat, { path: string; contentType: string; write(feed: FeedDocument): string }> = {
  rss: { path: '/feeds/rss', contentType: RSS_CONTENT_TYPE, write: writeRss },
  atom: { path: '/feeds/atom', contentType: ATOM_CONTENT_TYPE, write: writeAtom },
  json: { path: '/feeds/json', contentType: JSON_FEED_CONTENT_TYPE, write: writeJsonFeed },
};

export interface FeedAnswer {
  body: Buffer;
  etag: string;
  /** Epoch milliseconds, whole seconds (core/conditional-get.ts). */
  lastModifiedMs: number;
  contentType: string;
}

export interface FeedRequest {
  format: FeedFormat;
  query: FeedQuery;
  /** Localized articles (SPEC 12): the feed's locale; null when not localized. */
  locale: string | null;
  /** `https://cms.example.com/api/newsroom` (core/public-url.ts). */
  apiBase: string;
  /** Effective settings with `siteUrl` set (the controller answers 404 before). */
  settings: NewsroomSettings & { siteUrl: string };
}

const feedsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createDistributionRepository(strapi);
  const clock = new LastModifiedClock();
  let snippetsService: SnippetsService | undefined;
  const snippets = () => (snippetsService ??= getService(strapi, 'snippets'));

  async function document({ format, query, locale, apiBase, settings }: FeedRequest): Promise<FeedDocument> {
    const { data } = await snippets().list(query.snippetQuery, locale);
    const written = await repository.writtenAt(data.map((snippet) => snippet.documentId), locale);
    const writtenAt = new Map([...written].map(([documentId, row]) => [documentId, [row.publishedAt, row.updatedAt]]));
    const linkOf = createArticleUrlBuilder(settings.siteUrl, locale === null ? settings.articleUrl : localizedArticleUrl(settings.articleUrl));
    const self = canonicalFeedQuery(query);
    const localeQuery = locale === null ? '' : `${self === '' ? '?' : '&'}locale=${encodeURIComponent(locale)}`;
    return toFeedDocument(toFeedItems(data, writtenAt, linkOf), {
      title: settings.feedTitle,
      author: settings.publicationName ?? settings.feedTitle,
      homeUrl: settings.siteUrl,
      selfUrl: `${apiBase}${FORMATS[format].path}${self}${localeQuery}`,
      filters: { categories: query.categories, language: locale === null ? query.language : languageOfLocale(locale) },
      linkOf,
    });
  }

  return {
    async answer(request: FeedRequest): Promise<FeedAnswer> {
      const { format, query, locale, apiBase, settings } = request;
      // Everything the document depends on besides the data, which the cache's invalidation covers.
      const key = `feed:${JSON.stringify([
        format,
        apiBase,
        [...query.categories].sort(),
        query.language,
        query.limit,
        ...(locale === null ? [] : [locale]),
        settings.siteUrl,
        settings.articleUrl,
        settings.feedTitle,
        settings.publicationName,
      ])}`;
      const cached = await snippets().textAnswer(key, { cacheMaxAge: settings.cacheMaxAge }, async () =>
        FORMATS[format].write(await document(request))
      );
      // textAnswer gives null only when `load` does, which this one never does.
      if (cached === null) throw new Error('newsroom: a feed answer was empty');
      return { ...cached, lastModifiedMs: clock.lastModified(key, cached.etag), contentType: FORMATS[format].contentType };
    },
  };
};

export default feedsService;
export type FeedsService = ReturnType<typeof feedsService>;
