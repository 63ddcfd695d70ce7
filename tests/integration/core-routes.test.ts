import { articleData } from './helpers/factories';
import { rest, type RestArticle } from './helpers/rest';
import { useStrapi } from './helpers/strapi';

describe('core REST routes', () => {
  const app = useStrapi();
  let api: ReturnType<typeof rest>;

  beforeAll(async () => {
    api = rest(app);
  });

  it('lists, finds, updates and deletes articles under /api/newsroom/articles', async () => {
    const category = (await api.createCategory({ name: 'Snippets' })).body.data as { documentId: string };
    const created = (await api.createArticle(articleData({ categories: [category.documentId] }), 'published')).body.data as RestArticle;

    const list = await api.listArticles('?populate=categories&pagination[pageSize]=5');
    expect(list.status).toBe(200);
    const found = list.body.data.find((a: RestArticle) => a.documentId === created.documentId);
    expect(found.categories.map((c: { name: string }) => c.name)).toEqual(['Snippets']);
    expect(list.body.meta.pagination.pageSize).toBe(5);

    expect((await api.getArticle(created.documentId, 'published')).body.data.title).toBe(created.title);
    const del = await api.deleteArticle(created.documentId);
    expect(del.status).toBe(204);
    expect((await api.getArticle(created.documentId, 'published')).status).toBe(404);
  });

  it('shows drafts only with status=draft', async () => {
    const draft = (await api.createArticle(articleData(), 'draft')).body.data as RestArticle;
    const published = await api.listArticles('?pagination[pageSize]=100');
    expect(published.body.data.map((a: RestArticle) => a.documentId)).not.toContain(draft.documentId);
    const drafts = await api.listArticles('?status=draft&pagination[pageSize]=100');
    expect(drafts.body.data.map((a: RestArticle) => a.documentId)).toContain(draft.documentId);
  });

  it('is closed to the public until an admin allows it', async () => {
    expect((await app.http().get('/api/newsroom/articles')).status).toBe(403);
    expect((await app.http().post('/api/newsroom/articles').send({ data: articleData() })).status).toBe(403);
    expect((await app.http().get('/api/newsroom/categories')).status).toBe(403);
  });

  it('refuses an invalid API token', async () => {
    const res = await app.http().get('/api/newsroom/articles').set('Authorization', 'Bearer not-a-token');
    expect(res.status).toBe(401);
  });
});
