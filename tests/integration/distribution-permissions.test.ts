/**
 * SPEC 10: feed and sitemap routes are content-API routes with permissions of their own
 * under Newsroom, none public by default: 403 without the permission, open through the
 * Public role or an API token that has it; public answers may be kept by shared caches.
 */
import { API_HOST, SITE_URL, textParser } from './helpers/feeds';
import { publishArticle } from './helpers/snippets';
import { startStrapi, type TestApp } from './helpers/strapi';

const PERMISSION = 'plugin::users-permissions.permission';
const ROUTES: Array<[path: string, action: string]> = [
  ['/api/newsroom/feeds/rss', 'plugin::newsroom.feed-rss.find'],
  ['/api/newsroom/feeds/atom', 'plugin::newsroom.feed-atom.find'],
  ['/api/newsroom/feeds/json', 'plugin::newsroom.feed-json.find'],
  ['/api/newsroom/sitemap.xml', 'plugin::newsroom.sitemap.find'],
  ['/api/newsroom/sitemap-1.xml', 'plugin::newsroom.sitemap.find'],
  ['/api/newsroom/news-sitemap.xml', 'plugin::newsroom.news-sitemap.find'],
];

describe('feed and sitemap permissions', () => {
  let app: TestApp;
  let publicRoleId: number;

  const get = (path: string, token?: string) => {
    const req = app.http().get(path).set('Host', API_HOST).buffer(true).parse(textParser);
    return token === undefined ? req : req.set('Authorization', `Bearer ${token}`);
  };
  const grantPublic = (action: string) => app.strapi.db.query(PERMISSION).create({ data: { action, role: publicRoleId } });
  const customToken = async (permissions: string[]) =>
    ((await app.strapi.service('admin::api-token').create({
      name: `distribution-${Date.now()}-${Math.random()}`,
      type: 'custom',
      lifespan: null,
      permissions,
    })) as { accessKey: string }).accessKey;

  beforeAll(async () => {
    app = await startStrapi({ NEWSROOM_SITE_URL: SITE_URL });
    publicRoleId = ((await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } })) as { id: number }).id;
    await publishArticle(app);
  });
  afterAll(async () => app?.stop());

  it('are listed under Newsroom for roles and API tokens', () => {
    const roleActions = app.strapi.plugin('users-permissions').service('users-permissions').getActions() as Record<
      string,
      { controllers: Record<string, Record<string, unknown>> }
    >;
    const controllers = roleActions['plugin::newsroom'].controllers;
    for (const name of ['feed-rss', 'feed-atom', 'feed-json', 'sitemap', 'news-sitemap']) {
      expect([name, Object.keys(controllers[name] ?? {})]).toEqual([name, ['find']]);
    }
    const tokenActions = app.strapi.contentAPI.permissions.providers.action.keys();
    expect(tokenActions).toEqual(expect.arrayContaining([...new Set(ROUTES.map(([, action]) => action))]));
  });

  it('answer 403 to anonymous clients until the Public role is allowed, then 200 with public caching', async () => {
    for (const [path] of ROUTES) expect({ path, status: (await get(path)).status }).toEqual({ path, status: 403 });
    for (const action of new Set(ROUTES.map(([, a]) => a))) await grantPublic(action);
    for (const [path] of ROUTES) {
      const res = await get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      expect(res.headers.vary).toMatch(/Authorization/);
    }
  });

  it('answer an API token exactly for the actions it holds, and a read-only token for all', async () => {
    const rssOnly = await customToken(['plugin::newsroom.feed-rss.find']);
    expect((await get('/api/newsroom/feeds/rss', rssOnly)).status).toBe(200);
    expect((await get('/api/newsroom/feeds/atom', rssOnly)).status).toBe(403);
    expect((await get('/api/newsroom/sitemap.xml', rssOnly)).status).toBe(403);

    const sitemapOnly = await customToken(['plugin::newsroom.sitemap.find']);
    expect((await get('/api/newsroom/sitemap.xml', sitemapOnly)).status).toBe(200);
    expect((await get('/api/newsroom/sitemap-1.xml', sitemapOnly)).status).toBe(200);
    expect((await get('/api/newsroom/news-sitemap.xml', sitemapOnly)).status).toBe(403);

    const readOnly = ((await app.strapi.service('admin::api-token').create({
      name: `read-only-${Date.now()}`,
      type: 'read-only',
      lifespan: null,
    })) as { accessKey: string }).accessKey;
    for (const [path] of ROUTES) {
      const res = await get(path, readOnly);
      expect({ path, status: res.status, cache: res.headers['cache-control'] }).toEqual({ path, status: 200, cache: 'private, max-age=60' });
    }
  });
});
