/**
 * Sitemap documents written as a stream (sitemaps.org 0.9; Google News sitemaps 0.9). The
 * entries of each database page are built as one xmlbuilder2 fragment and serialized when
 * the caller flushes (after each page), so a sitemap of 50,000 URLs is never held whole.
 * (xmlbuilder2's callback builder streams element by element too, but costs about seven
 * times as much CPU a URL.) The envelope around the entries, the XML declaration and the
 * root element with its namespaces, is serialized by xmlbuilder2 as well, once.
 */
import { create, fragment } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
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
  /** Everything written since the last flush (the first one opens the document). */
  flush(): string;
  /** Closes the document; returns the rest. */
  end(): string;
}

type Kind = 'urlset' | 'news' | 'index';

/** A private-use marker no entry can contain (entries are written separately), to split the envelope at. */
const MARKER = '\uE000newsroom-entries\uE000';

function envelope(kind: Kind): { open: string; close: string } {
  const root = kind === 'index' ? 'sitemapindex' : 'urlset';
  const attributes = kind === 'news' ? { xmlns: NS.sitemap, 'xmlns:news': NS.news } : { xmlns: NS.sitemap };
  const whole = create({ version: '1.0', encoding: 'UTF-8' }).ele(root, attributes).txt(MARKER).doc().end({ prettyPrint: false });
  const at = whole.indexOf(MARKER);
  return { open: whole.slice(0, at), close: whole.slice(at + MARKER.length) };
}

const ENVELOPES: Record<Kind, { open: string; close: string }> = {
  urlset: envelope('urlset'),
  news: envelope('news'),
  index: envelope('index'),
};

/** `urlset` (with the news namespace for a news sitemap) or `sitemapindex`. */
export function createSitemapWriter(kind: Kind): SitemapWriter {
  // Entries are built without the root, so the news prefix is declared on each `news:news` (namespace-well-formed alone too).
  let page: XMLBuilder = fragment();
  let count = 0;
  let opened = false;

  const location = (element: 'url' | 'sitemap', entry: SitemapUrl) => {
    const node = page.ele(element);
    node.ele('loc').txt(xmlValue(entry.loc));
    if (entry.lastmod !== null) node.ele('lastmod').txt(rfc3339(entry.lastmod));
    count += 1;
  };

  const serializePage = () => {
    const text = count === 0 ? '' : page.end({ prettyPrint: false });
    page = fragment();
    count = 0;
    return text;
  };

  return {
    url: (entry) => location('url', entry),
    sitemap: (entry) => location('sitemap', entry),
    newsUrl(entry) {
      const url = page.ele('url');
      url.ele('loc').txt(xmlValue(entry.loc));
      const news = url.ele(NS.news, 'news:news');
      const publication = news.ele(NS.news, 'news:publication');
      publication.ele(NS.news, 'news:name').txt(xmlValue(entry.publicationName));
      publication.ele(NS.news, 'news:language').txt(xmlValue(entry.language));
      news.ele(NS.news, 'news:publication_date').txt(rfc3339(entry.publicationDate));
      news.ele(NS.news, 'news:title').txt(xmlValue(entry.title));
      count += 1;
    },
    flush() {
      const head = opened ? '' : ENVELOPES[kind].open;
      opened = true;
      return head + serializePage();
    },
    end() {
      return this.flush() + ENVELOPES[kind].close;
    },
  };
}
