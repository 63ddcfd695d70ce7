/**
 * GraphQL (SPEC 8) over HTTP against a real Strapi with @strapi/plugin-graphql:
 * the snippet queries answer exactly what the REST endpoint answers for the same
 * data and arguments, refuse what REST refuses, with the same permissions; articles
 * and categories come through Strapi's shadow CRUD with the plugin's rules applied.
 */
import { articles } from './helpers/documents';
import {
  authenticatedUserJwt,
  grant,
  graphql,
  SNIPPET_QUERY,
  SNIPPETS_QUERY,
  type GraphqlAnswer,
} from './helpers/graphql';
import { createCategory, draftArticle, publishArticle, snippetList, snippetsApi, uniqueWord, type SnippetJson, type SnippetListJson } from './helpers/snippets';
import { useStrapi } from './helpers/strapi';

type Variables = Record<string, string | number | string[]>;

/** The REST query string for the same arguments: a list becomes a repeated parameter. */
const toQueryString = (variables: Variables) =>
  Object.entries(variables)
    .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((item) => `${name}=${encodeURIComponent(String(item))}`))
    .join('&');

describe('GraphQL snippet queries', () => {
  const app = useStrapi();
  let gql: ReturnType<typeof graphql>;
  let rest: ReturnType<typeof snippetsApi>;

  beforeAll(async () => {
    gql = graphql(app);
    rest = snippetsApi(app);
  });

  const listSnippets = (variables: Variables, auth?: string | null) =>
    gql<{ newsroomSnippets: SnippetListJson }>(SNIPPETS_QUERY, variables, auth);

  describe('answer like GET /api/newsroom/snippets', () => {
    const word = uniqueWord('gql');
    const slugOf = (name: string) => `${name.toLowerCase()}-${word}`;

    beforeAll(async () => {
      const international = await createCategory(app, `International ${word}`);
      const snippets = await createCategory(app, `Snippets ${word}`);
      await publishArticle(app, {
        title: `Alpha ${word}`,
        language: 'en',
        documentDate: '2026-01-10T08:00:00.000Z',
        sourcePublishedDate: '2025-04-11',
        source: 'rki.news',
        sourceUrl: 'https://rki.news/alpha',
        categories: [international.documentId],
      });
      await publishArticle(app, { title: `bravo ${word}`, language: 'German', documentDate: '2026-01-15T23:59:59.500Z', categories: [snippets.documentId] });
      await publishArticle(app, {
        title: `Charlie ${word}`,
        language: 'en-GB',
        documentDate: '2026-01-20T00:00:00.000Z',
        categories: [snippets.documentId, international.documentId],
      });
      await publishArticle(app, { title: `delta ${word}`, language: 'fa', documentDate: '2026-01-31T12:00:00.000Z' });
      await draftArticle(app, { title: `Echo ${word}`, language: 'en', documentDate: '2026-01-12T00:00:00.000Z' });
    });

    const cases: Array<[string, Variables, number]> = [
      ['a text search alone', {}, 4],
      ['one category', { category: [slugOf('international')] }, 2],
      ['a comma list of categories', { category: [`${slugOf('international')},${slugOf('snippets')}`] }, 3],
      ['repeated categories', { category: [slugOf('snippets'), slugOf('international')] }, 3],
      ['a language name', { language: 'German' }, 1],
      ['a language tag with a region', { language: 'EN-gb' }, 1],
      ['a from date', { from: '2026-01-15' }, 3],
      ['a date-only to, covering the whole day', { to: '2026-01-15' }, 2],
      ['date-times with offsets', { from: '2026-01-15T23:59:59.500Z', to: '2026-01-20T02:00:00+02:00' }, 2],
      ['sort documentDate:asc', { sort: 'documentDate:asc' }, 4],
      ['sort documentDate:desc', { sort: 'documentDate:desc' }, 4],
      ['sort title:asc', { sort: 'title:asc' }, 4],
      ['sort title:desc', { sort: 'title:desc' }, 4],
      ['page and pageSize', { page: 2, pageSize: 3, sort: 'title:asc' }, 1],
    ];

    it.each(cases)('equals REST for %s', async (_name, extra, expectedOnPage) => {
      const variables = { q: word, ...extra };
      const answer = await listSnippets(variables);
      expect(answer.errors).toEqual([]);
      const res = await rest.list(toQueryString(variables));
      expect(res.status).toBe(200);
      expect(snippetList(res.body).data).toHaveLength(expectedOnPage);
      expect(answer.data?.newsroomSnippets).toEqual(res.body);
    });

    it('equals REST for a text search in a title', async () => {
      const answer = await listSnippets({ q: `ALPHA ${word}` });
      expect(answer.data?.newsroomSnippets.data.map((snippet) => snippet.title)).toEqual([`Alpha ${word}`]);
      expect(answer.data?.newsroomSnippets).toEqual((await rest.list(`q=${encodeURIComponent(`ALPHA ${word}`)}`)).body);
    });

    it('serves every field with the REST types: dates as ISO strings, absent ones as null', async () => {
      const answer = await listSnippets({ q: word, sort: 'title:asc', pageSize: 1 });
      const [alpha] = answer.data?.newsroomSnippets.data ?? [];
      expect(alpha).toMatchObject({
        title: `Alpha ${word}`,
        language: 'en',
        documentDate: '2026-01-10T08:00:00.000Z',
        sourcePublishedDate: '2025-04-11',
        source: 'rki.news',
        sourceUrl: 'https://rki.news/alpha',
        readingTime: 1,
        categories: [{ name: `International ${word}`, slug: slugOf('international') }],
      });
      const delta = (await listSnippets({ q: `delta ${word}` })).data?.newsroomSnippets.data[0];
      expect(delta).toMatchObject({ source: null, sourceUrl: null, sourcePublishedDate: null, categories: [] });
    });

    it('newsroomSnippet equals GET /snippets/:slug, and is null for drafts and unknown slugs', async () => {
      const slug = slugOf('alpha');
      const one = await gql<{ newsroomSnippet: SnippetJson | null }>(SNIPPET_QUERY, { slug });
      expect(one.errors).toEqual([]);
      expect(one.data?.newsroomSnippet).toEqual((await rest.one(slug)).body.data);

      for (const missing of [slugOf('echo'), `nothing-${word}`, 'Not A Slug!']) {
        const answer = await gql<{ newsroomSnippet: SnippetJson | null }>(SNIPPET_QUERY, { slug: missing });
        expect(answer).toMatchObject({ errors: [], data: { newsroomSnippet: null } });
      }
    });
  });

  describe('bad arguments', () => {
    const cases: Array<[Variables, string]> = [
      [{ page: 0 }, 'page'],
      [{ page: -1 }, 'page'],
      [{ pageSize: 101 }, 'pageSize'],
      [{ sort: 'title' }, 'sort'],
      [{ sort: 'publishedAt:asc' }, 'sort'],
      [{ q: '' }, 'q'],
      [{ q: 'x'.repeat(101) }, 'q'],
      [{ from: 'yesterday' }, 'from'],
      [{ to: '2026-02-30' }, 'to'],
      [{ from: '2026-02-01', to: '2026-01-01' }, 'from'],
      [{ language: 'Klingon' }, 'language'],
      [{ category: ['Not a slug!'] }, 'category'],
      [{ category: ['a,,b'] }, 'category'],
    ];

    it.each(cases)('%j is BAD_USER_INPUT naming %s, as REST answers 400 naming it', async (variables, parameter) => {
      const answer = await listSnippets(variables);
      expect(answer.data).toBeNull();
      expect(answer.errors).toHaveLength(1);
      const [error] = answer.errors;
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.extensions?.error?.details).toEqual({ parameter });
      expect(error.message).toContain(`"${parameter}"`);

      const res = await rest.list(toQueryString(variables));
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual({ parameter });
    });

    it('an empty category list is refused like an empty category= value', async () => {
      const answer = await listSnippets({ category: [] });
      expect(answer.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', error: { details: { parameter: 'category' } } });
    });

    it('a value of the wrong GraphQL type is refused by GraphQL itself, never an internal error', async () => {
      const answer = await gql(SNIPPETS_QUERY, { page: 'two' });
      expect(answer.status).toBe(400);
      expect(answer.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors[0].message).toContain('$page');
    });
  });

  describe('permissions', () => {
    const forbidden = (answer: GraphqlAnswer) => answer.errors.map((error) => error.extensions?.code);

    it('refuse a users-permissions role without the snippet permission', async () => {
      const jwt = await authenticatedUserJwt(app);
      expect(forbidden(await listSnippets({}, jwt))).toEqual(['FORBIDDEN']);
      expect(forbidden(await gql(SNIPPET_QUERY, { slug: 'any' }, jwt))).toEqual(['FORBIDDEN']);
    });

    it('refuse the Public role until an admin grants the same action as for REST', async () => {
      const article = await publishArticle(app);
      expect(forbidden(await listSnippets({}, null))).toEqual(['FORBIDDEN']);

      await grant(app, 'public', 'plugin::newsroom.snippet.find');
      const answer = await listSnippets({ q: article.title as string }, null);
      expect(answer.errors).toEqual([]);
      expect(answer.data?.newsroomSnippets.data.map((snippet) => snippet.slug)).toEqual([article.slug]);
      // Only the granted action: the single-snippet query needs snippet.findOne.
      expect(forbidden(await gql(SNIPPET_QUERY, { slug: article.slug as string }, null))).toEqual(['FORBIDDEN']);

      await grant(app, 'public', 'plugin::newsroom.snippet.findOne');
      const one = await gql<{ newsroomSnippet: SnippetJson | null }>(SNIPPET_QUERY, { slug: article.slug as string }, null);
      expect(one.data?.newsroomSnippet?.documentId).toBe(article.documentId);
    });
  });

  describe("articles and categories through Strapi's shadow CRUD", () => {
    it('are exposed under the generated names', async () => {
      const answer = await gql<{ __schema: { queryType: { fields: Array<{ name: string }> }; mutationType: { fields: Array<{ name: string }> } } }>(
        '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }'
      );
      const queries = answer.data?.__schema.queryType.fields.map((field) => field.name);
      const mutations = answer.data?.__schema.mutationType.fields.map((field) => field.name);
      expect(queries).toEqual(
        expect.arrayContaining(['newsroomArticle', 'newsroomArticles', 'newsroomArticles_connection', 'newsroomCategory', 'newsroomCategories', 'newsroomCategories_connection', 'newsroomSnippets', 'newsroomSnippet'])
      );
      expect(mutations).toEqual(
        expect.arrayContaining([
          'createNewsroomArticle',
          'updateNewsroomArticle',
          'deleteNewsroomArticle',
          'createNewsroomCategory',
          'updateNewsroomCategory',
          'deleteNewsroomCategory',
        ])
      );
    });

    it("follow Strapi's status rules: published by default, drafts with status: DRAFT", async () => {
      const word = uniqueWord('status');
      const published = await publishArticle(app, { title: `Published ${word}` });
      const draft = await draftArticle(app, { title: `Draft ${word}` });
      const list = (status?: string) =>
        gql<{ newsroomArticles: Array<{ documentId: string; publishedAt: string | null }> }>(
          `query($word: String, $status: PublicationStatus) {
             newsroomArticles(filters: { title: { containsi: $word } }, status: $status, sort: "title:asc") { documentId publishedAt }
           }`,
          { word, ...(status ? { status } : {}) }
        );

      const byDefault = await list();
      expect(byDefault.data?.newsroomArticles.map((a) => a.documentId)).toEqual([published.documentId]);
      expect(byDefault.data?.newsroomArticles[0].publishedAt).not.toBeNull();

      const drafts = await list('DRAFT');
      expect(drafts.data?.newsroomArticles.map((a) => a.documentId)).toEqual([draft.documentId, published.documentId]);
      expect(drafts.data?.newsroomArticles.every((a) => a.publishedAt === null)).toBe(true);

      const one = (status?: string) =>
        gql<{ newsroomArticle: { title: string } | null }>(
          'query($id: ID!, $status: PublicationStatus) { newsroomArticle(documentId: $id, status: $status) { title } }',
          { id: draft.documentId, ...(status ? { status } : {}) }
        );
      expect((await one()).data?.newsroomArticle).toBeNull();
      expect((await one('DRAFT')).data?.newsroomArticle?.title).toBe(`Draft ${word}`);
    });

    it("run the plugin's rules on mutations: slug, excerpt, language, reading time", async () => {
      const word = uniqueWord('mutation');
      const created = await gql<{ createNewsroomArticle: Record<string, unknown> }>(
        `mutation($data: NewsroomArticleInput!) {
           createNewsroomArticle(data: $data, status: PUBLISHED) { documentId slug excerpt language wordCount readingTime publishedAt }
         }`,
        { data: { title: `  Iran's Talks ${word} `, body: `**Bold** start of the body for ${word}.`, language: 'German' } }
      );
      expect(created.errors).toEqual([]);
      expect(created.data?.createNewsroomArticle).toMatchObject({
        slug: `irans-talks-${word}`,
        excerpt: `Bold start of the body for ${word}.`,
        language: 'de',
        wordCount: 7,
        readingTime: 1,
      });
      const stored = await articles(app).findOne({ documentId: created.data?.createNewsroomArticle.documentId as string, status: 'published' });
      expect(stored?.title).toBe(`Iran's Talks ${word}`);

      const snippet = await gql<{ newsroomSnippet: SnippetJson | null }>(SNIPPET_QUERY, { slug: `irans-talks-${word}` });
      expect(snippet.data?.newsroomSnippet?.language).toBe('de');
    });

    it('refuse invalid data through a mutation as BAD_USER_INPUT naming the field', async () => {
      const answer = await gql(
        'mutation($data: NewsroomArticleInput!) { createNewsroomArticle(data: $data) { documentId } }',
        { data: { title: 'Bad link', body: 'Body.', sourceUrl: 'ftp://example.org/file' } }
      );
      expect(answer.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors[0].message).toMatch(/sourceUrl/);
    });
  });
});
