/**
 * Sitemaps (SPEC 10). `sitemap.xml` and its parts are streamed page by page from the
 * database (a thousand rows a query, keyset by id), never held whole: their validators come
 * from a cheap summary of the published rows (count, highest id, latest dates) and the
 * settings, taken before streaming. The news sitemap is small (at most 1,000 URLs) and is
 * kept in the snippet response cache like a feed.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { createArticleUrlBuilder, type ArticleUrlBuilder, type LinkedArticle } from '../core/url-template';
import { languageOfLocale, localizedArticleUrl } from '../core/localization';
import { LastModifiedClock } from '../core/conditional-get';
import { dateOf } from '../core/feeds/model';
import type { NewsroomSettings } from '../core/settings';
import { MAX_NEWS_URLS, NEWS_WINDOW_MS, needsIndex, newsLanguage, partCount, sitemapPartSize } from '../core/sitemaps/plan';
import { createSitemapWriter, SITEMAP_CONTENT_TYPE, type SitemapAlternate, type SitemapWriter } from '../core/sitemaps/writer';
import { groupCategories, toSnippet } from '../core/snippet-response';
import { createDistributionRepository, type SitemapRow } from '../repositories/distribution';
import { createSnippetRepository } from '../repositories/snippets';
import { localizationsOf } from '../repositories/snippet-localizations';
import { isLocalized } from '../localization';
import type { SnippetsService } from './snippets';
import { getService } from '../utils/get-service';

/** Rows a database page; each page is written out before the next is read. */
const PAGE_ROWS = 1000;

/**
 * For tests only: a smaller sitemap part (`NEWSROOM_SITEMAP_PART_SIZE=3`) exercises the index with
 * a few articles. Read once, when Strapi loads the plugin, as configuration is.
 */
const PART_SIZE = sitemapPartSize(process.env.NEWSROOM_SITEMAP_PART_SIZE);

export type SitemapSettings = NewsroomSettings & { siteUrl: string };

export interface SitemapRequest {
  /** `sitemap.xml`: null; `sitemap-<n>.xml`: n. */
  part: number | null;
  apiBase: string;
  settings: SitemapSettings;
}

export type SitemapAnswer =
  | { found: false }
  | {
      found: true;
      etag: string;
      lastModifiedMs: number;
      contentType: string;
      /** The document, written as it is read; call it only when the answer is sent with a body. */
      body(): AsyncIterable<string>;
    };

export interface NewsSitemapAnswer {
  body: Buffer;
  etag: string;
  lastModifiedMs: number;
  contentType: string;
}

const usesCategory = (template: string) => template.includes('{category}');

/** Localized articles (SPEC 12) link with their locale, so translations sharing a slug get URLs of their own. */
const articleUrlOf = (settings: NewsroomSettings, localized: boolean) => (localized ? localizedArticleUrl(settings.articleUrl) : settings.articleUrl);

const sitemapsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createDistributionRepository(strapi);
  const snippetRepository = createSnippetRepository(strapi);
  const clock = new LastModifiedClock();
  let snippetsService: SnippetsService | undefined;
  const snippets = () => (snippetsService ??= getService(strapi, 'snippets'));

  /** Snippet-shaped articles of `rows` (the link needs slug, language, date and, maybe, categories). */
  async function linked<R extends SitemapRow>(rows: R[], withCategories: boolean) {
    const categories = withCategories ? groupCategories(await snippetRepository.categoriesOf(rows.map((row) => row.id))) : new Map();
    return rows.map((row) => ({
      row,
      article: toSnippet(
        { ...row, title: '', excerpt: null, sourcePublishedDate: null, source: null, sourceUrl: null, readingTime: null },
        categories.get(String(row.id)) ?? []
      ),
    }));
  }

  const writtenAt = (row: SitemapRow): Date | null => {
    const dates = [dateOf(row.publishedAt), dateOf(row.updatedAt)].filter((date): date is Date => date !== null);
    return dates.length === 0 ? null : new Date(Math.max(...dates.map((date) => date.getTime())));
  };

  /**
   * Localized articles (SPEC 12): each row's URL in every locale its article is published
   * in (its own first), for `hreflang` alternates; none for an article in one locale only.
   */
  async function alternatesOf(entries: Array<{ row: SitemapRow; article: LinkedArticle }>, linkOf: ArticleUrlBuilder) {
    const found = await localizationsOf(strapi, entries.map(({ row }) => row));
    return entries.map(({ row, article }): SitemapAlternate[] => {
      const own = found.get(String(row.id));
      if (!own || own.localizations.length === 0) return [];
      return [{ locale: own.locale, slug: article.slug }, ...own.localizations].map(({ locale, slug }) => ({
        hreflang: locale,
        href: linkOf({ ...article, slug, language: languageOfLocale(locale) }),
      }));
    });
  }

  /** Writes the URLs of published rows after `afterId`, at most `count`, a page at a time. */
  async function* urls(writer: SitemapWriter, linkOf: ArticleUrlBuilder, withCategories: boolean, afterId: number | null, count: number) {
    let last = afterId;
    let left = count;
    const localized = isLocalized(strapi);
    while (left > 0) {
      const rows = await repository.sitemapRows(last, Math.min(PAGE_ROWS, left));
      if (rows.length === 0) break;
      const entries = await linked(rows, withCategories);
      const alternates = localized ? await alternatesOf(entries, linkOf) : [];
      entries.forEach(({ row, article }, i) => {
        const entry = { loc: linkOf(article), lastmod: writtenAt(row) };
        writer.url(alternates[i]?.length ? { ...entry, alternates: alternates[i] } : entry);
      });
      yield writer.flush();
      last = Number(rows[rows.length - 1].id);
      left -= rows.length;
      if (rows.length < PAGE_ROWS) break;
    }
  }

  return {
    async sitemap({ part, apiBase, settings }: SitemapRequest): Promise<SitemapAnswer> {
      const size = PART_SIZE;
      const localized = isLocalized(strapi);
      const withCategories = usesCategory(settings.articleUrl);
      const state = await repository.publishedState();
      const parts = partCount(state.total, size);
      const index = part === null && needsIndex(state.total, size);
      if (part !== null && part > parts) return { found: false };

      const fingerprint = JSON.stringify([
        state,
        withCategories ? await repository.categoryState() : null,
        part,
        size,
        index ? apiBase : null,
        settings.siteUrl,
        settings.articleUrl,
        ...(localized ? ['localized'] : []),
      ]);
      const etag = `"${createHash('sha1').update(fingerprint).digest('base64url')}"`;
      const key = `sitemap:${part ?? 'root'}:${apiBase}`;
      const linkOf = createArticleUrlBuilder(settings.siteUrl, articleUrlOf(settings, localized));

      const body = async function* (): AsyncIterable<string> {
        if (index) {
          const writer = createSitemapWriter('index');
          for (let n = 1; n <= parts; n += 1) writer.sitemap({ loc: `${apiBase}/sitemap-${n}.xml`, lastmod: null });
          yield writer.end();
          return;
        }
        const writer = createSitemapWriter(localized ? 'alternates' : 'urlset');
        yield writer.flush();
        const number = part ?? 1;
        const afterId = number === 1 ? null : await repository.publishedIdAt((number - 1) * size - 1);
        if (number === 1 || afterId !== null) yield* urls(writer, linkOf, withCategories, afterId, size);
        yield writer.end();
      };
      return { found: true, etag, lastModifiedMs: clock.lastModified(key, etag), contentType: SITEMAP_CONTENT_TYPE, body };
    },

    async news({ apiBase, settings }: Omit<SitemapRequest, 'part'>): Promise<NewsSitemapAnswer> {
      const key = `news-sitemap:${JSON.stringify([apiBase, settings.siteUrl, settings.articleUrl, settings.publicationName, settings.feedTitle, settings.defaultLanguage])}`;
      const cached = await snippets().textAnswer(key, { cacheMaxAge: settings.cacheMaxAge }, async () => {
        const now = Date.now();
        const rows = await repository.newsRows(new Date(now - NEWS_WINDOW_MS), new Date(now), MAX_NEWS_URLS);
        const linkOf = createArticleUrlBuilder(settings.siteUrl, articleUrlOf(settings, isLocalized(strapi)));
        const writer = createSitemapWriter('news');
        const publicationName = settings.publicationName ?? settings.feedTitle;
        for (const { row, article } of await linked(rows, usesCategory(settings.articleUrl))) {
          const published = dateOf(row.documentDate);
          if (published === null) continue;
          writer.newsUrl({
            loc: linkOf(article),
            publicationName,
            language: newsLanguage(article.language ?? settings.defaultLanguage),
            publicationDate: published,
            title: typeof row.title === 'string' ? row.title : '',
          });
        }
        return writer.end();
      });
      if (cached === null) throw new Error('newsroom: a news sitemap answer was empty');
      return { ...cached, lastModifiedMs: clock.lastModified(key, cached.etag), contentType: SITEMAP_CONTENT_TYPE };
    },
  };
};

export default sitemapsService;
export type SitemapsService = ReturnType<typeof sitemapsService>;
