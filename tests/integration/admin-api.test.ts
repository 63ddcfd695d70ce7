import fs from 'node:fs';
import path from 'node:path';
import { createAdmin, registerSuperAdmin, type AdminSession } from './helpers/admin';
import { documents } from './helpers/documents';
import { articleData, words } from './helpers/factories';
import { snippetList } from './helpers/snippets';
import { useStrapi } from './helpers/strapi';

const SEED = fs.readFileSync(path.resolve(__dirname, '../fixtures/seed-khamenei-nuclear-talks.txt'), 'utf8');
const ARTICLE = 'plugin::newsroom.article';

describe('newsroom admin API', () => {
  const app = useStrapi();
  let admin: AdminSession;
  let editor: AdminSession;
  let articleId: string;

  /** Every admin route with a request that succeeds for an admin holding its permission. */
  const routes = (): Array<[string, (session: AdminSession) => import('supertest').Test]> => [
    ['GET /newsroom/settings', (s) => s.get('/newsroom/settings')],
    ['PUT /newsroom/settings', (s) => s.put('/newsroom/settings', { cacheMaxAge: 60 })],
    ['GET /newsroom/snippets', (s) => s.get('/newsroom/snippets')],
    ['GET /newsroom/filters', (s) => s.get('/newsroom/filters')],
    ['POST /newsroom/import/preview', (s) => s.post('/newsroom/import/preview', { documents: [SEED] })],
    ['POST /newsroom/import', (s) => s.post('/newsroom/import', { documents: [SEED] })],
    ['GET /newsroom/articles/:documentId/preview', (s) => s.get(`/newsroom/articles/${articleId}/preview`)],
  ];

  beforeAll(async () => {
    admin = await registerSuperAdmin(app);
    editor = await createAdmin(app, 'Editor without Newsroom');
    articleId = (await documents(app, ARTICLE).create({ data: articleData() })).documentId;
  });

  describe('permissions', () => {
    it('answers 401 to a request without an admin token', async () => {
      expect((await app.http().get('/newsroom/settings')).status).toBe(401);
      expect((await app.http().get('/newsroom/snippets')).status).toBe(401);
    });

    it('answers 403 on every route to an editor whose role has no Newsroom permission', async () => {
      for (const [name, request] of routes()) {
        const res = await request(editor);
        expect([name, res.status]).toEqual([name, 403]);
      }
    });

    it('answers 200 on every route to the super admin', async () => {
      for (const [name, request] of routes()) {
        const res = await request(admin);
        expect([name, res.status]).toEqual([name, 200]);
      }
    });

    it('grants each route by its own action', async () => {
      const reader = await createAdmin(app, 'Newsroom reader', ['plugin::newsroom.read', 'plugin::newsroom.settings.read']);
      expect((await reader.get('/newsroom/snippets')).status).toBe(200);
      expect((await reader.get('/newsroom/settings')).status).toBe(200);
      expect((await reader.put('/newsroom/settings', { cacheMaxAge: 30 })).status).toBe(403);
      expect((await reader.post('/newsroom/import/preview', { documents: [SEED] })).status).toBe(403);
      // The preview panel follows the Content Manager's read permission on articles.
      expect((await reader.get(`/newsroom/articles/${articleId}/preview`)).status).toBe(403);
      const contentEditor = await createAdmin(app, 'Article reader', [['plugin::content-manager.explorer.read', ARTICLE]]);
      expect((await contentEditor.get(`/newsroom/articles/${articleId}/preview`)).status).toBe(200);
    });

    it('imports only for roles that may also create articles, and publishes only for those that may publish them', async () => {
      const text = SEED.replace("Iran's Supreme Leader", 'Permission check');
      const importer = await createAdmin(app, 'Importer only', ['plugin::newsroom.import']);
      const preview = await importer.post('/newsroom/import/preview', { documents: [text] });
      expect([preview.status, preview.body.data[0].status]).toEqual([200, 'new']);
      expect((await importer.post('/newsroom/import', { documents: [text] })).status).toBe(403);

      const author = await createAdmin(app, 'Importing author', ['plugin::newsroom.import', ['plugin::content-manager.explorer.create', ARTICLE]]);
      const published = await author.post('/newsroom/import', { documents: [text], publish: true });
      expect(published.status).toBe(403);
      expect(published.body.error.message).toMatch(/publish/);
      const drafts = await author.post('/newsroom/import', { documents: [text] });
      expect(drafts.status).toBe(200);
      expect(drafts.body.meta.created).toBe(1);
    });

    it('registers the four actions under Plugins → Newsroom in the roles editor', async () => {
      const res = await admin.get('/admin/permissions');
      expect(res.status).toBe(200);
      const plugins = (res.body as { data: { sections: { plugins: Array<{ action: string; plugin: string; subCategory: string }> } } }).data
        .sections.plugins;
      const newsroom = plugins.filter((action) => action.plugin === 'newsroom').map((action) => action.action);
      expect(newsroom.sort()).toEqual([
        'plugin::newsroom.import',
        'plugin::newsroom.read',
        'plugin::newsroom.settings.read',
        'plugin::newsroom.settings.update',
      ]);
    });
  });

  describe('settings', () => {
    it('answers the effective settings', async () => {
      const res = await admin.get('/newsroom/settings');
      expect(res.body.data).toEqual(
        expect.objectContaining({ excerptLength: expect.any(Number), defaultLanguage: 'en', importTimeZone: 'UTC' })
      );
    });

    it('rejects a bad value with a 400 naming the field', async () => {
      const res = await admin.put('/newsroom/settings', { excerptLength: 5, importTimeZone: 'Mars/Olympus' });
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.message).toMatch(/excerptLength/);
      const paths = (res.body.error.details.errors as Array<{ path: string[] }>).map((error) => error.path[0]);
      expect(paths.sort()).toEqual(['excerptLength', 'importTimeZone']);
    });

    it('rejects a key that is not a setting, naming it', async () => {
      const res = await admin.put('/newsroom/settings', { excerptLenght: 100 });
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual(['excerptLenght']);
    });

    it('shows a saved change on the next GET and applies it to the next article write', async () => {
      const saved = await admin.put('/newsroom/settings', { excerptLength: 100, languages: ['EN', 'de'] });
      expect(saved.status).toBe(200);
      expect(saved.body.data).toEqual(expect.objectContaining({ excerptLength: 100, languages: ['en', 'de'] }));
      expect((await admin.get('/newsroom/settings')).body.data).toEqual(saved.body.data);

      const article = await documents(app, ARTICLE).create({ data: articleData({ body: words(120, 'lorem') }) });
      expect(Array.from(article.excerpt as string).length).toBeLessThanOrEqual(100);
      await admin.put('/newsroom/settings', { excerptLength: 280, languages: [] });
    });
  });

  describe('import', () => {
    it('previews the documents without writing anything', async () => {
      const before = await documents(app, ARTICLE).count({});
      const res = await admin.post('/newsroom/import/preview', { documents: [`${SEED}\n\n## \n\nno title here`] });
      expect(res.status).toBe(200);
      expect(await documents(app, ARTICLE).count({})).toBe(before);
      const [seed, broken] = res.body.data;
      expect(seed.article).toEqual(
        expect.objectContaining({ language: 'en', categories: ['International', 'Snippets'], source: 'rki.news', sourcePublishedDate: '2025-04-11' })
      );
      expect(broken.status).toBe('invalid');
      expect(broken.errors[0].line).toBeGreaterThan(28);
    });

    it('imports as drafts, then reports the same documents as duplicates', async () => {
      const text = SEED.replace("Iran's Supreme Leader", 'Admin import: Supreme Leader');
      const first = await admin.post('/newsroom/import', { documents: [text] });
      expect(first.body.meta).toEqual({ created: 1, duplicates: 0, invalid: 0 });
      const created = first.body.data[0];
      expect((await documents(app, ARTICLE).findOne({ documentId: created.documentId, status: 'published' }))).toBeNull();
      const again = await admin.post('/newsroom/import', { documents: [text] });
      expect(again.body.data[0]).toEqual(expect.objectContaining({ status: 'duplicate', documentId: created.documentId }));
    });

    it('rejects a body that is not the JSON form, naming the field', async () => {
      const res = await admin.post('/newsroom/import', { text: SEED });
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual(['documents']);
      expect(res.body.error.message).toMatch(/documents/);
    });
  });

  describe('snippets and the article preview', () => {
    it('lists published snippets with the snippet endpoint\'s query rules', async () => {
      const text = SEED.replace("Iran's Supreme Leader", 'Published from the admin');
      const imported = await admin.post('/newsroom/import', { documents: [text], publish: true });
      const { documentId } = imported.body.data[0];
      const res = await admin.get('/newsroom/snippets?category=snippets&q=published%20from');
      // The admin list answers in the snippet endpoint's shape.
      expect(snippetList(res.body).data.map((snippet) => snippet.documentId)).toEqual([documentId]);
      expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 1 });
      const bad = await admin.get('/newsroom/snippets?pageSize=1000');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/pageSize/);
    });

    it('offers the categories and languages of published snippets as filters', async () => {
      const res = await admin.get('/newsroom/filters');
      expect(res.body.data.categories).toEqual(
        expect.arrayContaining([
          { name: 'International', slug: 'international' },
          { name: 'Snippets', slug: 'snippets' },
        ])
      );
      expect(res.body.data.languages).toContain('en');
    });

    it('previews a draft as the endpoint would serve it, flagged as not published', async () => {
      const draft = await documents(app, ARTICLE).create({ data: articleData({ body: words(300) }) });
      const res = await admin.get(`/newsroom/articles/${draft.documentId}/preview`);
      expect(res.body.meta).toEqual({ published: false, hasDraftChanges: false, hiddenFields: [] });
      expect(res.body.data).toEqual(expect.objectContaining({ documentId: draft.documentId, slug: draft.slug, readingTime: 2, categories: [] }));
    });

    it('previews a published article exactly as the snippet endpoint serves it', async () => {
      const article = await documents(app, ARTICLE).create({ data: articleData(), status: 'published' });
      const served = await app.http().get(`/api/newsroom/snippets/${article.slug as string}`).set('Authorization', `Bearer ${app.token}`);
      const res = await admin.get(`/newsroom/articles/${article.documentId}/preview`);
      expect(res.body).toEqual({ data: served.body.data, meta: { published: true, hasDraftChanges: false, hiddenFields: [] } });

      await documents(app, ARTICLE).update({ documentId: article.documentId, data: { title: 'Changed in the draft only' } });
      const changed = await admin.get(`/newsroom/articles/${article.documentId}/preview`);
      expect(changed.body.meta).toEqual({ published: true, hasDraftChanges: true, hiddenFields: [] });
      expect(changed.body.data.title).toBe(served.body.data.title);
    });

    it('answers 404 for an unknown article', async () => {
      expect((await admin.get('/newsroom/articles/nope0000000000000000000/preview')).status).toBe(404);
    });
  });
});
