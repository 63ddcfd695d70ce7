/**
 * OpenAPI (SPEC 8): with @strapi/plugin-documentation installed, the document it
 * generates at boot holds the snippet and import routes with their parameters and
 * response schemas, derived from the routes' zod declarations; and those schemas
 * describe what the endpoints really answer.
 */
import { generate } from '@strapi/openapi';
import { SNIPPET_SORTS } from '../../server/src/core/snippet-query';
import { snippetListResponseSchema, snippetResponseSchema } from '../../server/src/core/snippet-schemas';
import { importResultSchema } from '../../server/src/core/import/result';
import { importApi } from './helpers/import';
import {
  readGeneratedDocument,
  removeGeneratedDocument,
  resolve,
  uniqueDocumentationVersion,
  type OpenApiDocument,
  type OpenApiOperation,
} from './helpers/openapi';
import { publishArticle, snippetsApi } from './helpers/snippets';
import { useStrapi } from './helpers/strapi';

const SNIPPET_PARAMETERS = ['category', 'language', 'from', 'to', 'q', 'sort', 'page', 'pageSize'];
const jsonSchemaOf = (document: OpenApiDocument, operation: OpenApiOperation, status: string) =>
  resolve(document, operation.responses[status]?.content?.['application/json']?.schema);

describe('OpenAPI document', () => {
  const version = uniqueDocumentationVersion();
  const app = useStrapi({
    env: { NEWSROOM_DOCUMENTATION_VERSION: version },
    beforeStop: (started) => removeGeneratedDocument(started, version),
  });
  let document: OpenApiDocument;

  beforeAll(async () => {
    document = readGeneratedDocument(app, version);
  });

  it('is generated at boot and holds every content-API route of the plugin', () => {
    expect(document.info.version).toBe(version);
    const routes = (app.strapi.plugin('newsroom').routes as Record<string, { routes: Array<{ method: string; path: string }> }>)['content-api'].routes;
    expect(routes.length).toBeGreaterThanOrEqual(3);
    for (const route of routes) {
      const path = `/newsroom${route.path.replace(/:(\w+)/g, '{$1}')}`;
      expect(document.paths[path]?.[route.method.toLowerCase()]).toBeDefined();
    }
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/newsroom/snippets', '/newsroom/snippets/{slug}', '/newsroom/import']));
    expect(document.tags?.map((tag) => tag.name)).toContain('Newsroom');
  });

  describe('GET /newsroom/snippets', () => {
    const operation = () => document.paths['/newsroom/snippets'].get;

    it('lists every query parameter, optional, with its rule', () => {
      const parameters = operation().parameters;
      expect(parameters.map((parameter) => parameter.name)).toEqual(SNIPPET_PARAMETERS);
      expect(parameters.every((parameter) => parameter.in === 'query' && parameter.required === false)).toBe(true);
      expect(parameters.every((parameter) => (parameter.description ?? '').length > 0)).toBe(true);
      const byName = Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter.schema]));
      expect(byName.sort.enum).toEqual([...SNIPPET_SORTS]);
      expect(byName.sort.default).toBeUndefined(); // relevance with q, documentDate:desc without: in the description
      expect(parameters.find((parameter) => parameter.name === 'sort')?.description).toContain('relevance with q');
      expect(byName.pageSize.pattern).toBe('^[1-9][0-9]*$');
      expect(byName.q).toMatchObject({ minLength: 1, maxLength: 100 });
      expect(byName.category.anyOf).toEqual([{ type: 'string' }, { type: 'array', items: { type: 'string' } }]);
    });

    it('describes the answer: snippets and pagination', () => {
      const body = jsonSchemaOf(document, operation(), '200');
      expect(body.required).toEqual(['data', 'meta']);
      const snippet = resolve(document, body.properties?.data.items);
      expect(Object.keys(snippet.properties ?? {})).toEqual([
        'documentId',
        'slug',
        'title',
        'excerpt',
        'language',
        'documentDate',
        'sourcePublishedDate',
        'source',
        'sourceUrl',
        'readingTime',
        'categories',
      ]);
      expect(snippet.properties?.sourceUrl.nullable).toBe(true);
      expect(snippet.properties?.documentDate).toMatchObject({ type: 'string', format: 'date-time', nullable: true });
      expect(resolve(document, snippet.properties?.categories.items).required).toEqual(['name', 'slug']);
      const pagination = resolve(document, body.properties?.meta.properties?.pagination);
      expect(pagination.required).toEqual(['page', 'pageSize', 'pageCount', 'total']);
    });

    it('documents the errors with Strapi’s error shape', () => {
      for (const status of ['400', '401', '403']) {
        expect(operation().responses[status].content?.['application/json'].schema.$ref).toBe('#/components/schemas/Error');
      }
      expect(document.components.schemas.Error).toBeDefined();
    });
  });

  it('documents GET /newsroom/snippets/{slug}: the slug, the answer and the 404', () => {
    const operation = document.paths['/newsroom/snippets/{slug}'].get;
    expect(operation.parameters).toEqual([expect.objectContaining({ name: 'slug', in: 'path', required: true })]);
    expect(operation.parameters[0].schema).toMatchObject({ type: 'string', maxLength: 80 });
    const body = jsonSchemaOf(document, operation, '200');
    expect(body.required).toEqual(['data']);
    expect(resolve(document, body.properties?.data).properties?.slug).toBeDefined();
    expect(operation.responses['404']).toBeDefined();
  });

  it('documents POST /newsroom/import: both body forms, the publish flag, the answer and the limits', () => {
    const operation = document.paths['/newsroom/import'].post;
    expect(operation.parameters).toEqual([expect.objectContaining({ name: 'publish', in: 'query', required: false })]);
    expect(operation.parameters[0].schema.enum).toEqual(['true', 'false']);
    const content = operation.requestBody?.content ?? {};
    expect(content['text/plain'].schema.type).toBe('string');
    const json = resolve(document, content['application/json'].schema);
    expect(Object.keys(json.properties ?? {})).toEqual(['documents', 'publish']);
    expect(json.required).toEqual(['documents']);
    expect(json.properties?.documents).toMatchObject({ type: 'array', maxItems: 500 });

    const answer = jsonSchemaOf(document, operation, '200');
    expect(resolve(document, answer.properties?.data.items).properties?.status.enum).toEqual(['created', 'duplicate', 'invalid']);
    expect(answer.properties?.meta.required).toEqual(['created', 'duplicates', 'invalid']);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '413', '415']));
  });

  it('documents the feed and sitemap routes: parameters, media types, 304 and the siteUrl 404', () => {
    const feeds: Array<[string, string]> = [
      ['/newsroom/feeds/rss', 'application/rss+xml'],
      ['/newsroom/feeds/atom', 'application/atom+xml'],
      ['/newsroom/feeds/json', 'application/feed+json'],
    ];
    for (const [path, mediaType] of feeds) {
      const operation = document.paths[path].get;
      expect([path, operation.parameters.map((parameter) => parameter.name)]).toEqual([path, ['category', 'language', 'limit']]);
      expect(Object.keys(operation.responses['200'].content ?? {})).toEqual([mediaType]);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '304', '400', '401', '403', '404']));
    }
    const json = resolve(document, document.paths['/newsroom/feeds/json'].get.responses['200'].content?.['application/feed+json'].schema);
    expect(json.required).toEqual(expect.arrayContaining(['version', 'title', 'items']));
    for (const path of ['/newsroom/sitemap.xml', '/newsroom/sitemap-{part}.xml', '/newsroom/news-sitemap.xml']) {
      const operation = document.paths[path].get;
      expect([path, Object.keys(operation.responses['200'].content ?? {})]).toEqual([path, ['application/xml']]);
      expect(operation.responses['304']).toBeDefined();
    }
    expect(document.paths['/newsroom/sitemap-{part}.xml'].get.parameters).toEqual([expect.objectContaining({ name: 'part', in: 'path', required: true })]);
    const ids = Object.values(document.paths)
      .flatMap((item) => Object.values(item).map((operation) => (operation as { operationId?: string }).operationId))
      .filter((id) => id !== undefined);
    expect(ids).toContain('newsroom.sitemap.find2');
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe('the documented schemas describe the real answers', () => {
    it('of the snippet routes', async () => {
      const article = await publishArticle(app, { source: 'rki.news', sourcePublishedDate: '2025-04-11' });
      const api = snippetsApi(app);
      const list = await api.list(`q=${encodeURIComponent(article.title as string)}`);
      expect(list.body.data).toHaveLength(1);
      expect(snippetListResponseSchema.safeParse(list.body).error).toBeUndefined();
      expect(snippetResponseSchema.safeParse((await api.one(article.slug as string)).body).error).toBeUndefined();
    });

    it('of the import route', async () => {
      const res = await importApi(app).text('## Documented import\n---\nrki.news\nA body.\n\nnot a document');
      expect(res.status).toBe(200);
      expect(importResultSchema.safeParse(res.body).error).toBeUndefined();
    });
  });

  it("also feeds Strapi's own OpenAPI generator (`strapi openapi generate`)", () => {
    const { document: generated } = generate(app.strapi, { type: 'content-api' }) as unknown as { document: OpenApiDocument };
    const list = generated.paths['/newsroom/snippets'].get;
    expect(list.parameters.map((parameter) => parameter.name)).toEqual(SNIPPET_PARAMETERS);
    expect(list.responses['200'].content?.['application/json']).toBeDefined();
    expect(generated.paths['/newsroom/snippets/{slug}'].get.parameters.map((parameter) => parameter.name)).toEqual(['slug']);
    expect(generated.paths['/newsroom/import'].post.requestBody?.content['application/json']).toBeDefined();
  });
});
