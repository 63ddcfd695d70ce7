/**
 * Sitemap documents written as a stream (sitemaps.org 0.9; Google News sitemaps 0.9):
 * xmlbuilder2's callback builder emits each element as it is closed, so a sitemap of
 * 50,000 URLs is never held whole. Chunks are gathered into one string per `flush()` (the
 * caller flushes after each database page) to keep writes to the socket few.
 */
import { createCB } from 'xmlbuilder2';
import { rfc3339 } from '../feeds/dates';
import { xmlValue } from '../xml-text';

export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8';

const NS = {
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
};

export interface SitemapUrl {
  loc: string;
  lastmod: Date | null;
}

export interface NewsUrl {
  loc: string;
  publicationName: string;
  /** As Google News takes it (plan.ts `newsLanguage`). */
  language: string;
  publicationDate: Date;
  title: string;
}

export interface SitemapWriter {
  url(entry: SitemapUrl): void;
  newsUrl(entry: NewsUrl): void;
  sitemap(entry: SitemapUrl): void;
  /** Everything written since the last flush. */
  flush(): string;
  /** Closes the document; returns the rest. */
  end(): string;
}

/** `urlset` (with the news namespace for a news sitemap) or `sitemapindex`. */
export function createSitemapWriter(kind: 'urlset' | 'news' | 'index'): SitemapWriter {
  let pending = '';
  const xml = createCB({ data: (chunk: string) => (pending += chunk), prettyPrint: false });
  xml.dec({ version: '1.0', encoding: 'UTF-8' });
  if (kind === 'index') xml.ele('sitemapindex', { xmlns: NS.sitemap });
  else xml.ele('urlset', kind === 'news' ? { xmlns: NS.sitemap, 'xmlns:news': NS.news } : { xmlns: NS.sitemap });

  const location = (element: 'url' | 'sitemap', entry: SitemapUrl) => {
    xml.ele(element).ele('loc').txt(xmlValue(entry.loc)).up();
    if (entry.lastmod !== null) xml.ele('lastmod').txt(rfc3339(entry.lastmod)).up();
    xml.up();
  };

  return {
    url: (entry) => location('url', entry),
    sitemap: (entry) => location('sitemap', entry),
    newsUrl(entry) {
      xml.ele('url').ele('loc').txt(xmlValue(entry.loc)).up();
      xml.ele('news:news').ele('news:publication');
      xml.ele('news:name').txt(xmlValue(entry.publicationName)).up();
      xml.ele('news:language').txt(xmlValue(entry.language)).up();
      xml.up();
      xml.ele('news:publication_date').txt(rfc3339(entry.publicationDate)).up();
      xml.ele('news:title').txt(xmlValue(entry.title)).up();
      xml.up().up();
    },
    flush() {
      const out = pending;
      pending = '';
      return out;
    },
    end() {
      xml.up().end();
      return this.flush();
    },
  };
}
