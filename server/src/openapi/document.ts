/**
 * The plugin's content-API routes as an OpenAPI 3.0 fragment (paths and component
 * schemas) for `@strapi/plugin-documentation`. Pure: everything comes from the
 * routes' own declarations (method, path, and the `request`/`response` zod schemas
 * that Strapi 5 routes carry), converted with zod's JSON Schema generator; the
 * notes add summaries and error statuses. No schema is written here by hand.
 */
import { z } from 'zod';
import type { OperationNotes } from './operations';

type JsonSchema = Record<string, unknown>;

/** A content-API route as the plugin declares it (see routes/). */
export interface DeclaredRoute {
  method: string;
  path: string;
  handler: string;
  config?: { prefix?: string };
  request?: { params?: Record<string, z.ZodType>; query?: Record<string, z.ZodType>; body?: Record<string, z.ZodType> };
  response?: z.ZodType;
}

export interface OpenApiFragment {
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema> };
}

export interface FragmentOptions {
  pluginId: string;
  tag: { name: string; description: string };
  notes: Record<string, OperationNotes>;
  /** Schemas shared by several answers, published as named components (`NewsroomSnippet`). */
  namedSchemas: Record<string, z.ZodType>;
}

const COMPONENTS = '#/components/schemas/';
const ERROR_REF = { $ref: `${COMPONENTS}Error` }; // declared by the documentation plugin itself

const isZodType = (value: unknown): value is z.ZodType => value instanceof z.ZodType;

/** Narrows one route object from a router; anything else is skipped. */
export function asDeclaredRoute(route: unknown): DeclaredRoute | null {
  if (typeof route !== 'object' || route === null) return null;
  const { method, path, handler } = route as Record<string, unknown>;
  if (typeof method !== 'string' || typeof path !== 'string' || typeof handler !== 'string') return null;
  return route as DeclaredRoute;
}

/** `/snippets/:slug` under `/newsroom` becomes `/newsroom/snippets/{slug}`, as Strapi mounts it below `/api`. */
export function documentedPath(route: DeclaredRoute, pluginId: string): string {
  const prefix = route.config?.prefix ?? `/${pluginId}`;
  return `${prefix}${route.path}`.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** `import.create` → `ImportCreate`. */
const pascal = (handler: string) =>
  handler
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

const withoutDialect = (schema: JsonSchema): JsonSchema => {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
};

/** One schema, inline; requests are documented by what a client sends (`io: 'input'`). */
const toJsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  withoutDialect(z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as JsonSchema);

/** Several schemas as components that refer to each other by `$ref`. */
function toComponents(schemas: Map<z.ZodType, string>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of schemas) registry.add(schema, { id });
  const { schemas: converted } = z.toJSONSchema(registry, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
    uri: (id) => `${COMPONENTS}${id}`,
  });
  return Object.fromEntries(Object.entries(converted).map(([id, schema]) => [id, withoutDialect(schema as JsonSchema)]));
}

function parameters(route: DeclaredRoute): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [name, schema] of Object.entries(route.request?.params ?? {})) {
    const json = toJsonSchema(schema, 'input');
    list.push({ name, in: 'path', required: true, description: json.description ?? '', schema: json });
  }
  for (const [name, schema] of Object.entries(route.request?.query ?? {})) {
    const json = toJsonSchema(schema, 'input');
    list.push({ name, in: 'query', required: !schema.isOptional(), description: json.description ?? '', schema: json });
  }
  return list;
}

export function buildOpenApiFragment(routes: ReadonlyArray<DeclaredRoute>, options: FragmentOptions): OpenApiFragment {
  const prefix = pascal(options.pluginId);
  const requestComponents = new Map<z.ZodType, string>();
  const responseComponents = new Map<z.ZodType, string>(
    Object.entries(options.namedSchemas).map(([name, schema]) => [schema, name])
  );
  const named = (map: Map<z.ZodType, string>, schema: z.ZodType, name: string) => {
    if (!map.has(schema)) map.set(schema, name);
    return { $ref: `${COMPONENTS}${map.get(schema)}` };
  };

  const paths: OpenApiFragment['paths'] = {};
  const operationIds = new Set<string>();
  /** Two routes of one handler (the sitemap and its parts) need two ids: the second gets a number. */
  const operationId = (handler: string) => {
    const base = `${options.pluginId}.${handler}`;
    let id = base;
    for (let n = 2; operationIds.has(id); n += 1) id = `${base}${n}`;
    operationIds.add(id);
    return id;
  };
  for (const route of routes) {
    const notes = options.notes[route.handler];
    const name = `${prefix}${pascal(route.handler)}`;
    const mediaType = notes?.mediaType ?? 'application/json';
    const responses: Record<string, JsonSchema> = {
      200: {
        description: 'OK',
        ...(isZodType(route.response)
          ? {
              content: {
                // Objects become components; plain text (an XML document) stays inline.
                [mediaType]: {
                  schema:
                    route.response instanceof z.ZodObject
                      ? named(responseComponents, route.response, `${name}Response`)
                      : toJsonSchema(route.response, 'output'),
                },
              },
            }
          : {}),
      },
      ...(notes?.conditional ? { 304: { description: 'Not Modified: the client holds the current answer' } } : {}),
    };
    const errors: Record<number, string> = {
      ...notes?.errors,
      401: 'The credentials are missing or invalid',
      403: 'The role or API token lacks the permission for this action',
    };
    for (const [status, description] of Object.entries(errors)) {
      responses[status] = { description, content: { 'application/json': { schema: ERROR_REF } } };
    }

    const operation: JsonSchema = {
      tags: [options.tag.name],
      summary: notes?.summary ?? route.handler,
      ...(notes?.description ? { description: notes.description } : {}),
      operationId: operationId(route.handler),
      parameters: parameters(route),
      responses,
    };
    const body = Object.entries(route.request?.body ?? {});
    if (body.length > 0) {
      const content = Object.fromEntries(
        body.map(([mediaType, schema]) => [
          mediaType,
          // Objects become components (client generators name their types); plain strings stay inline.
          { schema: schema instanceof z.ZodObject ? named(requestComponents, schema, `${name}Request`) : toJsonSchema(schema, 'input') },
        ])
      );
      operation.requestBody = { required: true, content };
    }
    const path = documentedPath(route, options.pluginId);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
  }

  return {
    tags: [options.tag],
    paths,
    components: { schemas: { ...toComponents(requestComponents, 'input'), ...toComponents(responseComponents, 'output') } },
  };
}
