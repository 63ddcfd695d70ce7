/**
 * The feed and sitemap writers: every stored string gives a well-formed document that reads
 * back as stored (less the characters XML 1.0 forbids), checked with a strict XML parser
 * against the xmlbuilder2 that is installed.
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { writeAtom } from '../../server/src/core/feeds/atom';
import { rfc3339, rfc822 } from '../../server/src/core/feeds/dates';
import { toJsonFeed } from '../../server/src/core/feeds/json-feed';
import { toFeedDocument, toFeedItems, type FeedDocument } from '../../server/src/core/feeds/model';
import { writeRss } from '../../server/src/core/feeds/rss';
import { createSitemapWriter } from '../../server/src/core/sitemaps/writer';
import type { Snippet } from '../../server/src/core/snippet-response';
import { xmlSafe } from '../../server/src/core/xml-text';

/** Texts of every element named `tag`; throws on anything a conformant XML 1.0 parser refuses. */
function texts(xml: string, tag: string): string[] {
  const parser = new SaxesParser({ xmlns: true });
  const found: string[] = [];
  let current: string | null = null;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (node) => {
    if (node.name === tag) current = '';
  });
  parser.on('text', (text) => {
    if (current !== null) current += text;
  });
  parser.on('closetag', (node) => {
    if (node.name === tag && current !== null) {
      found.push(current);
      current = null;
    }
  });
  parser.write(xml).close();
  return found;
}

const snippet = (overrides: Partial<Snippet> = {}): Snippet => ({
  documentId: 'doc1',
  slug: 'talks',
  title: 'Talks',
  excerpt: 'Short.',
  language: 'en',
  documentDate: '2026-04-27T20:43:39.000Z',
  sourcePublishedDate: null,
  source: null,
  sourceUrl: null,
  readingTime: 1,
  categories: [{ name: 'International', slug: 'international' }],
  ...overrides,
});

const feedOf = (snippets: Snippet[], written = new Map<string, unknown[]>()): FeedDocument =>
  toFeedDocument(toFeedItems(snippets, written, (s) => `https://example.com/news/${s.slug}?a=1&b=2`), {
    title: 'Newsroom & Co',
    author: 'The Wire',
    homeUrl: 'https://example.com',
    selfUrl: 'https://cms.example.com/api/newsroom/feeds/rss?category=a&language=en',
    filters: { categories: [], language: null },
    linkOf: (s) => `https://example.com/news/${s.slug}`,
  });

const HOSTILE = [
  ']]>',
  '<script>alert(1)</script>',
  '&amp;',
  '&nbsp;',
  '&#169;',
  '&',
  '"\'',
  '\u0000\u0001\u0008\u000B\u000C\u001F',
  '\uD800 lone high, lone low \uDC00',
  '\uFFFE\uFFFF',
  '🎉 ☃ ß',
  '<![CDATA[ x ]]>',
];

describe('feed writers', () => {
  it('write dates in each format\'s own format', () => {
    const date = new Date('2026-04-27T20:43:39.000Z');
    expect(rfc822(date)).toBe('Mon, 27 Apr 2026 20:43:39 GMT');
    expect(rfc3339(date)).toBe('2026-04-27T20:43:39.000Z');
  });

  it.each(HOSTILE)('keep %j in titles, summaries and categories of RSS and Atom as stored, less what XML forbids', (text) => {
    const feed = feedOf([snippet({ title: `T ${text}`, excerpt: `E ${text}`, categories: [{ name: `C ${text}`, slug: 'c' }] })]);
    const rss = writeRss(feed);
    expect(texts(rss, 'title')).toEqual(['Newsroom & Co', `T ${xmlSafe(text)}`]);
    expect(texts(rss, 'description').slice(1)).toEqual([`E ${xmlSafe(text)}`]);
    expect(texts(rss, 'category')).toEqual([`C ${xmlSafe(text)}`]);
    const atom = writeAtom(feed);
    expect(texts(atom, 'title')).toEqual(['Newsroom & Co', `T ${xmlSafe(text)}`]);
    expect(texts(atom, 'summary')).toEqual([`E ${xmlSafe(text)}`]);
  });

  it('write well-formed RSS and Atom for any text at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (title, excerpt) => {
        const feed = feedOf([snippet({ title, excerpt })]);
        const read = (text: string) => xmlSafe(text).replace(/\r\n?/g, '\n');
        expect(texts(writeRss(feed), 'title')[1]).toBe(read(title));
        expect(texts(writeAtom(feed), 'summary')[0]).toBe(read(excerpt));
      }),
      { numRuns: 300 }
    );
  });

  it('remove the characters XML 1.0 forbids, and nothing else', () => {
    expect(xmlSafe('a\u0000b\u0009c\u000Ad\u000De\u001Ff\uFFFEg\uD83D\uDE00h\uD800')).toBe('ab\u0009c\u000Ad\u000Defg\uD83D\uDE00h');
  });

  it('date an item by documentDate and update it by the latest write, never before its date', () => {
    const [item] = toFeedItems([snippet()], new Map([['doc1', [1_800_000_000_000, null]]]), () => 'https://e.com');
    expect(item.published.toISOString()).toBe('2026-04-27T20:43:39.000Z');
    expect(item.updated.getTime()).toBe(1_800_000_000_000);
    const [early] = toFeedItems([snippet()], new Map([['doc1', ['2020-01-01T00:00:00Z']]]), () => 'https://e.com');
    expect(early.updated.toISOString()).toBe('2026-04-27T20:43:39.000Z');
  });

  it('give an item an id from its documentId alone', () => {
    const link = () => 'https://e.com';
    const [a] = toFeedItems([snippet({ title: 'One', slug: 'one' })], new Map(), link);
    const [b] = toFeedItems([snippet({ title: 'Two', slug: 'two' })], new Map(), link);
    const [c] = toFeedItems([snippet({ documentId: 'doc2' })], new Map(), link);
    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe(c.id);
    expect(a.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });

  it('write JSON Feed 1.1 with content_text even without an excerpt, and no empty optional members', () => {
    const json = toJsonFeed(feedOf([snippet({ excerpt: null, categories: [], language: null })]));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items[0]).toEqual({
      id: expect.stringMatching(/^urn:uuid:/),
      url: 'https://example.com/news/talks?a=1&b=2',
      title: 'Talks',
      content_text: 'Talks',
      date_published: '2026-04-27T20:43:39.000Z',
      date_modified: '2026-04-27T20:43:39.000Z',
      _newsroom: { documentId: 'doc1', slug: 'talks', categories: [] },
    });
  });

  it('give an empty Atom feed a fixed updated date, so the same data gives the same document', () => {
    expect(writeAtom(feedOf([]))).toBe(writeAtom(feedOf([])));
    expect(texts(writeAtom(feedOf([])), 'updated')).toEqual(['1970-01-01T00:00:00.000Z']);
  });
});

