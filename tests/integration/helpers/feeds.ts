/** Calls and readers for the feed and sitemap tests: strict XML 1.0 checks and real feed parsers from npm. */
import { parseFeed as readFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { SaxesParser } from 'saxes';
import type { Test } from 'supertest';
import type { TestApp } from './strapi';

export const SITE_URL = 'https://www.example.com';
/** The Host the tests' requests name (supertest listens on a new port for each request): self links use it. */
export const API_HOST = 'cms.example.com';

/** Throws unless `xml` is a well-formed, namespace-well-formed XML 1.0 document (saxes is a conformant parser). */
export function expectWellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let problem: Error | null = null;
  parser.on('error', (error) => {
    problem ??= error;
  });
  parser.write(xml).close();
  if (problem !== null) throw new Error(`not well-formed XML: ${(problem as Error).message}\n${xml.slice(0, 2000)}`);
}

/** feedsmith: each format's own elements, as written. */
export const rssOf = (xml: string) => parseRssFeed(xml);
export const atomOf = (xml: string) => parseAtomFeed(xml);
export const jsonFeedOf = (text: string) => parseJsonFeed(JSON.parse(text));
/** @rowanmanning/feed-parser: what a feed reader makes of an RSS or Atom feed. */
export const readerOf = (xml: string) => readFeed(xml);

/** The text of every `<tag>` element, decoded as XML (not HTML) decodes it: exactly the characters written. */
export function xmlTextsOf(xml: string, tag: string): string[] {
  expectWellFormed(xml);
  const found: string[] = [];
  const parser = new SaxesParser({ xmlns: false });
  let depth = 0;
  let text = '';
  parser.on('opentag', (node) => {
    if (node.name === tag) {
      depth += 1;
      text = '';
    }
  });
  parser.on('text', (chunk) => {
    if (depth > 0) text += chunk;
  });
  parser.on('closetag', (node) => {
    if (node.name === tag) {
      depth -= 1;
      found.push(text);
    }
  });
  parser.write(xml).close();
  return found;
}

/** Sitemaps as plain objects; repeated elements always as arrays. */
export function sitemapOf(xml: string): Record<string, unknown> {
  expectWellFormed(xml);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    isArray: (name) => ['url', 'sitemap'].includes(name),
  });
  return parser.parse(xml) as Record<string, unknown>;
}

export type FeedFormat = 'rss' | 'atom' | 'json';

export const feedPath = (format: FeedFormat, query = '') => `/api/newsroom/feeds/${format}${query === '' ? '' : `?${query}`}`;

/** Requests with the full-access token; `body` is the text as sent, whatever the type (parse JSON errors yourself). */
export const distributionApi = (app: TestApp) => {
  const auth = (req: Test) => req.set('Host', API_HOST).set('Authorization', `Bearer ${app.token}`).buffer(true).parse(textParser);
  return {
    feed: (format: FeedFormat, query = '') => auth(app.http().get(feedPath(format, query))),
    get: (path: string) => auth(app.http().get(path)),
  };
};

/** supertest hands XML and feed+json bodies over as text only with a parser that keeps them. */
// Typed by superagent as its Response; at run time it is the Node response stream.
export function textParser(res: unknown, done: (error: Error | null, body: string) => void) {
  const stream = res as NodeJS.ReadableStream;
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  stream.on('end', () => done(null, text));
}
