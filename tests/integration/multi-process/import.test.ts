import { buildFile } from '../../unit/factories/document';
import { importAnswer } from '../helpers/import';
import { authorized, startTwoInstances, type TwoInstances } from './helpers';

describe('two Strapi processes on one database', () => {
  let pair: TwoInstances;

  beforeAll(async () => {
    pair = await startTwoInstances();
  }, 240_000);
  afterAll(async () => pair?.stop());

  const post = async (url: string, text: string) => {
    const res = await fetch(`${url}/api/newsroom/import`, {
      ...authorized(pair.token, { method: 'POST', body: text }),
      headers: { Authorization: `Bearer ${pair.token}`, 'Content-Type': 'text/plain' },
    });
    expect(res.status).toBe(200);
    return importAnswer(await res.json());
  };

  const count = async (title: string) => {
    const res = await fetch(
      `${pair.a.url}/api/newsroom/articles?status=draft&filters[title][$eq]=${encodeURIComponent(title)}`,
      authorized(pair.token)
    );
    return ((await res.json()) as { meta: { pagination: { total: number } } }).meta.pagination.total;
  };

  it('import the same file at the same moment and create each article and category once', async () => {
    const run = Date.now().toString(36);
    const titles = Array.from({ length: 60 }, (_, i) => `Two processes ${run} document ${i}`);
    const documents = titles.map((title, i) => ({ title, category: `English, Shared ${run}, Group ${run} ${i % 3}` }));
    // The same documents, the second process in reverse order, so that the two meet half-way.
    const [a, b] = await Promise.all([post(pair.a.url, buildFile(documents)), post(pair.b.url, buildFile([...documents].reverse()))]);

    for (const answer of [a, b]) {
      expect(answer.meta.invalid).toBe(0);
      expect(answer.meta.created + answer.meta.duplicates).toBe(60);
    }
    expect(a.meta.created + b.meta.created).toBe(60);
    const idsA = new Map(a.data.map((entry) => [entry.title, entry.documentId]));
    for (const entry of b.data) expect(entry.documentId).toBe(idsA.get(entry.title));
    for (const title of titles) expect(await count(title)).toBe(1);

    const categories = await fetch(
      `${pair.b.url}/api/newsroom/categories?filters[name][$containsi]=${run}&pagination[pageSize]=100`,
      authorized(pair.token)
    );
    const names = ((await categories.json()) as { data: Array<{ name: string }> }).data.map((category) => category.name).sort();
    expect(names).toEqual([`Group ${run} 0`, `Group ${run} 1`, `Group ${run} 2`, `Shared ${run}`]);
  }, 180_000);
});
