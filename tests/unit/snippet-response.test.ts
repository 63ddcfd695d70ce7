import {
  groupCategories,
  paginationOf,
  toIsoDate,
  toIsoDateTime,
  toSnippets,
  totalFromPage,
  type SnippetRow,
} from '../../server/src/core/snippet-response';

const row = (overrides: Partial<SnippetRow> = {}): SnippetRow => ({
  id: 7,
  documentId: 'doc7',
  slug: 'talks',
  title: 'Talks',
  excerpt: 'An excerpt',
  language: 'en',
  documentDate: new Date('2026-04-27T20:43:39Z'),
  sourcePublishedDate: '2025-04-11',
  source: 'rki.news',
  sourceUrl: null,
  readingTime: 2,
  ...overrides,
});

describe('snippet response', () => {
  it('writes document dates as ISO 8601 with milliseconds in UTC, from any driver type', () => {
    const expected = '2026-04-27T20:43:39.000Z';
    expect(toIsoDateTime(new Date(expected))).toBe(expected); // PostgreSQL, MySQL
    expect(toIsoDateTime(Date.parse(expected))).toBe(expected); // SQLite stores epoch milliseconds
    expect(toIsoDateTime('2026-04-27T20:43:39Z')).toBe(expected);
    expect(toIsoDateTime(null)).toBeNull();
    expect(toIsoDateTime('not a date')).toBeNull();
  });

  it('writes source publication dates as YYYY-MM-DD', () => {
    expect(toIsoDate('2025-04-11')).toBe('2025-04-11');
    expect(toIsoDate(new Date(2025, 3, 11))).toBe('2025-04-11');
    expect(toIsoDate(null)).toBeNull();
    expect(toIsoDate('April 11')).toBeNull();
  });

  it('gives absent optional fields as null, never an empty string', () => {
    const [snippet] = toSnippets([row({ excerpt: '', source: '  ', sourceUrl: undefined, readingTime: null, language: null })], []);
    expect(snippet).toMatchObject({ excerpt: null, source: null, sourceUrl: null, readingTime: null, language: null });
  });

  it('has exactly the public fields, in the documented order', () => {
    const [snippet] = toSnippets([row()], [{ articleId: 7, name: 'International', slug: 'international' }]);
    expect(snippet).toEqual({
      documentId: 'doc7',
      slug: 'talks',
      title: 'Talks',
      excerpt: 'An excerpt',
      language: 'en',
      documentDate: '2026-04-27T20:43:39.000Z',
      sourcePublishedDate: '2025-04-11',
      source: 'rki.news',
      sourceUrl: null,
      readingTime: 2,
      categories: [{ name: 'International', slug: 'international' }],
    });
    expect(Object.keys(snippet)).toEqual([
      'documentId', 'slug', 'title', 'excerpt', 'language', 'documentDate',
      'sourcePublishedDate', 'source', 'sourceUrl', 'readingTime', 'categories',
    ]);
  });

  it('gives each article its own categories sorted by name, case aside, whatever type the ids have', () => {
    const grouped = groupCategories([
      { articleId: '1', name: 'snippets', slug: 'snippets' },
      { articleId: 1, name: 'International', slug: 'international' },
      { articleId: 2, name: 'Zeitgeist', slug: 'zeitgeist' },
      { articleId: 1, name: 'Asia', slug: 'asia' },
    ]);
    expect(grouped.get('1')?.map((c) => c.name)).toEqual(['Asia', 'International', 'snippets']);
    expect(grouped.get('2')?.map((c) => c.slug)).toEqual(['zeitgeist']);
    const snippets = toSnippets([row({ id: 3 })], []);
    expect(snippets[0].categories).toEqual([]);
  });

  it('counts pages from the total', () => {
    expect(paginationOf(1, 25, 0)).toEqual({ page: 1, pageSize: 25, pageCount: 0, total: 0 });
    expect(paginationOf(2, 10, 21)).toEqual({ page: 2, pageSize: 10, pageCount: 3, total: 21 });
    expect(paginationOf(1, 10, 20).pageCount).toBe(2);
  });

  it('reads the total off a page that ends the results, and asks for a count otherwise', () => {
    expect(totalFromPage(1, 25, 0)).toBe(0);
    expect(totalFromPage(1, 25, 3)).toBe(3);
    expect(totalFromPage(3, 10, 4)).toBe(24);
    expect(totalFromPage(1, 25, 25)).toBeNull(); // a full page: more may follow
    expect(totalFromPage(5, 25, 0)).toBeNull(); // past the end: the page tells nothing
  });
});

describe('snippet response as a second line of defence', () => {
  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.org/file', '//example.org/x', '/news/1', 'https://'])(
    'never serves the source URL %s',
    (sourceUrl) => {
      expect(toSnippets([row({ sourceUrl })], [])[0].sourceUrl).toBeNull();
    }
  );

  it('serves absolute http(s) source URLs as stored', () => {
    expect(toSnippets([row({ sourceUrl: 'https://rki.news/a?b=1#c' })], [])[0].sourceUrl).toBe('https://rki.news/a?b=1#c');
    expect(toSnippets([row({ sourceUrl: 'http://example.org' })], [])[0].sourceUrl).toBe('http://example.org');
  });

  it.each(['zz<b>', 'en"><script>', 'English', 'e', 'qqq', 42])('never serves the language %s', (language) => {
    expect(toSnippets([row({ language })], [])[0].language).toBeNull();
  });

  it('serves valid codes in their stored form', () => {
    expect(toSnippets([row({ language: 'en-gb' })], [])[0].language).toBe('en-gb');
    expect(toSnippets([row({ language: 'EN' })], [])[0].language).toBe('en');
  });
});
