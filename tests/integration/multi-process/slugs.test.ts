import { authorized, startTwoInstances, type TwoInstances } from './helpers';


describe('two Strapi processes on one database', () => {
  let pair: TwoInstances;

  beforeAll(async () => {
    pair = await startTwoInstances();
  }, 240_000);
  afterAll(async () => pair?.stop());

  it('give 200 concurrent creates with one title 200 distinct slugs and no failed request', async () => {
    const title = `Breaking news from two processes ${Date.now().toString(36)} today`;
    const create = (url: string) =>
      fetch(`${url}/api/newsroom/articles?status=draft`, authorized(pair.token, { method: 'POST', body: JSON.stringify({ data: { title, body: 'Body.' } }) }));
    const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => create(i % 2 ? pair.a.url : pair.b.url)));
    const statuses = responses.map((res) => res.status);
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    const slugs = await Promise.all(responses.map(async (res) => ((await res.json()) as { data: { slug: string } }).data.slug));
    expect(new Set(slugs).size).toBe(200);

    const list = await fetch(
      `${pair.b.url}/api/newsroom/articles?status=draft&pagination[pageSize]=100&pagination[page]=1&filters[title][$eq]=${encodeURIComponent(title)}`,
      authorized(pair.token)
    );
    const body = (await list.json()) as { meta: { pagination: { total: number } } };
    expect(body.meta.pagination.total).toBe(200);
  }, 180_000);
});
