/**
 * The kept snippet totals (server/src/repositories/snippet-counts.ts) under concurrent
 * writes from two processes on one database: no change is lost or counted twice.
 * A date range is counted from the rows, so `from=0001-01-01` gives the real total.
 */
import { authorized, startTwoInstances, type TwoInstances } from './helpers';

describe('snippet totals with two Strapi processes writing at once', () => {
  let pair: TwoInstances;

  beforeAll(async () => {
    pair = await startTwoInstances();
  }, 240_000);
  afterAll(async () => pair?.stop());

  const call = async <T>(url: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${url}${path}`, authorized(pair.token, init));
    return { status: res.status, body: (await res.json().catch(() => null)) as T };
  };
  const total = async (url: string, query: string) =>
    (await call<{ meta: { pagination: { total: number } } }>(url, `/api/newsroom/snippets?pageSize=1&${query}`)).body.meta.pagination.total;

  it('stay exact through concurrent publishes and deletes in both processes', async () => {
    const suffix = Date.now().toString(36);
    const categories = await Promise.all(
      ['North', 'South'].map(async (name) => {
        const { status, body } = await call<{ data: { documentId: string; slug: string } }>(pair.a.url, '/api/newsroom/categories', {
          method: 'POST',
          body: JSON.stringify({ data: { name: `${name} ${suffix}` } }),
        });
        expect(status).toBe(201);
        return body.data;
      })
    );
    const languages = ['en', 'de', 'en-gb'];
    const creates = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        call<{ data: { documentId: string } }>(i % 2 ? pair.a.url : pair.b.url, '/api/newsroom/articles?status=published', {
          method: 'POST',
          body: JSON.stringify({
            data: {
              title: `Concurrent ${suffix} ${i}`,
              body: 'Body.',
              language: languages[i % 3],
              categories: i % 4 === 0 ? categories.map((c) => c.documentId) : [categories[i % 2].documentId],
            },
          }),
        })
      )
    );
    expect(creates.map((res) => res.status).filter((status) => status !== 201)).toEqual([]);

    // Delete every fifth, from the other process, while more are created.
    const deleted = creates.filter((_, i) => i % 5 === 0).map((res) => res.body.data.documentId);
    const more = await Promise.all([
      ...deleted.map((documentId, i) =>
        call(i % 2 ? pair.b.url : pair.a.url, `/api/newsroom/articles/${documentId}`, { method: 'DELETE' }).then((res) => res.status)
      ),
      ...Array.from({ length: 20 }, (_, i) =>
        call(i % 2 ? pair.b.url : pair.a.url, '/api/newsroom/articles?status=published', {
          method: 'POST',
          body: JSON.stringify({ data: { title: `More ${suffix} ${i}`, body: 'Body.', language: 'de', categories: [categories[0].documentId] } }),
        }).then((res) => res.status)
      ),
    ]);
    expect(more.filter((status) => status !== 201 && status !== 204 && status !== 200)).toEqual([]);

    for (const url of [pair.a.url, pair.b.url]) {
      for (const query of [
        '',
        'language=de',
        'language=en',
        `category=${categories[0].slug}`,
        `category=${categories[1].slug}&language=en`,
        `category=${categories[0].slug}&language=de`,
      ]) {
        expect([query, await total(url, query)]).toEqual([query, await total(url, `${query}&from=0001-01-01`)]);
      }
    }
    // 80 created, 12 deleted; category 0: i even or i % 4 === 0 (30), minus deleted evens (6), plus 20 more.
    expect(await total(pair.b.url, '')).toBe(68);
    expect(await total(pair.b.url, `category=${categories[0].slug}`)).toBe(44);
  }, 180_000);
});
