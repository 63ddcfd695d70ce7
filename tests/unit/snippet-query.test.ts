import fc from 'fast-check';
import qs from 'qs';
import {
  SNIPPET_QUERY_PARAMETERS,
  SNIPPET_SORTS,
  parseSnippetQuery,
  narrowsBeyondSearch,
  snippetQuerySchema,
  type QueryResult,
  type SnippetQuery,
  type SnippetQueryOptions,
} from '../../server/src/core/snippet-query';

const ANY_LANGUAGE: SnippetQueryOptions = { defaultLanguage: 'en', languages: [] };

/** `ctx.query` as Strapi builds it from a query string (core `query` middleware defaults). */
function ctxQuery(queryString: string): Record<string, unknown> {
  return qs.parse(queryString, { strictNullHandling: true, arrayLimit: 100, depth: 20 });
}

function parse(queryString: string, options = ANY_LANGUAGE): QueryResult {
  return parseSnippetQuery(ctxQuery(queryString), options);
}

function accepted(queryString: string, options = ANY_LANGUAGE): SnippetQuery {
  const result = parse(queryString, options);
  if (!result.ok) throw new Error(`expected a valid query, got: ${result.message}`);
  return result.query;
}

/** The parameter a rejected query names. */
function rejected(queryString: string, options = ANY_LANGUAGE): string {
  const result = parse(queryString, options);
  if (result.ok) throw new Error(`expected "${queryString}" to be rejected, got ${JSON.stringify(result.query)}`);
  return result.parameter;
}

function rejection(queryString: string, options = ANY_LANGUAGE): { parameter: string; message: string } {
  const result = parse(queryString, options);
  if (result.ok) throw new Error(`expected "${queryString}" to be rejected`);
  return { parameter: result.parameter, message: result.message };
}

