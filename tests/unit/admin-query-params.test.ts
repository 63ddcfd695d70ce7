import { keepSearchEncoded } from '../../admin/src/utils/query-params';

/** What Strapi's `useQueryParams` does on a write: current query merged with the next params, written unencoded. */
const written = (query: Record<string, string | undefined>, next: Record<string, string | undefined>) =>
  Object.entries({ ...query, ...next })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${value}`)
    .join('&');

describe('keepSearchEncoded (the Newsroom page URL)', () => {
  it.each(['rock & roll', '50% off', 'a=b', 'x+y', 'naïve #1'])('keeps the search "%s" whole when another filter changes', (text) => {
    const current = { _q: text, category: 'sport', page: '3' };
    const url = written(current, keepSearchEncoded(current, { category: 'politics', page: '1' }));
    const parsed = new URLSearchParams(url);
    expect(parsed.get('_q')).toBe(text);
    expect(parsed.get('category')).toBe('politics');
    expect(parsed.get('page')).toBe('1');
  });

  it('leaves a new search as the caller encoded it, and a cleared one cleared', () => {
    expect(keepSearchEncoded({ _q: 'old' }, { _q: 'new%20text', page: '1' })).toEqual({ _q: 'new%20text', page: '1' });
    expect(keepSearchEncoded({ _q: 'old' }, { _q: undefined, page: '1' })).toEqual({ _q: undefined, page: '1' });
  });

  it('adds no search when there is none', () => {
    expect(keepSearchEncoded({ category: 'sport' } as { _q?: string; category?: string }, { page: '2' })).toEqual({ page: '2' });
  });
});
