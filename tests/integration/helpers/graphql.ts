/** GraphQL over HTTP (`POST /graphql`) and the users-permissions roles the GraphQL tests need. */
import type { TestApp } from './strapi';

export interface GraphqlError {
  message: string;
  extensions?: { code?: string; error?: { name?: string; details?: Record<string, unknown> } };
}

export interface GraphqlAnswer<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors: GraphqlError[];
}

/** `auth`: the full-access API token by default, a users-permissions JWT, or `null` for the Public role. */
export const graphql =
  (app: TestApp) =>
  async <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    auth: string | null = app.token
  ): Promise<GraphqlAnswer<T>> => {
    const req = app.http().post('/graphql').set('Content-Type', 'application/json');
    if (auth !== null) req.set('Authorization', `Bearer ${auth}`);
    const res = await req.send({ query, variables });
    const body = res.body as { data?: T | null; errors?: GraphqlError[] };
    return { status: res.status, data: body.data ?? null, errors: body.errors ?? [] };
  };

const roleId = async (app: TestApp, type: 'public' | 'authenticated') =>
  ((await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type } })) as { id: number }).id;

/** Grants a content-API action to a users-permissions role, as an admin does in Settings → Roles. */
export async function grant(app: TestApp, type: 'public' | 'authenticated', action: string): Promise<void> {
  await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: await roleId(app, type) } });
}

/** A confirmed user of the Authenticated role (no newsroom permission by default), and a JWT for them. */
export async function authenticatedUserJwt(app: TestApp): Promise<string> {
  const name = `reader${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const user = (await app.strapi.db.query('plugin::users-permissions.user').create({
    data: { username: name, email: `${name}@example.org`, provider: 'local', confirmed: true, blocked: false, role: await roleId(app, 'authenticated') },
  })) as { id: number };
  // A string, or a promise of one when users-permissions runs in its `refresh` session mode.
  return (await app.strapi.plugin('users-permissions').service('jwt').issue({ id: user.id })) as string;
}

/** The selection of every snippet field, in the REST order. */
export const SNIPPET_FIELDS = `
  documentId slug title excerpt language documentDate sourcePublishedDate source sourceUrl readingTime
  categories { name slug }
`;

export const SNIPPETS_QUERY = `
  query Snippets($category: [String!], $language: String, $from: String, $to: String, $q: String,
                 $sort: String, $page: Int, $pageSize: Int) {
    newsroomSnippets(category: $category, language: $language, from: $from, to: $to, q: $q,
                     sort: $sort, page: $page, pageSize: $pageSize) {
      data { ${SNIPPET_FIELDS} }
      meta { pagination { page pageSize pageCount total } }
    }
  }
`;

export const SNIPPET_QUERY = `
  query Snippet($slug: String!) { newsroomSnippet(slug: $slug) { ${SNIPPET_FIELDS} } }
`;
