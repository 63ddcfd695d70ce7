/**
 * Sitemap documents written as a stream (sitemaps.org 0.9; Google News sitemaps 0.9). The
 * entries of each database page are built as one xmlbuilder2 document and serialized when
 * the caller flushes (after each page), so a sitemap of 50,000 URLs is never held whole.
 * (xmlbuilder2's callback builder streams element by element too, but costs about seven
 * times as much CPU a URL.) The envelope around the entries, the XML declaration and the
 * root element with its namespaces, is serialized by xmlbuilder2 as well, once.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { rfc3339 } from '../feeds/dates';
import { xmlValue } from '../xml-text';

export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8';

const NS = {
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
  xhtml: 'http://www.w3.org/1999/xhtml',
};

/** One translation of a URL's article (SPEC 12), as Google reads them: `<xhtml:link rel="alternate" hreflang href>`. */
export interface SitemapAlternate {
  hreflang: string;
  href: string;
}

export interface SitemapUrl {
  loc: string;
  lastmod: Date | null;
  /** Localized articles: every locale's URL of the article, this one's included. */
  alternates?: readonly SitemapAlternate[];
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

/** `alternates`: a urlset whose URLs may list their translations (localized articles). */
type Kind = 'urlset' | 'alternates' | 'news' | 'index';

const ROOTS: Record<Kind, { name: string; attributes: Record<string, string> }> = {
  urlset: { name: 'urlset', attributes: { xmlns: NS.sitemap } },
  alternates: { name: 'urlset', attributes: { xmlns: NS.sitemap, 'xmlns:xhtml': NS.xhtml } },
  news: { name: 'urlset', attributes: { xmlns: NS.sitemap, 'xmlns:news': NS.news } },
  index: { name: 'sitemapindex', attributes: { xmlns: NS.sitemap } },
};

/** A private-use marker no entry can contain (entries are written separately), to split the envelope at. */
const MARKER = '\uE000newsroom-entries\uE000';

/** The root element of `kind` around a marker, as xmlbuilder2 serializes it: what comes before and after its entries. */
function envelope(kind: Kind, declaration: boolean): { open: string; close: string } {
  const { name, attributes } = ROOTS[kind];
  const doc = declaration ? create({ version: '1.0', encoding: 'UTF-8' }) : create();
  const whole = doc.ele(name, attributes).txt(MARKER).doc().end({ prettyPrint: false, headless: !declaration });
  const at = whole.indexOf(MARKER);
  return { open: whole.slice(0, at), close: whole.slice(at + MARKER.length) };
}

const ENVELOPES: Record<Kind, { document: { open: string; close: string }; page: { open: string; close: string } }> = {
  urlset: { document: envelope('urlset', true), page: envelope('urlset', false) },
  alternates: { document: envelope('alternates', true), page: envelope('alternates', false) },
  news: { document: envelope('news', true), page: envelope('news', false) },
  index: { document: envelope('index', true), page: envelope('index', false) },
};

/** `urlset` (with the news namespace for a news sitemap, the xhtml one for alternates) or `sitemapindex`. */
export function createSitemapWriter(kind: Kind): SitemapWriter {
  // Each page's entries are built inside a root of their own (so `news:` resolves to the root's
  // declaration, not one on every entry); the page's root tags are then left out.
  const newPage = () => create().ele(ROOTS[kind].name, ROOTS[kind].attributes);
  let page: XMLBuilder = newPage();
  let count = 0;
  let opened = false;

  const location = (element: 'url' | 'sitemap', entry: SitemapUrl) => {
    const node = page.ele(element);
    node.ele('loc').txt(xmlValue(entry.loc));
    if (entry.lastmod !== null) node.ele('lastmod').txt(rfc3339(entry.lastmod));
    for (const alternate of entry.alternates ?? []) {
      node.ele('xhtml:link', { rel: 'alternate', hreflang: xmlValue(alternate.hreflang), href: xmlValue(alternate.href) });
    }
    count += 1;
  };

  const serializePage = () => {
    let text = '';
    if (count > 0) {
      const whole = page.end({ prettyPrint: false, headless: true });
      const { open, close } = ENVELOPES[kind].page;
      if (!whole.startsWith(open) || !whole.endsWith(close)) throw new Error('newsroom: unexpected sitemap page serialization');
      text = whole.slice(open.length, whole.length - close.length);
    }
    page = newPage();
    count = 0;
    return text;
  };

  return {
    url: (entry) => location('url', entry),
    sitemap: (entry) => location('sitemap', entry),
    newsUrl(entry) {
      const url = page.ele('url');
      url.ele('loc').txt(xmlValue(entry.loc));
      const news = url.ele('news:news');
      const publication = news.ele('news:publication');
      publication.ele('news:name').txt(xmlValue(entry.publicationName));
      publication.ele('news:language').txt(xmlValue(entry.language));
      news.ele('news:publication_date').txt(rfc3339(entry.publicationDate));
      news.ele('news:title').txt(xmlValue(entry.title));
      count += 1;
    },
    flush() {
      const head = opened ? '' : ENVELOPES[kind].document.open;
      opened = true;
      return head + serializePage();
    },
    end() {
      return this.flush() + ENVELOPES[kind].document.close;
    },
  };
}
