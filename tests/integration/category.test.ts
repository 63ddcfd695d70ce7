import { uniqueTitle } from './helpers/factories';
import { rest } from './helpers/rest';
import { useStrapi } from './helpers/strapi';

interface RestCategory {
  documentId: string;
  name: string;
  slug: string;
}

describe('category', () => {
  const app = useStrapi();
  let api: ReturnType<typeof rest>;

  beforeAll(async () => {
    api = rest(app);
  });

  it('trims surrounding white space and punctuation from the name', async () => {
    const res = await api.createCategory({ name: '  International - ' });
    expect(res.status).toBe(201);
    expect(res.body.data.name).toBe('International');
    expect(res.body.data.slug).toBe('international');
  });

  it('refuses a second category whose name differs only in case', async () => {
    const name = uniqueTitle('Economy');
    expect((await api.createCategory({ name })).status).toBe(201);
    const res = await api.createCategory({ name: `${name.toUpperCase()}.` });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/already exists/);
  });

  it('refuses a name with nothing but punctuation', async () => {
    const res = await api.createCategory({ name: ' - , ' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['name']);
  });

  it('keeps its slug when the name changes, unless an editor changes the slug', async () => {
    const created = (await api.createCategory({ name: 'Science Desk' })).body.data as RestCategory;
    const renamed = await api.updateCategory(created.documentId, { name: 'Science and Technology' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data.slug).toBe('science-desk');
    const reslugged = await api.updateCategory(created.documentId, { slug: 'Sci Tech' });
    expect(reslugged.body.data.slug).toBe('sci-tech');
  });

  it('frees the name of a deleted category', async () => {
    const name = uniqueTitle('Temporary');
    const created = (await api.createCategory({ name })).body.data as RestCategory;
    const del = await app.http().delete(`/api/newsroom/categories/${created.documentId}`).set('Authorization', `Bearer ${app.token}`);
    expect(del.status).toBe(204);
    expect((await api.createCategory({ name })).status).toBe(201);
  });

  it('allows only one of many concurrent creates with the same name', async () => {
    const name = uniqueTitle('Race category');
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => api.createCategory({ name: i % 2 ? name : name.toLowerCase() })));
    expect(responses.filter((res) => res.status === 201)).toHaveLength(1);
    expect(responses.filter((res) => res.status === 400)).toHaveLength(9);
  });

  it('frees the name of a category deleted without the Document Service', async () => {
    const name = uniqueTitle('Orphaned');
    const created = (await api.createCategory({ name })).body.data as RestCategory;
    await app.strapi.db.query('plugin::newsroom.category').delete({ where: { documentId: created.documentId } });
    const again = await api.createCategory({ name });
    expect(again.status).toBe(201);
  });
});