describe('snippet query', () => {
  it('gives the defaults for an empty query', () => {
    expect(accepted('')).toEqual({
      categories: [],
      language: null,
      from: null,
      to: null,
      q: null,
      sort: 'documentDate:desc',
      page: 1,
      pageSize: 25,
    });
  });

  it('reads every parameter together', () => {
    expect(
      accepted('category=world,politics&language=German&from=2026-04-01&to=2026-04-30&q=talks&sort=title:asc&page=2&pageSize=10'),
    ).toEqual({
      categories: ['world', 'politics'],
      language: 'de',
      from: new Date('2026-04-01T00:00:00.000Z'),
      to: new Date('2026-04-30T23:59:59.999Z'),
      q: 'talks',
      sort: 'title:asc',
      page: 2,
      pageSize: 10,
    });
  });

  it('words a rejection as: Invalid query parameter "<name>": <what is accepted>', () => {
    expect(rejection('pageSize=101')).toEqual({
      parameter: 'pageSize',
      message: 'Invalid query parameter "pageSize": must be an integer from 1 to 100, written as plain digits',
    });
  });

  describe('category', () => {
    it('accepts one slug', () => {
      expect(accepted('category=international').categories).toEqual(['international']);
    });

    it('accepts a comma list, trimmed, lower-cased and de-duplicated', () => {
      expect(accepted('category=International, snippets ,world-news,SNIPPETS').categories).toEqual([
        'international',
        'snippets',
        'world-news',
      ]);
    });

    it('accepts the parameter repeated, and comma lists inside the repetitions', () => {
      expect(accepted('category=a&category=b,c&category=a').categories).toEqual(['a', 'b', 'c']);
    });

    it('accepts bracket-array syntax (category[]=a)', () => {
      expect(accepted('category[]=a&category[]=b').categories).toEqual(['a', 'b']);
    });

    it('accepts 20 categories and rejects 21', () => {
      const slugs = Array.from({ length: 21 }, (_, index) => `c${index}`);
      expect(accepted(`category=${slugs.slice(0, 20).join(',')}`).categories).toHaveLength(20);
      expect(rejection(`category=${slugs.join(',')}`)).toEqual({
        parameter: 'category',
        message: 'Invalid query parameter "category": must name at most 20 categories (got 21)',
      });
    });

    it('counts repeated values towards the limit of 20', () => {
      expect(rejected(Array.from({ length: 21 }, (_, index) => `category=c${index}`).join('&'))).toBe('category');
    });

    it('says "at most 20" also when qs turns a very long repetition into an object', () => {
      const queryString = Array.from({ length: 150 }, (_, index) => `category=c${index}`).join('&');
      expect(Array.isArray(ctxQuery(queryString).category)).toBe(false);
      expect(rejection(queryString)).toEqual({
        parameter: 'category',
        message: 'Invalid query parameter "category": must name at most 20 categories',
      });
    });

    it('accepts a slug of 80 characters and rejects one of 81', () => {
      expect(accepted(`category=${'a'.repeat(80)}`).categories).toEqual(['a'.repeat(80)]);
      expect(rejection(`category=${'a'.repeat(81)}`).message).toContain('longer than 80 characters');
    });

    it.each(['category=', 'category=%20', 'category=a,,b', 'category=a,', 'category=,a', 'category=a&category='])(
      'rejects an empty value or item: %s',
      (queryString) => {
        expect(rejection(queryString)).toEqual({
          parameter: 'category',
          message: 'Invalid query parameter "category": must not be empty or contain an empty item',
        });
      },
    );

    it.each(['category=a_b', 'category=a--b', 'category=-a', 'category=a-', 'category=a%20b', 'category=caf%C3%A9', 'category=*'])(
      'rejects what is not a slug: %s',
      (queryString) => {
        expect(rejection(queryString)).toEqual({
          parameter: 'category',
          message: expect.stringContaining('must be category slugs'),
        });
      },
    );

    it('rejects a bare parameter without a value (category)', () => {
      expect(rejected('category')).toBe('category');
    });
  });

  describe('language', () => {
    it.each([
      ['EN', 'en'],
      ['en-GB', 'en-gb'],
      ['German', 'de'],
      ['Farsi', 'fa'],
      ['%20fr%20', 'fr'],
    ])('normalizes %s to %s', (value, code) => {
      expect(accepted(`language=${value}`).language).toBe(code);
    });

    it('is null, meaning no filter, when missing (not the default language)', () => {
      expect(accepted('', { defaultLanguage: 'de', languages: [] }).language).toBeNull();
    });

    it.each(['language=', 'language=%20%20', 'language'])('rejects an empty value: %s', (queryString) => {
      expect(rejection(queryString)).toEqual({
        parameter: 'language',
        message: expect.stringContaining('must be a language code or English name'),
      });
    });

    it('rejects an unknown language', () => {
      expect(rejection('language=klingon')).toEqual({
        parameter: 'language',
        message: expect.stringMatching(/^Invalid query parameter "language": "klingon" is not a known/),
      });
    });

    it('rejects a language outside the languages setting, listing the accepted ones', () => {
      expect(rejection('language=fr', { defaultLanguage: 'en', languages: ['en', 'de'] })).toEqual({
        parameter: 'language',
        message: expect.stringContaining('en, de'),
      });
    });

    it('accepts a language inside the languages setting', () => {
      expect(accepted('language=German', { defaultLanguage: 'en', languages: ['en', 'de'] }).language).toBe('de');
    });

    it('rejects more than 64 characters without looking it up', () => {
      expect(rejected(`language=${'e'.repeat(65)}`)).toBe('language');
    });
  });

  describe('from and to', () => {
    it.each([
      ['from=2026-04-27', '2026-04-27T00:00:00.000Z'],
      ['from=2026-04-27T20:43:39Z', '2026-04-27T20:43:39.000Z'],
      ['from=2026-04-27T20:43:39', '2026-04-27T20:43:39.000Z'],
      ['from=2026-04-27T20:43', '2026-04-27T20:43:00.000Z'],
      ['from=2026-04-27T22:43:39%2B02:00', '2026-04-27T20:43:39.000Z'],
      ['from=2026-04-27T20:43:39-03:30', '2026-04-28T00:13:39.000Z'],
      ['from=2026-04-27T20:43:39.5Z', '2026-04-27T20:43:39.500Z'],
      ['from=2026-04-27T20:43:39.123456Z', '2026-04-27T20:43:39.123Z'],
      ['from=2024-02-29', '2024-02-29T00:00:00.000Z'],
    ])('reads %s as %s', (queryString, iso) => {
      expect(accepted(queryString).from?.toISOString()).toBe(iso);
    });

    it('reads an unencoded + before the offset, which arrives as a space, as +', () => {
      expect(accepted('from=2026-04-27T22:43:39+02:00').from?.toISOString()).toBe('2026-04-27T20:43:39.000Z');
    });

    it('makes a date-only to cover that whole day', () => {
      expect(accepted('to=2026-04-27').to?.toISOString()).toBe('2026-04-27T23:59:59.999Z');
    });

    it('keeps a date-time to as given', () => {
      expect(accepted('to=2026-04-27T12:00:00Z').to?.toISOString()).toBe('2026-04-27T12:00:00.000Z');
    });

    it('accepts from and to on the same day, both inclusive', () => {
      const query = accepted('from=2026-04-27&to=2026-04-27');
      expect([query.from?.toISOString(), query.to?.toISOString()]).toEqual([
        '2026-04-27T00:00:00.000Z',
        '2026-04-27T23:59:59.999Z',
      ]);
    });

    it('rejects from after to, naming from', () => {
      expect(rejection('from=2026-04-28&to=2026-04-27')).toEqual({
        parameter: 'from',
        message: expect.stringContaining('must not be after "to"'),
      });
    });

    it('rejects from one millisecond after to', () => {
      expect(rejected('from=2026-04-27T12:00:00.001Z&to=2026-04-27T12:00:00Z')).toBe('from');
    });

    it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-04-31', '2026-04-27T25:00:00Z', '2026-04-27T20:60:00Z'])(
      'rejects %s, which is not a real date and time',
      (value) => {
        expect(rejection(`from=${value}`)).toEqual({
          parameter: 'from',
          message: expect.stringContaining('is not a real date and time'),
        });
        expect(rejected(`to=${value}`)).toBe('to');
      },
    );

    it.each(['yesterday', 'now', '', '2026-4-27', '27.04.2026', '2026/04/27', '1714250619', '2026-04-27 20:43:39', '2026-04-27T20:43:39+0200', '2026-04-27T20Z', 'Mon, 27 Apr 2026 20:43:39 GMT'])(
      'rejects %p, which is not ISO 8601',
      (value) => {
        expect(rejection(`from=${encodeURIComponent(value)}`)).toEqual({
          parameter: 'from',
          message: expect.stringContaining('must be an ISO 8601 date (2026-04-27) or date-time'),
        });
      },
    );
  });

  describe('q', () => {
    it('is trimmed', () => {
      expect(accepted('q=%20nuclear%20talks%20').q).toBe('nuclear talks');
    });

    it.each(['q=', 'q=%20%20%20', 'q'])('rejects an empty value: %s', (queryString) => {
      expect(rejected(queryString)).toBe('q');
    });

    it('accepts 100 characters and rejects 101', () => {
      expect(accepted(`q=${'x'.repeat(100)}`).q).toHaveLength(100);
      expect(rejection(`q=${'x'.repeat(101)}`)).toEqual({
        parameter: 'q',
        message: 'Invalid query parameter "q": must be 1 to 100 characters of text after trimming (got 101)',
      });
    });

    it('counts characters, not UTF-16 units: 100 emoji are accepted', () => {
      const emoji = '📰'.repeat(100);
      expect(accepted(`q=${encodeURIComponent(emoji)}`).q).toBe(emoji);
      expect(rejected(`q=${encodeURIComponent(`${emoji}x`)}`)).toBe('q');
    });

    it('rejects control characters such as NUL', () => {
      expect(rejection('q=a%00b').message).toContain('without control characters');
    });
  });

  describe('sort', () => {
    it.each(SNIPPET_SORTS)('accepts %s (with q)', (sort) => {
      expect(accepted(`q=talks&sort=${sort}`).sort).toBe(sort);
    });

    it('defaults to relevance with q and to documentDate:desc without', () => {
      expect(accepted('q=talks').sort).toBe('relevance');
      expect(accepted('').sort).toBe('documentDate:desc');
      expect(accepted('q=talks&sort=title:asc').sort).toBe('title:asc');
    });

    it('rejects relevance without q, saying why', () => {
      const problem = rejection('sort=relevance');
      expect(problem.parameter).toBe('sort');
      expect(problem.message).toContain('needs q');
    });

    it.each(['title', 'documentDate', 'title:ASC', 'TITLE:asc', 'title:up', 'slug:asc', 'title:asc,documentDate:desc', ''])(
      'rejects %p, listing the accepted values',
      (value) => {
        expect(rejection(`sort=${value}`)).toEqual({
          parameter: 'sort',
          message: 'Invalid query parameter "sort": must be one of documentDate:desc, documentDate:asc, title:asc, title:desc, relevance',
        });
      },
    );

    it("rejects Strapi's array form sort[0]=title:asc", () => {
      expect(rejected('sort[0]=title:asc')).toBe('sort');
    });
  });

  describe('page and pageSize', () => {
    it('reads plain decimal integers', () => {
      expect(accepted('page=3&pageSize=100')).toMatchObject({ page: 3, pageSize: 100 });
    });

    it('accepts page 10000 of one result and rejects page 10001, to keep offsets sane', () => {
      expect(accepted('page=10000&pageSize=1').page).toBe(10000);
      expect(rejection('page=10001')).toEqual({
        parameter: 'page',
        message: 'Invalid query parameter "page": must be an integer from 1 to 10000, written as plain digits',
      });
    });

    it('reaches result 10000 at the deepest, whatever the page size', () => {
      expect(accepted('page=400').page).toBe(400);
      expect(accepted('page=100&pageSize=100').page).toBe(100);
      expect(rejection('page=401')).toEqual({
        parameter: 'page',
        message:
          'Invalid query parameter "page": reaches past result 10000, the deepest a page may go (page × pageSize is 10025); ' +
          'narrow the query with from/to, category or language to reach older articles',
      });
      expect(rejected('page=101&pageSize=100')).toBe('page');
    });

    it.each(['1e3', '1.5', '01', '%202', '2%20', '-1', '%2B1', '0', '0x10', '', '1,000', 'Infinity', '9'.repeat(400)])(
      'rejects page=%s',
      (value) => {
        expect(rejected(`page=${value}`)).toBe('page');
      },
    );

    it.each(['0', '101', '1.5', '1e1', '010', 'ten'])('rejects pageSize=%s', (value) => {
      expect(rejection(`pageSize=${value}`)).toEqual({
        parameter: 'pageSize',
        message: 'Invalid query parameter "pageSize": must be an integer from 1 to 100, written as plain digits',
      });
    });

    it('rejects a repeated page, saying it must be given once', () => {
      expect(rejection('page=1&page=2')).toEqual({
        parameter: 'page',
        message: 'Invalid query parameter "page": must be given once, not repeated or as a list',
      });
    });
  });

  describe('unknown parameters', () => {
    it.each([
      ['foo=1', 'foo'],
      ['filters[title]=x', 'filters'],
      ['filters[$or][0][title][$eq]=x', 'filters'],
      ['populate=*', 'populate'],
      ['fields[0]=title', 'fields'],
      ['locale=de', 'locale'],
      ['status=draft', 'status'],
      ['pagination[page]=1', 'pagination'],
      ['Category=a', 'Category'],
    ])('rejects %s, naming %p', (queryString, parameter) => {
      expect(rejection(queryString)).toEqual({
        parameter,
        message: expect.stringContaining('accepted: category, language, from, to, q, sort, page, pageSize'),
      });
    });

    it("says Strapi's generic parameters do not apply", () => {
      expect(rejection('populate=*').message).toBe(
        `Invalid query parameter "populate": is not a parameter of this endpoint (Strapi's generic parameters do not apply to snippets); accepted: category, language, from, to, q, sort, page, pageSize`,
      );
    });

    it('reports an unknown parameter before an invalid known one', () => {
      expect(rejected('page=0&foo=1')).toBe('foo');
    });

    it('does not mistake inherited object properties for parameters', () => {
      // qs drops these names; a caller building the object itself must not slip them through.
      const raw: Record<string, unknown> = { constructor: 'x' };
      expect(parseSnippetQuery(raw, ANY_LANGUAGE)).toMatchObject({ ok: false, parameter: 'constructor' });
    });

    it('rejects an own __proto__ key, as JSON.parse makes it', () => {
      const raw = JSON.parse('{"__proto__": {"page": "1"}}') as Record<string, unknown>;
      expect(parseSnippetQuery(raw, ANY_LANGUAGE)).toMatchObject({ ok: false, parameter: '__proto__' });
    });

    it('reads only own properties, so a polluted prototype cannot set a parameter', () => {
      const raw = Object.create({ pageSize: '1000' }) as Record<string, unknown>;
      expect(parseSnippetQuery(raw, ANY_LANGUAGE)).toMatchObject({ ok: true, query: { pageSize: 25 } });
    });

    it('reads a query object without a prototype', () => {
      const raw: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, { page: '2' });
      expect(parseSnippetQuery(raw, ANY_LANGUAGE)).toMatchObject({ ok: true, query: { page: 2 } });
    });
  });

  describe('the first problem decides the parameter named', () => {
    it('checks parameters in the order category, language, from, to, q, sort, page, pageSize', () => {
      const bad = ['category=_', 'language=zz-zz-zz-zz', 'from=x', 'to=x', 'q=', 'sort=x', 'page=0', 'pageSize=0'];
      const names = bad.map((_, index) => rejected(bad.slice(index).reverse().join('&')));
      expect(names).toEqual(['category', 'language', 'from', 'to', 'q', 'sort', 'page', 'pageSize']);
    });
  });

  describe('hostile queries', () => {
    it.each([
      ['category[$ne]=x', 'category'],
      ['category[0][$ne]=x', 'category'],
      ['category[$in][0]=a', 'category'],
      ['language[$ne]=en', 'language'],
      ['from[$gt]=2026-01-01', 'from'],
      ['to[]=2026-01-01', 'to'],
      ['q[$containsi]=x', 'q'],
      ['q=a&q=b', 'q'],
      ['sort[title]=asc', 'sort'],
      ['page[]=1', 'page'],
      ['page[0]=1&page[1]=2', 'page'],
      ['pageSize[$gt]=1', 'pageSize'],
      ['filters[title]=x', 'filters'],
      ['populate=*', 'populate'],
      ['sort=title', 'sort'],
      ['page=1e3', 'page'],
      ['pageSize=1.5', 'pageSize'],
      ['pageSize=0', 'pageSize'],
      ['pageSize=101', 'pageSize'],
      ['q=', 'q'],
      [`q=${'x'.repeat(101)}`, 'q'],
      ['from=2026-02-30', 'from'],
      ['from=yesterday', 'from'],
      ['from=2026-04-27&to=2026-04-26', 'from'],
      ['foo=1', 'foo'],
    ])('rejects %s, naming %p', (queryString, parameter) => {
      expect(rejection(queryString)).toEqual({
        parameter,
        message: expect.stringMatching(/^Invalid query parameter ".*": .+/),
      });
    });

    it('rejects bracket operators naming the parameter and saying why', () => {
      expect(rejection('category[$ne]=x').message).toBe(
        'Invalid query parameter "category": must be a plain value; bracket syntax such as [$ne] or [$gt] is not supported',
      );
    });

    it('shortens a very long unknown name in the message but reports it whole', () => {
      const name = 'x'.repeat(500);
      const result = rejection(`${name}=1`);
      expect(result.parameter).toBe(name);
      expect(result.message.length).toBeLessThan(300);
    });

    it('never throws, whatever object it is given', () => {
      fc.assert(
        fc.property(fc.dictionary(fc.string(), fc.anything()), (raw) => {
          const result = parseSnippetQuery(raw, ANY_LANGUAGE);
          expect(typeof result.ok).toBe('boolean');
        }),
        { numRuns: 2000 },
      );
    });

    it('never throws for any query string, and what it accepts is within bounds', () => {
      const known = ['category', 'language', 'from', 'to', 'q', 'sort', 'page', 'pageSize'];
      const part = fc.tuple(
        fc.oneof(fc.constantFrom(...known), fc.string()),
        fc.oneof(fc.constant(''), fc.constantFrom('[]', '[$ne]', '[0]', '[$gt][0]', '[__proto__]')),
        fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-z:,.+-]{0,12}$/), fc.constantFrom(...SNIPPET_SORTS, '2026-04-27')),
      );
      fc.assert(
        fc.property(fc.array(part, { maxLength: 6 }), fc.boolean(), (parts, encode) => {
          const queryString = parts
            .map(([key, brackets, value]) => `${key}${brackets}=${encode ? encodeURIComponent(value) : value}`)
            .join('&');
          const result = parse(queryString);
          if (result.ok) {
            const { page, pageSize, categories, q } = result.query;
            expect(Number.isInteger(page) && page >= 1 && page * pageSize <= 10000).toBe(true);
            expect(Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 100).toBe(true);
            expect(categories.length).toBeLessThanOrEqual(20);
            expect(q === null || (q.trim() === q && q.length > 0)).toBe(true);
          } else {
            expect(result.message.startsWith('Invalid query parameter ')).toBe(true);
          }
        }),
        { numRuns: 2000 },
      );
    });

    it.each([null, undefined, 'page=1', 42, []])('never throws when given %p instead of an object', (raw) => {
      // ctx.query is always an object; a caller passing something else still gets an answer.
      expect(parseSnippetQuery(raw as unknown as Record<string, unknown>, ANY_LANGUAGE).ok).toBe(true);
    });
  });

  describe('SNIPPET_QUERY_PARAMETERS', () => {
    it('lists every parameter of the schema, in order, as OpenAPI query parameters', () => {
      expect(SNIPPET_QUERY_PARAMETERS.map(({ name }) => name)).toEqual(Object.keys(snippetQuerySchema.shape));
      expect(SNIPPET_QUERY_PARAMETERS.map(({ name }) => name)).toEqual([
        'category', 'language', 'from', 'to', 'q', 'sort', 'page', 'pageSize',
      ]);
      for (const parameter of SNIPPET_QUERY_PARAMETERS) {
        expect(parameter).toMatchObject({ in: 'query', required: false, description: expect.stringMatching(/\S/) });
      }
    });

    it('describes the accepted input: sort values, integer patterns and defaults', () => {
      const byName = Object.fromEntries(SNIPPET_QUERY_PARAMETERS.map((parameter) => [parameter.name, parameter.schema]));
      expect(byName.sort).toMatchObject({ enum: [...SNIPPET_SORTS] });
      expect(byName.sort).not.toHaveProperty('default'); // it depends on q, as the description says
      expect(byName.pageSize).toMatchObject({ type: 'string', pattern: '^[1-9][0-9]*$', default: '25' });
      expect(byName.page).toMatchObject({ type: 'string', pattern: '^[1-9][0-9]*$', default: '1' });
      expect(byName.q).toMatchObject({ type: 'string', minLength: 1, maxLength: 100 });
    });
  });

  describe('narrowsBeyondSearch', () => {
    const query = (queryString: string) => {
      const result = parse(queryString);
      if (!result.ok) throw new Error(result.message);
      return result.query;
    };

    it('is false for q, sort and paging alone', () => {
      expect(narrowsBeyondSearch(query('q=nuclear&sort=relevance&page=2&pageSize=10'))).toBe(false);
    });

    it.each(['category=politics', 'language=en', 'from=2026-01-01', 'to=2026-01-31'])('is true with %s', (filter) => {
      expect(narrowsBeyondSearch(query(`q=nuclear&${filter}`))).toBe(true);
    });
  });
});
