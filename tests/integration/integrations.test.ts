/**
 * The optional integrations (SPEC 8) work whichever order the plugins are
 * configured in, and the plugin works the same without them. Strapi registers and
 * bootstraps plugins in config order (playground/config/plugins.js swaps it with
 * NEWSROOM_INTEGRATIONS_FIRST); one Strapi at a time, booted per group.
 */
import { graphql, SNIPPETS_QUERY } from './helpers/graphql';
import { readGeneratedDocument, removeGeneratedDocument, uniqueDocumentationVersion } from './helpers/openapi';
import { publishArticle, snippetList, snippetsApi, type SnippetListJson } from './helpers/snippets';
import { useStrapi } from './helpers/strapi';

describe('optional integrations', () => {
  describe('GraphQL and documentation configured before the newsroom plugin', () => {
    const version = uniqueDocumentationVersion();
    const app = useStrapi({
      env: { NEWSROOM_INTEGRATIONS_FIRST: 'true', NEWSROOM_DOCUMENTATION_VERSION: version },
      beforeStop: (started) => removeGeneratedDocument(started, version),
    });

    it('are registered and bootstrapped first', () => {
      const order = Object.keys(app.strapi.plugins);
      expect(order.indexOf('graphql')).toBeLessThan(order.indexOf('newsroom'));
      expect(order.indexOf('documentation')).toBeLessThan(order.indexOf('newsroom'));
    });

    it('serve the snippet queries with the REST answer and the REST permissions', async () => {
      const article = await publishArticle(app);
      const gql = graphql(app);
      const answer = await gql<{ newsroomSnippets: SnippetListJson }>(SNIPPETS_QUERY, { q: article.title as string });
      expect(answer.errors).toEqual([]);
      expect(answer.data?.newsroomSnippets).toEqual((await snippetsApi(app).list(`q=${encodeURIComponent(article.title as string)}`)).body);
      expect(answer.data?.newsroomSnippets.data).toHaveLength(1);
      const anonymous = await gql(SNIPPETS_QUERY, {}, null);
      expect(anonymous.errors.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    });

    it('put the snippet and import routes in the document generated at boot', () => {
      const document = readGeneratedDocument(app, version);
      expect(document.paths['/newsroom/snippets']?.get.parameters).toHaveLength(8);
      expect(document.paths['/newsroom/snippets/{slug}']?.get).toBeDefined();
      expect(document.paths['/newsroom/import']?.post).toBeDefined();
    });
  });

  describe('GraphQL and documentation disabled', () => {
    const app = useStrapi({ env: { NEWSROOM_GRAPHQL: 'false', NEWSROOM_DOCUMENTATION: 'false' } });

    it('are absent', async () => {
      expect(app.strapi.plugin('graphql')).toBeUndefined();
      expect(app.strapi.plugin('documentation')).toBeUndefined();
      expect((await app.http().get('/graphql')).status).toBe(404);
      // Strapi answers 405 to a POST on any path no route serves (another route takes GET there).
      expect((await app.http().post('/graphql').send({ query: '{ __typename }' })).status).toBe(405);
    });

    it('leave the REST snippet endpoint and the rules on writes as they are', async () => {
      const article = await publishArticle(app, { title: "Iran's Talks without GraphQL", language: 'German' });
      expect(article.slug).toBe('irans-talks-without-graphql');
      const api = snippetsApi(app);
      const list = await api.list(`q=${encodeURIComponent('without GraphQL')}`);
      expect(list.status).toBe(200);
      expect(snippetList(list.body).data.map((snippet) => [snippet.slug, snippet.language])).toEqual([['irans-talks-without-graphql', 'de']]);
      expect((await api.one('irans-talks-without-graphql')).status).toBe(200);
      expect((await api.list('page=0')).status).toBe(400);
    });
  });
});
