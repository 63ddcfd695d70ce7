import { z } from 'zod';
import { buildOpenApiFragment, documentedPath, type DeclaredRoute } from '../../server/src/openapi/document';

const item = z.object({ name: z.string(), note: z.string().nullable() });
const routes: DeclaredRoute[] = [
  {
    method: 'GET',
    path: '/things',
    handler: 'thing.find',
    request: { query: { kind: z.enum(['a', 'b']).optional().describe('Which kind'), size: z.string() } },
    response: z.object({ data: z.array(item) }),
  },
  { method: 'GET', path: '/things/:slug', handler: 'thing.findOne', request: { params: { slug: z.string() } }, response: z.object({ data: item }) },
  {
    method: 'POST',
    path: '/things',
    handler: 'thing.create',
    request: { body: { 'text/plain': z.string(), 'application/json': z.object({ names: z.array(z.string()), dry: z.boolean().optional() }) } },
  },
];

const build = () =>
  buildOpenApiFragment(routes, {
    pluginId: 'newsroom',
    tag: { name: 'Newsroom', description: 'test' },
    notes: { 'thing.find': { summary: 'List things', errors: { 400: 'Bad parameter' } } },
    namedSchemas: { NewsroomThing: item },
  });

describe('OpenAPI fragment from route declarations', () => {
  it('puts each route under the path Strapi mounts it at, in OpenAPI path syntax', () => {
    expect(Object.keys(build().paths)).toEqual(['/newsroom/things', '/newsroom/things/{slug}']);
    expect(Object.keys(build().paths['/newsroom/things'])).toEqual(['get', 'post']);
    expect(documentedPath({ method: 'GET', path: '/x/:id', handler: 'x.y', config: { prefix: '' } }, 'newsroom')).toBe('/x/{id}');
  });

  it('documents query and path parameters, required unless optional', () => {
    const { paths } = build();
    expect(paths['/newsroom/things'].get.parameters).toEqual([
      { name: 'kind', in: 'query', required: false, description: 'Which kind', schema: { type: 'string', enum: ['a', 'b'], description: 'Which kind' } },
      { name: 'size', in: 'query', required: true, description: '', schema: { type: 'string' } },
    ]);
    expect(paths['/newsroom/things/{slug}'].get.parameters).toEqual([{ name: 'slug', in: 'path', required: true, description: '', schema: { type: 'string' } }]);
  });

  it('names answers and JSON bodies as components, sharing the named schemas by reference', () => {
    const { paths, components } = build();
    const ok = (paths['/newsroom/things'].get.responses as Record<string, { content: Record<string, { schema: unknown }> }>)[200];
    expect(ok.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/NewsroomThingFindResponse' });
    expect(components.schemas.NewsroomThingFindResponse).toMatchObject({
      properties: { data: { type: 'array', items: { $ref: '#/components/schemas/NewsroomThing' } } },
    });
    expect(components.schemas.NewsroomThing).toMatchObject({ properties: { note: { type: 'string', nullable: true } }, required: ['name', 'note'] });
    expect(paths['/newsroom/things'].post.requestBody).toEqual({
      required: true,
      content: {
        'text/plain': { schema: { type: 'string' } },
        'application/json': { schema: { $ref: '#/components/schemas/NewsroomThingCreateRequest' } },
      },
    });
    expect(components.schemas.NewsroomThingCreateRequest.required).toEqual(['names']);
    expect(JSON.stringify(components)).not.toMatch(/"\$(schema|id)"/);
  });

  it('adds the noted summary and errors, and 401/403 to every route, with the Error shape', () => {
    const operation = build().paths['/newsroom/things'].get;
    expect(operation).toMatchObject({ tags: ['Newsroom'], summary: 'List things', operationId: 'newsroom.thing.find' });
    const responses = operation.responses as Record<string, { content: Record<string, { schema: unknown }> }>;
    expect(Object.keys(responses)).toEqual(['200', '400', '401', '403']);
    expect(responses[403].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
  });
});
