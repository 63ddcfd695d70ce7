import { snippetCountKey } from '../../server/src/core/snippet-count-key';
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