describe('sitemap writer', () => {
  it('streams a urlset whose locations read back as written', () => {
    const writer = createSitemapWriter('urlset');
    let xml = writer.flush();
    for (const text of HOSTILE) writer.url({ loc: `https://example.com/${text}`, lastmod: new Date(0) });
    xml += writer.flush();
    xml += writer.end();
    expect(texts(xml, 'loc')).toEqual(HOSTILE.map((text) => `https://example.com/${xmlSafe(text)}`));
    expect(texts(xml, 'lastmod')[0]).toBe('1970-01-01T00:00:00.000Z');
  });

  it('writes news entries with publication, language, date and title', () => {
    const writer = createSitemapWriter('news');
    writer.newsUrl({ loc: 'https://e.com/a', publicationName: 'The <Wire>', language: 'en', publicationDate: new Date(0), title: '&nbsp; ]]>' });
    const xml = writer.end();
    expect(texts(xml, 'news:name')).toEqual(['The <Wire>']);
    expect(texts(xml, 'news:language')).toEqual(['en']);
    expect(texts(xml, 'news:title')).toEqual(['&nbsp; ]]>']);
    expect(texts(xml, 'news:publication_date')).toEqual(['1970-01-01T00:00:00.000Z']);
  });

  it('writes the translations of a URL as xhtml:link alternates whose attributes read back as written', () => {
    const writer = createSitemapWriter('alternates');
    const alternates = [
      { hreflang: 'de', href: 'https://e.com/de/a?x=1&y="2"' },
      { hreflang: 'fa', href: 'https://e.com/fa/&amp;' },
    ];
    writer.url({ loc: 'https://e.com/de/a', lastmod: null, alternates });
    writer.url({ loc: 'https://e.com/en/b', lastmod: null });
    const xml = writer.end();
    const links: Array<Record<string, string>> = [];
    const parser = new SaxesParser({ xmlns: true });
    parser.on('error', (error) => {
      throw error;
    });
    parser.on('opentag', (node) => {
      if (node.name !== 'xhtml:link') return;
      expect(node.uri).toBe('http://www.w3.org/1999/xhtml');
      links.push(Object.fromEntries(Object.values(node.attributes).map((attribute) => [attribute.name, attribute.value])));
    });
    parser.write(xml).close();
    expect(links).toEqual(alternates.map((alternate) => ({ rel: 'alternate', ...alternate })));
    expect(texts(xml, 'loc')).toEqual(['https://e.com/de/a', 'https://e.com/en/b']);
  });

  it('writes an index of sitemaps', () => {
    const writer = createSitemapWriter('index');
    writer.sitemap({ loc: 'https://cms.example.com/api/newsroom/sitemap-1.xml', lastmod: null });
    const xml = writer.end();
    expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(texts(xml, 'loc')).toEqual(['https://cms.example.com/api/newsroom/sitemap-1.xml']);
  });
});
