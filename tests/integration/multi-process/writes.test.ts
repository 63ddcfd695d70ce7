import { authorized, startTwoInstances, type TwoInstances } from './helpers';

interface ImportAnswer {
  data: Array<{ index: number; status: string; documentId: string | null }>;
  meta: { created: number; duplicates: number; invalid: number };
}

const snippetDocument = (n: number, stamp: string) => `## Two processes, one file: story ${n} ${stamp}

Published on April 11, 2025

Document Date: Mon, Apr 27 2026 08:43:39 pm

Category: ,English,International - ,Multi Process

---

example.org

Story ${n} of a file imported by two processes at the same moment.
`;

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

  it('create each article of one import file once when both processes import it at the same moment', async () => {
    const stamp = Date.now().toString(36);
    const file = Array.from({ length: 25 }, (_, n) => snippetDocument(n, stamp)).join('\n');
    const post = (url: string) =>
      fetch(`${url}/api/newsroom/import?publish=true`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${pair.token}`, 'Content-Type': 'text/plain' },
        body: file,
      });
    const [first, second] = await Promise.all([post(pair.a.url), post(pair.b.url)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const answers = [(await first.json()) as ImportAnswer, (await second.json()) as ImportAnswer];
    expect(answers[0].meta.created + answers[1].meta.created).toBe(25);
    expect(answers[0].meta.duplicates + answers[1].meta.duplicates).toBe(25);
    expect(answers.every((answer) => answer.meta.invalid === 0)).toBe(true);

    const list = await fetch(
      `${pair.a.url}/api/newsroom/snippets?pageSize=100&q=${encodeURIComponent(stamp)}`,
      authorized(pair.token)
    );
    const snippets = (await list.json()) as { meta: { pagination: { total: number } }; data: Array<{ categories: Array<{ name: string }> }> };
    expect(snippets.meta.pagination.total).toBe(25);
    const categoryNames = new Set(snippets.data.flatMap((snippet) => snippet.categories.map((category) => category.name)));
    expect([...categoryNames].sort()).toEqual(['International', 'Multi Process']);
    const categories = await fetch(`${pair.b.url}/api/newsroom/categories?filters[name][$eqi]=multi%20process`, authorized(pair.token));
    expect(((await categories.json()) as { data: unknown[] }).data).toHaveLength(1);
  }, 180_000);
});
