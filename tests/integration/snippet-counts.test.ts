/**
 * The snippet list's totals (SPEC 4.2, 4.5) come from counts the database keeps per
 * (category, language) (server/src/repositories/snippet-counts.ts). Here: they stay exact
 * through every kind of write, they equal a real count of the rows, and pages stop at
 * result 10,000.
 *
 * A date range is always counted from the rows, so `from=0001-01-01` gives the real
 * total of the same filter to compare the kept one with.
 */
import { buildDocument } from '../unit/factories/document';
import { articles, categories, type StoredDocument } from './helpers/documents';
import { importAnswer, importApi } from './helpers/import';
import { createCategory, publishArticle, snippetList, snippetsApi, uniqueWord } from './helpers/snippets';
import { useStrapi } from './helpers/strapi';

const COUNTS_TABLE = 'newsroom_snippet_counts';

describe('snippet totals', () => {
  const app = useStrapi();
  let api: ReturnType<typeof snippetsApi>;

  beforeAll(() => {
    api = snippetsApi(app);
  });

  const total = async (query: string): Promise<number> => {
    const res = await api.list(`pageSize=1&${query}`);
    if (res.status !== 200) throw new Error(`GET /snippets?${query} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return snippetList(res.body).meta.pagination.total;
  };
  /** The kept total and the counted one of the same filter. */
  const both = async (query: string) => [await total(query), await total(`${query}&from=0001-01-01`)];

  /** The kept counts next to the same numbers counted from the rows, keys with a count of 0 left out. */
  const tableAndRealCount = async () => {
    const knex = app.strapi.db.connection;
    const kept = (await knex(COUNTS_TABLE).where('n', '<>', 0).select('category_id', 'language', 'n')) as Array<{
      category_id: number;
      language: string;
      n: number | string;
    }>;
    const published = await app.strapi.db.query('plugin::newsroom.article').findMany({
      where: { publishedAt: { $notNull: true } },
      select: ['id', 'language'],
      populate: { categories: { select: ['id'] } },
    });
    const real = new Map<string, number>();
    const add = (key: string) => real.set(key, (real.get(key) ?? 0) + 1);
    for (const row of published as Array<{ language: string | null; categories: Array<{ id: number }> }>) {
      add(`0/${row.language ?? ''}`);
      for (const category of row.categories) add(`${category.id}/${row.language ?? ''}`);
    }
    const keptMap = new Map(kept.map((row) => [`${row.category_id}/${row.language}`, Number(row.n)]));
    const sorted = (map: Map<string, number>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    return { kept: sorted(keptMap), real: sorted(real) };
  };

  const expectTableRight = async () => {
    const { kept, real } = await tableAndRealCount();
    expect(kept).toEqual(real);
  };

  describe('through every kind of write', () => {
    const word = uniqueWord('cnt');
    let red: StoredDocument;
    let blue: StoredDocument;
    const redSlug = () => red.slug as string;
    const blueSlug = () => blue.slug as string;

    beforeAll(async () => {
      red = await createCategory(app, `Red ${word}`);
      blue = await createCategory(app, `Blue ${word}`);
    });

    it('counts a published article under its language and each category, and drafts nowhere', async () => {
      const before = await total('');
      await publishArticle(app, { language: 'en', categories: [red.documentId] });
      await publishArticle(app, { language: 'en-GB', categories: [red.documentId, blue.documentId] });
      await publishArticle(app, { language: 'de', categories: [blue.documentId] });
      await articles(app).create({ data: { title: `Draft ${word}`, body: 'Draft.', language: 'en', categories: [red.documentId] } });

      expect(await total('')).toBe(before + 3);
      expect(await both(`category=${redSlug()}`)).toEqual([2, 2]);
      expect(await both(`category=${blueSlug()}`)).toEqual([2, 2]);
      expect(await both(`category=${redSlug()}&language=en`)).toEqual([2, 2]);
      expect(await both(`category=${redSlug()}&language=en-gb`)).toEqual([1, 1]);
      expect(await both(`category=${blueSlug()}&language=de`)).toEqual([1, 1]);
      expect(await both('language=de')).toEqual([1, 1]);
      await expectTableRight();
    });

    it('follows unpublish, publish again, discarding a draft and delete', async () => {
      const article = await publishArticle(app, { language: 'fr', categories: [red.documentId] });
      expect(await both(`category=${redSlug()}&language=fr`)).toEqual([1, 1]);

      await articles(app).unpublish({ documentId: article.documentId });
      expect(await both(`category=${redSlug()}&language=fr`)).toEqual([0, 0]);
      await articles(app).publish({ documentId: article.documentId });
      await articles(app).publish({ documentId: article.documentId });
      expect(await both(`category=${redSlug()}&language=fr`)).toEqual([1, 1]);

      await articles(app).update({ documentId: article.documentId, data: { title: `Changed ${word}` } });
      await articles(app).discardDraft({ documentId: article.documentId });
      expect(await both(`category=${redSlug()}&language=fr`)).toEqual([1, 1]);

      await articles(app).delete({ documentId: article.documentId });
      expect(await both(`category=${redSlug()}&language=fr`)).toEqual([0, 0]);
      expect(await both('language=fr')).toEqual([0, 0]);
      await expectTableRight();
    });

    it('moves an article when its published language or categories change, and not before publishing', async () => {
      const article = await publishArticle(app, { language: 'it', categories: [red.documentId] });
      await articles(app).update({ documentId: article.documentId, data: { language: 'es', categories: [blue.documentId] } });
      // The draft changed, the published version did not.
      expect(await both(`category=${redSlug()}&language=it`)).toEqual([1, 1]);
      expect(await both(`category=${blueSlug()}&language=es`)).toEqual([0, 0]);

      await articles(app).publish({ documentId: article.documentId });
      expect(await both(`category=${redSlug()}&language=it`)).toEqual([0, 0]);
      expect(await both(`category=${blueSlug()}&language=es`)).toEqual([1, 1]);
      expect(await both('language=es')).toEqual([1, 1]);
      await expectTableRight();
    });

    it('follows links changed from the category and a deleted category', async () => {
      const green = await createCategory(app, `Green ${word}`);
      const one = await publishArticle(app, { language: 'nl' });
      const two = await publishArticle(app, { language: 'nl' });
      await categories(app).update({ documentId: green.documentId, data: { articles: [one.documentId, two.documentId] } });
      const greenSlug = green.slug as string;
      expect(await both(`category=${greenSlug}`)).toEqual([2, 2]);
      expect(await both(`category=${greenSlug}&language=nl`)).toEqual([2, 2]);

      await categories(app).update({ documentId: green.documentId, data: { articles: [two.documentId] } });
      expect(await both(`category=${greenSlug}`)).toEqual([1, 1]);
      await expectTableRight();

      await categories(app).delete({ documentId: green.documentId });
      expect(await both(`category=${greenSlug}`)).toEqual([0, 0]);
      expect(await both('language=nl')).toEqual([2, 2]);
      await expectTableRight();
    });

    it('counts published imports, and not draft imports', async () => {
      const label = uniqueWord('Imp');
      const documents = [1, 2, 3].map((i) =>
        buildDocument({ title: `Imported ${label} ${i}`, category: `,English,Imported ${label}` })
      );
      const before = await total('language=en');
      const published = importAnswer((await importApi(app).json({ documents, publish: true })).body);
      expect(published.meta.created).toBe(3);
      const drafts = importAnswer(
        (await importApi(app).json({ documents: [buildDocument({ title: `Draft ${label}`, category: `,English,Imported ${label}` })] })).body
      );
      expect(drafts.meta.created).toBe(1);

      expect(await total('language=en')).toBe(before + 3);
      expect(await both(`category=imported-${label.toLowerCase()}`)).toEqual([3, 3]);
      await expectTableRight();
    });

    it('agrees with the rows for every filter it keeps', async () => {
      for (const query of ['', 'language=en', `category=${redSlug()}`, `category=${blueSlug()}&language=en`, 'category=no-such-category']) {
        const [kept, counted] = await both(query);
        expect([query, kept]).toEqual([query, counted]);
      }
    });

    it('counts several categories from the rows: an article in two of them is one result', async () => {
      expect(await total(`category=${redSlug()},${blueSlug()}&language=en`)).toBe(2);
    });

    it('recounts from the rows after the table was damaged', async () => {
      await app.strapi.db.connection(COUNTS_TABLE).update({ n: 999 });
      await (app.strapi.plugin('newsroom').service('snippets') as { recomputeCounts(): Promise<void> }).recomputeCounts();
      await expectTableRight();
    });
  });

  describe('deep pages', () => {
    it('answers a 400 naming the bound beyond result 10,000', async () => {
      const res = await api.list('page=401&pageSize=25');
      expect(res.status).toBe(400);
      expect(res.body.error.details.parameter).toBe('page');
      expect(res.body.error.message).toContain('past result 10000');
      expect((await api.list('page=400&pageSize=25')).status).toBe(200);
    });
  });
});
