import { asArgumentMessage, snippetsArgumentsToQuery } from '../../server/src/graphql/arguments';
import { parseSnippetQuery } from '../../server/src/core/snippet-query';

const options = { defaultLanguage: 'en', languages: [] };

describe('GraphQL arguments of newsroomSnippets', () => {
  it('become the raw query the REST endpoint validates', () => {
    expect(
      snippetsArgumentsToQuery({ category: ['a', 'b,c'], language: 'German', from: '2026-01-01', to: '2026-01-31', q: 'talks', sort: 'title:asc', page: 2, pageSize: 10 })
    ).toEqual({ category: ['a', 'b,c'], language: 'German', from: '2026-01-01', to: '2026-01-31', q: 'talks', sort: 'title:asc', page: '2', pageSize: '10' });
  });

  it('treat null like an absent argument, so the defaults apply', () => {
    const raw = snippetsArgumentsToQuery({ category: null, language: null, q: null, sort: null, page: null, pageSize: null });
    expect(raw).toEqual({});
    expect(parseSnippetQuery(raw, options)).toMatchObject({ ok: true, query: { sort: 'documentDate:desc', page: 1, pageSize: 25, categories: [] } });
  });

  it.each([
    [{ page: 0 }, 'page'],
    [{ pageSize: 1000 }, 'pageSize'],
    [{ category: [] }, 'category'],
    [{ q: '' }, 'q'],
  ])('%j is refused by the REST rules, naming %s', (args, parameter) => {
    expect(parseSnippetQuery(snippetsArgumentsToQuery(args), options)).toMatchObject({ ok: false, parameter });
  });

  it('word errors for arguments rather than query parameters', () => {
    expect(asArgumentMessage('Invalid query parameter "page": must be an integer')).toBe('Invalid argument "page": must be an integer');
  });
});
