import { canonicalFeedQuery, parseFeedQuery, type FeedQueryResult } from '../../server/src/core/feeds/feed-query';
import { withDroppedParameters } from '../../server/src/core/query-string';
import { parseSnippetQuery } from '../../server/src/core/snippet-query';

const OPTIONS = { defaultLanguage: 'en', languages: [] };
const parse = (raw: Record<string, unknown>) => parseFeedQuery(raw, OPTIONS);
const ok = (result: FeedQueryResult) => {
  if (!result.ok) throw new Error(result.message);
  return result.query;
};

describe('feed query', () => {
  it('defaults to 50 items, every category and language, newest documentDate first', () => {
    const query = ok(parse({}));
    expect(query).toMatchObject({ categories: [], language: null, limit: 50 });
    expect(query.snippetQuery).toMatchObject({ sort: 'documentDate:desc', page: 1, pageSize: 50, q: null, from: null, to: null });
  });

  it('reads category and language exactly as the snippet list does', () => {
    const query = ok(parse({ category: ['International', 'snippets,world'], language: 'English', limit: '20' }));
    const snippet = parseSnippetQuery({ category: ['International', 'snippets,world'], language: 'English' }, OPTIONS);
    expect(snippet.ok && snippet.query.categories).toEqual(query.categories);
    expect(query).toMatchObject({ categories: ['international', 'snippets', 'world'], language: 'en', limit: 20 });
  });

  it.each([
    [{ x: '1' }, 'x', 'is not a parameter of this endpoint; accepted: category, language, limit'],
    [{ page: '2' }, 'page', 'accepted: category, language, limit'],
    [{ limit: '0' }, 'limit', 'must be an integer from 1 to 100'],
    [{ limit: '101' }, 'limit', 'must be an integer from 1 to 100'],
    [{ limit: '1e2' }, 'limit', 'written as plain digits'],
    [{ limit: '010' }, 'limit', 'written as plain digits'],
    [{ limit: ['1', '2'] }, 'limit', 'must be given once'],
    [{ limit: { $gt: '1' } }, 'limit', 'bracket syntax'],
    [{ category: '' }, 'category', 'must not be empty'],
    [{ language: 'klingon' }, 'language', ''],
    [{ language: ['en', 'de'] }, 'language', 'must be given once'],
  ])('refuses %j, naming %p', (raw, parameter, message) => {
    const result = parse(raw as Record<string, unknown>);
    expect(result).toEqual({ ok: false, parameter, message: expect.stringContaining(`Invalid query parameter "${parameter}": `) });
    expect(result.ok ? '' : result.message).toContain(message);
  });

  it('refuses names the query-string parser drops', () => {
    expect(parse(withDroppedParameters({}, 'constructor=1'))).toMatchObject({ ok: false, parameter: 'constructor' });
  });

  it('names category before limit when both are wrong', () => {
    expect(parse({ limit: '0', category: '' })).toMatchObject({ ok: false, parameter: 'category' });
  });

  it('writes the self link query in a fixed order, without the default limit', () => {
    expect(canonicalFeedQuery(ok(parse({})))).toBe('');
    expect(canonicalFeedQuery(ok(parse({ limit: '50', language: 'de', category: 'b,a' })))).toBe('?category=a%2Cb&language=de');
    expect(canonicalFeedQuery(ok(parse({ limit: '5' })))).toBe('?limit=5');
  });
});
