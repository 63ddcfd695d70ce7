import { snippetCountKey, startFromLinks } from '../../server/src/core/snippet-count-key';
import type { SnippetQuery } from '../../server/src/core/snippet-query';

const query = (overrides: Partial<SnippetQuery> = {}): SnippetQuery => ({
  categories: [],
  language: null,
  from: null,
  to: null,
  q: null,
  sort: 'documentDate:desc',
  page: 1,
  pageSize: 25,
  ...overrides,
});

describe('snippetCountKey: which totals the kept counts answer', () => {
  it('answers the list, one category, a language, and one category with a language', () => {
    expect(snippetCountKey(query())).toEqual({ category: null, language: null });
    expect(snippetCountKey(query({ categories: ['world'] }))).toEqual({ category: 'world', language: null });
    expect(snippetCountKey(query({ language: 'en' }))).toEqual({ category: null, language: 'en' });
    expect(snippetCountKey(query({ categories: ['world'], language: 'en-gb', sort: 'title:asc', page: 3 }))).toEqual({
      category: 'world',
      language: 'en-gb',
    });
  });

  it('leaves to a count of the rows several categories (they overlap), a date range and q', () => {
    expect(snippetCountKey(query({ categories: ['world', 'europe'] }))).toBeNull();
    expect(snippetCountKey(query({ from: new Date('2026-01-01') }))).toBeNull();
    expect(snippetCountKey(query({ to: new Date('2026-01-01') }))).toBeNull();
    expect(snippetCountKey(query({ q: 'budget' }))).toBeNull();
  });
});

describe('startFromLinks', () => {
  it('starts from the links of a category that is rare for the table, and walks the listing for a common one', () => {
    // 100,000 published, page 1 of 25: 500 matches are cheaper read by id; 16,000 by walking the listing.
    expect(startFromLinks(500, 100_000, 25)).toBe(true);
    expect(startFromLinks(16_000, 100_000, 25)).toBe(false);
    // At 10,000 articles a category of 1,600 is common: walking finds a page within about 160 rows.
    expect(startFromLinks(1_600, 10_000, 25)).toBe(false);
  });

  it('reads deep pages of a mid-sized category from its links, where walking would probe far', () => {
    expect(startFromLinks(2_000, 100_000, 25)).toBe(false);
    expect(startFromLinks(2_000, 100_000, 5_000)).toBe(true);
  });

  it('treats an empty category as rare', () => {
    expect(startFromLinks(0, 100_000, 25)).toBe(true);
  });
});
