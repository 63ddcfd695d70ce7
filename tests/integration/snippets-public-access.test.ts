/**
 * SPEC 4 and 9: anonymous snippet requests are answered without Strapi's per-request
 * permission lookup (snippet-fast-path/routes.ts), yet every decision stays the one
 * Users & Permissions and API tokens would make.
 */
import { publishArticle, snippetList } from './helpers/snippets';
import { useStrapi } from './helpers/strapi';

const PERMISSION = 'plugin::users-permissions.permission';

describe('snippet endpoint for anonymous clients', () => {
  const app = useStrapi();
  let publicRoleId: number;

  const grantPublic = (action: string) =>
    app.strapi.db.query(PERMISSION).create({ data: { action, role: publicRoleId } }) as Promise<{ id: number }>;
  const revokePublic = async (action: string) => {
    const granted = (await app.strapi.db.query(PERMISSION).findMany({ where: { action, role: { id: publicRoleId } } })) as Array<{ id: number }>;
    for (const { id } of granted) await app.strapi.db.query(PERMISSION).delete({ where: { id } });
  };
  const customToken = async (permissions: string[]) =>
    ((await app.strapi.service('admin::api-token').create({
      name: `snippet-access-${Date.now()}-${Math.random()}`,
      type: 'custom',
      lifespan: null,
      permissions,
    })) as { accessKey: string }).accessKey;

  beforeAll(async () => {
    publicRoleId = ((await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } })) as { id: number }).id;
  });
  afterEach(async () => {
    await revokePublic('plugin::newsroom.snippet.find');
    await revokePublic('plugin::newsroom.snippet.findOne');
  });

  it('opens and closes with the Public role at the next request', async () => {
    const article = await publishArticle(app);
    expect((await app.http().get('/api/newsroom/snippets')).status).toBe(403);

    await grantPublic('plugin::newsroom.snippet.find');
    await grantPublic('plugin::newsroom.snippet.findOne');
    const list = await app.http().get('/api/newsroom/snippets');
    expect(list.status).toBe(200);
    expect(snippetList(list.body).data.map((snippet) => snippet.slug)).toContain(article.slug);
    expect((await app.http().get(`/api/newsroom/snippets/${article.slug}`)).status).toBe(200);

    await revokePublic('plugin::newsroom.snippet.findOne');
    expect((await app.http().get(`/api/newsroom/snippets/${article.slug}`)).status).toBe(403);
    expect((await app.http().get('/api/newsroom/snippets')).status).toBe(200);
    await revokePublic('plugin::newsroom.snippet.find');
    expect((await app.http().get('/api/newsroom/snippets')).status).toBe(403);
  });

  it('answers anonymous clients exactly as an authenticated client, errors included; only shared caching differs', async () => {
    const article = await publishArticle(app);
    await grantPublic('plugin::newsroom.snippet.find');
    await grantPublic('plugin::newsroom.snippet.findOne');

    for (const path of ['/api/newsroom/snippets?pageSize=5', `/api/newsroom/snippets/${article.slug}`, '/api/newsroom/snippets?pageSize=0', '/api/newsroom/snippets?filters[x]=1', '/api/newsroom/snippets/no-such-slug']) {
      const anonymous = await app.http().get(path);
      const withToken = await app.http().get(path).set('Authorization', `Bearer ${app.token}`);
      expect({ path, status: anonymous.status, body: anonymous.body }).toEqual({ path, status: withToken.status, body: withToken.body });
      expect(anonymous.headers.etag).toBe(withToken.headers.etag);
      expect(anonymous.headers.vary).toBe(withToken.headers.vary);
      // SPEC 4.2: public without credentials, private with them.
      expect(anonymous.headers['cache-control']).toBe(withToken.headers['cache-control']?.replace(/^private/, 'public'));
    }
    const etag = (await app.http().get('/api/newsroom/snippets')).headers.etag as string;
    expect((await app.http().get('/api/newsroom/snippets').set('If-None-Match', etag)).status).toBe(304);
  });

  it("does not read the Public role's permissions from the database for every request", async () => {
    await grantPublic('plugin::newsroom.snippet.find');
    const table = app.strapi.db.metadata.get(PERMISSION).tableName;
    let permissionReads = 0;
    const count = (query: { sql?: string }) => {
      if (query.sql?.includes(table)) permissionReads += 1;
    };
    app.strapi.db.connection.on('query', count);
    try {
      for (let i = 0; i < 10; i += 1) expect((await app.http().get('/api/newsroom/snippets')).status).toBe(200);
    } finally {
      app.strapi.db.connection.off('query', count);
    }
    // Once when the cached ability is missing or a second old; a slow machine may need it twice.
    expect(permissionReads).toBeLessThanOrEqual(2);
  });

  it('leaves clients with credentials to Strapi, even when the Public role may read', async () => {
    await grantPublic('plugin::newsroom.snippet.find');
    const withoutSnippets = await customToken(['plugin::newsroom.article.find']);
    const withSnippets = await customToken(['plugin::newsroom.snippet.find']);

    expect((await app.http().get('/api/newsroom/snippets')).status).toBe(200);
    expect((await app.http().get('/api/newsroom/snippets').set('Authorization', `Bearer ${withoutSnippets}`)).status).toBe(403);
    expect((await app.http().get('/api/newsroom/snippets').set('Authorization', `Bearer ${withSnippets}`)).status).toBe(200);
    expect((await app.http().get('/api/newsroom/snippets').set('Authorization', 'Bearer not-a-token')).status).toBe(401);
    expect((await app.http().get('/api/newsroom/snippets').set('Authorization', 'Basic dXNlcjpwYXNz')).status).toBe(200);
  });
});
