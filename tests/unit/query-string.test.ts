import qs from 'qs';
import { withDroppedParameters } from '../../server/src/core/query-string';
import { parseSnippetQuery } from '../../server/src/core/snippet-query';

/** `ctx.query` as Strapi's `query` middleware builds it. */
const strapiQuery = (querystring: string) =>
  withDroppedParameters(qs.parse(querystring, { strictNullHandling: true, arrayLimit: 100, depth: 20 }), querystring);

const rejected = (querystring: string) => {
  const result = parseSnippetQuery(strapiQuery(querystring), { defaultLanguage: 'en', languages: [] });
  return result.ok ? null : result.parameter;
};

describe('query string names qs drops', () => {
  it.each([
    ['constructor=1', 'constructor'],
    ['toString=x', 'toString'],
    ['hasOwnProperty=1', 'hasOwnProperty'],
    ['__proto__[x]=1', '__proto__'],
    ['constructor[prototype][x]=1', 'constructor'],
    ['q=a&valueOf=1', 'valueOf'],
    ['category[__proto__]=x', 'category'],
    ['a[__proto__]=1', 'a'],
  ])('rejects %s as naming %s', (querystring, parameter) => {
    expect(rejected(querystring)).toBe(parameter);
  });

  it('changes nothing for queries qs keeps whole', () => {
    for (const querystring of ['', 'q=a', 'category=a&category=b', 'category[]=a', '&&q=a&', 'q=a%20b', 'q=a+b', 'page=2&pageSize=10', '=x']) {
      const parsed = qs.parse(querystring, { strictNullHandling: true });
      expect(withDroppedParameters(parsed, querystring)).toBe(parsed);
    }
    expect(rejected('category=a&category=b&q=x')).toBeNull();
  });

  it('gives the dropped name its own key, even __proto__', () => {
    const result = strapiQuery('__proto__=1');
    expect(Object.keys(result)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });
});
