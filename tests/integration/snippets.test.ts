/**
 * The snippet endpoint (SPEC 4.2, 4.3) over HTTP against a real Strapi: what it serves.
 * Each group builds its own articles around a unique word and searches for it
 * (`q=<word>`), so groups never see each other's data. Query validation and caching
 * have files of their own (snippets-validation, snippets-caching).
 */
import { articles, type StoredDocument } from './helpers/documents';
import { createCategory, draftArticle, publishArticle, snippetList, snippetOne, snippetsApi, uniqueWord } from './helpers/snippets';
import { useStrapi } from './helpers/strapi';

describe('snippet endpoint', () => {
  const app = useStrapi();
  let api: ReturnType<typeof snippetsApi>;

  beforeAll(async () => {
    api = snippetsApi(app);
  });

  describe('filters, sorting and pagination', () => {
    const word = uniqueWord('set');
    const slugOf = (name: string) => `${name.toLowerCase()}-${word}`;
    let alpha: StoredDocument;
    let delta: StoredDocument;

    beforeAll(async () => {
      const international = await createCategory(app, `International ${word}`);
      const snippets = await createCategory(app, `Snippets ${word}`);
      alpha = await publishArticle(app, {
        title: `Alpha ${word}`,
        language: 'en',
        documentDate: '2026-01-10T08:00:00.000Z',
        sourcePublishedDate: '2025-04-11',
        source: 'rki.news',
        sourceUrl: 'https://rki.news/alpha',
        categories: [international.documentId],
      });
      await publishArticle(app, {
        title: `bravo ${word}`,
        language: 'German',
        documentDate: '2026-01-15T23:59:59.500Z',
        categories: [snippets.documentId],
      });
      await publishArticle(app, {
        title: `Charlie ${word}`,
        language: 'en-GB',
        documentDate: '2026-01-20T00:00:00.000Z',
        categories: [snippets.documentId, international.documentId],
      });
      delta = await publishArticle(app, {
        title: `delta ${word} 100%`,
        language: 'fa',
        documentDate: '2026-01-31T12:00:00.000Z',
        body: `The Zebrafish${word} report was read aloud.`,
      });
      await draftArticle(app, { title: `Echo ${word}`, language: 'en', documentDate: '2026-01-12T00:00:00.000Z' });
    });

    const titles = (query: string) => api.titles(`q=${word}&${query}`);
    const sorted = (list: string[]) => [...list].sort();

    it('serves the documented shape, with absent optional fields as null', async () => {
      const res = await api.list(`q=alpha+${word}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const body = snippetList(res.body);
      expect(body).toEqual({
        data: [
          {
            documentId: alpha.documentId,
            slug: `alpha-${word}`,
            title: `Alpha ${word}`,
            excerpt: 'Negotiators met again on Saturday. Both sides called the talks constructive.',
            language: 'en',
            documentDate: '2026-01-10T08:00:00.000Z',
            sourcePublishedDate: '2025-04-11',
            source: 'rki.news',
            sourceUrl: 'https://rki.news/alpha',
            readingTime: 1,
            categories: [{ name: `International ${word}`, slug: slugOf('International') }],
          },
        ],
        meta: { pagination: { page: 1, pageSize: 25, pageCount: 1, total: 1 } },
      });
      const [bare] = snippetList((await api.list(`q=zebrafish${word}`)).body).data;
      expect(bare).toMatchObject({ documentId: delta.documentId, sourcePublishedDate: null, source: null, sourceUrl: null, categories: [] });
    });

    it('lists categories sorted by name', async () => {
      const [charlie] = snippetList((await api.list(`q=charlie+${word}`)).body).data;
      expect(charlie.categories.map((category) => category.name)).toEqual([`International ${word}`, `Snippets ${word}`]);
    });

    it('narrows by one category, a comma list or a repeated parameter, each article once', async () => {
      expect(sorted(await titles(`category=${slugOf('International')}`))).toEqual([`Alpha ${word}`, `Charlie ${word}`]);
      const both = [`Alpha ${word}`, `Charlie ${word}`, `bravo ${word}`];
      expect(sorted(await titles(`category=${slugOf('International')},${slugOf('Snippets')}`))).toEqual(both);
      expect(sorted(await titles(`category=${slugOf('International')}&category=${slugOf('Snippets')}`))).toEqual(both);
      expect(await titles(`category=no-such-category-${word}`)).toEqual([]);
    });

    it('narrows by language code, matching regional variants, and by language name', async () => {
      expect(sorted(await titles('language=en'))).toEqual([`Alpha ${word}`, `Charlie ${word}`]);
      expect(sorted(await titles('language=English'))).toEqual([`Alpha ${word}`, `Charlie ${word}`]);
      expect(await titles('language=en-GB')).toEqual([`Charlie ${word}`]);
      expect(await titles('language=de')).toEqual([`bravo ${word}`]);
      expect(await titles('language=Persian')).toEqual([`delta ${word} 100%`]);
    });

    it('bounds documentDate inclusively with from and to; a date-only to covers its whole day', async () => {
      expect(await titles('from=2026-01-15&sort=documentDate:asc')).toEqual([`bravo ${word}`, `Charlie ${word}`, `delta ${word} 100%`]);
      expect(await titles('to=2026-01-15&sort=documentDate:asc')).toEqual([`Alpha ${word}`, `bravo ${word}`]);
      expect(await titles('from=2026-01-15T23:59:59.500Z&to=2026-01-20T00:00:00Z&sort=documentDate:asc')).toEqual([
        `bravo ${word}`,
        `Charlie ${word}`,
      ]);
      expect(await titles('from=2026-01-16T00:59:59.500%2B01:00&to=2026-01-16')).toEqual([`bravo ${word}`]);
      expect(await titles('from=2026-02-01')).toEqual([]);
    });

    it('finds the words of q case-insensitively in the title and in the text, punctuation being a separator', async () => {
      expect(await api.titles(`q=ALPHA+${word.toUpperCase()}`)).toEqual([`Alpha ${word}`]);
      expect(await api.titles(`q=zebrafish${word.toUpperCase()}`)).toEqual([`delta ${word} 100%`]);
      expect(await api.titles(`q=${word}+100%25`)).toEqual([`delta ${word} 100%`]);
      const all = [`Alpha ${word}`, `Charlie ${word}`, `bravo ${word}`, `delta ${word} 100%`];
      expect(sorted(await api.titles(`q=${word}_`))).toEqual(all);
      expect(sorted(await api.titles(`q=%25${word}`))).toEqual(all);
      expect(await api.titles(`q=%25${word}x`)).toEqual([]);
    });

    it('folds case beyond ASCII in q', async () => {
      const own = uniqueWord('uni');
      await publishArticle(app, { title: `Über die Grenze ${own}`, body: `Ärzte und Ölfelder ${own} in Straße` });
      expect(await api.titles(`q=%C3%9CBER+DIE+GRENZE+${own}`)).toEqual([`Über die Grenze ${own}`]); // ÜBER
      expect(await api.titles(`q=%C3%BCber+die+grenze+${own}`)).toEqual([`Über die Grenze ${own}`]); // über
      expect(await api.titles(`q=%C3%A4RZTE+UND+%C3%96LFELDER+${own}`)).toEqual([`Über die Grenze ${own}`]); // äRZTE UND ÖLFELDER
    });

    it('sorts by each documented order (with q the default is relevance: search.test.ts)', async () => {
      const byDate = [`delta ${word} 100%`, `Charlie ${word}`, `bravo ${word}`, `Alpha ${word}`];
      expect(await titles('sort=documentDate:desc')).toEqual(byDate);
      expect(await titles('sort=documentDate:asc')).toEqual([...byDate].reverse());
      const byTitle = [`Alpha ${word}`, `bravo ${word}`, `Charlie ${word}`, `delta ${word} 100%`];
      expect(await titles('sort=title:asc')).toEqual(byTitle);
      expect(await titles('sort=title:desc')).toEqual([...byTitle].reverse());
    });

    it('paginates with totals and page counts', async () => {
      const page = async (query: string) => snippetList((await api.list(`q=${word}&${query}`)).body);
      const first = await page('pageSize=3');
      expect(first.meta.pagination).toEqual({ page: 1, pageSize: 3, pageCount: 2, total: 4 });
      expect(first.data).toHaveLength(3);
      const second = await page('pageSize=3&page=2');
      expect(second.meta.pagination).toEqual({ page: 2, pageSize: 3, pageCount: 2, total: 4 });
      expect(second.data.map((s) => s.title)).toEqual([`Alpha ${word}`]);
      const beyond = await page('pageSize=3&page=3');
      expect(beyond.data).toEqual([]);
      expect(beyond.meta.pagination).toEqual({ page: 3, pageSize: 3, pageCount: 2, total: 4 });
      const exact = await page('pageSize=2&page=2');
      expect(exact.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 4 });
    });

    it('never splits or repeats articles with equal sort keys across pages', async () => {
      const tie = uniqueWord('tie');
      for (let i = 0; i < 5; i += 1) {
        await publishArticle(app, { title: `Same ${tie}`, documentDate: '2026-03-01T00:00:00.000Z' });
      }
      const ids: string[] = [];
      for (const page of [1, 2, 3, 4, 5]) {
        const body = snippetList((await api.list(`q=${tie}&pageSize=1&page=${page}`)).body);
        ids.push(...body.data.map((s) => s.documentId));
      }
      expect(new Set(ids).size).toBe(5);
    });
  });

  describe('pages past the first, without q', () => {
    // Pages after the first read the skipped rows as ids, then the page's rows by id
    // (repositories/snippets.ts, pastOffset): page by page must give the one-page order.
    const word = uniqueWord('pages');
    let slug: string;

    beforeAll(async () => {
      const category = await createCategory(app, `Pages ${word}`);
      slug = category.slug as string;
      const dates = ['2026-02-01', '2026-02-03', '2026-02-03', '2026-02-03', '2026-02-02', '2026-02-05', '2026-02-04'];
      const names = ['Kilo', 'alpha', 'Alpha', 'kilo', 'Mike', 'bravo', 'alpha'];
      for (const [i, date] of dates.entries()) {
        await publishArticle(app, { title: `${names[i]} ${word}`, documentDate: `${date}T10:00:00.000Z`, categories: [category.documentId] });
      }
      await draftArticle(app, { title: `Draft ${word}`, documentDate: '2026-02-03T10:00:00.000Z', categories: [category.documentId] });
    });

    it.each(['documentDate:desc', 'documentDate:asc', 'title:asc', 'title:desc'])('serves %s page by page in the order of one page', async (sort) => {
      const whole = snippetList((await api.list(`category=${slug}&sort=${sort}&pageSize=100`)).body).data.map((s) => s.documentId);
      expect(whole).toHaveLength(7);
      for (const pageSize of [1, 2, 3]) {
        const paged: string[] = [];
        for (let page = 1; page <= Math.ceil(7 / pageSize); page += 1) {
          const body = snippetList((await api.list(`category=${slug}&sort=${sort}&pageSize=${pageSize}&page=${page}`)).body);
          expect(body.meta.pagination).toEqual({ page, pageSize, pageCount: Math.ceil(7 / pageSize), total: 7 });
          paged.push(...body.data.map((s) => s.documentId));
        }
        expect(paged).toEqual(whole);
      }
    });

    it('serves the snippet fields and categories on a later page as on the first', async () => {
      const whole = snippetList((await api.list(`category=${slug}&pageSize=100`)).body).data;
      const third = snippetList((await api.list(`category=${slug}&pageSize=2&page=3`)).body).data;
      expect(third).toEqual(whole.slice(4, 6));
    });
  });

  describe('drafts', () => {
    it('never appear: draft-only articles, and the draft of a published article', async () => {
      const word = uniqueWord('draft');
      const draftOnly = await draftArticle(app, { title: `Draft only ${word}` });
      const published = await publishArticle(app, { title: `Published ${word}` });
      const category = await createCategory(app, `Draft category ${word}`);
      await articles(app).update({
        documentId: published.documentId,
        data: { title: `Edited in draft ${word}`, categories: [category.documentId] },
      });

      const list = snippetList((await api.list(`q=${word}`)).body);
      expect(list.data.map((s) => s.title)).toEqual([`Published ${word}`]);
      expect(list.data[0].categories).toEqual([]);
      expect((await api.list(`q=edited+in+draft+${word}`)).body.data).toEqual([]);
      expect((await api.list(`category=${category.slug}`)).body.data).toEqual([]);

      const one = await api.one(published.slug as string);
      expect(one.status).toBe(200);
      expect(snippetOne(one.body).title).toBe(`Published ${word}`);
      expect((await api.one(draftOnly.slug as string)).status).toBe(404);
    });
  });

  describe('one snippet by slug', () => {
    it('serves one published snippet in the same shape', async () => {
      const word = uniqueWord('one');
      const category = await createCategory(app, `Asia ${word}`);
      const article = await publishArticle(app, { title: `One ${word}`, categories: [category.documentId] });
      const res = await api.one(article.slug as string);
      expect(res.status).toBe(200);
      const listed = snippetList((await api.list(`q=${word}`)).body).data[0];
      expect(res.body).toEqual({ data: listed });
      expect(listed.categories).toEqual([{ name: `Asia ${word}`, slug: `asia-${word}` }]);
    });

    it('answers 404 for unknown slugs and for strings that cannot be slugs, never 500', async () => {
      for (const slug of [`no-such-${uniqueWord()}`, 'UPPER-case', '%E0%A4%A', 'a'.repeat(300), '..%2F..', '%00', 'a--b']) {
        const res = await api.one(slug);
        expect([slug, res.status]).toEqual([slug, 404]);
        expect(res.body.error.name).toBe('NotFoundError');
      }
    });

    it('answers 400 to query parameters, which it does not take', async () => {
      const article = await publishArticle(app);
      const res = await api.one(`${article.slug}?populate=*`);
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual({ parameter: 'populate' });
    });
  });
});
