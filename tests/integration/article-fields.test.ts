import { articleData, words } from './helpers/factories';
import { articles } from './helpers/documents';
import { rest, type RestArticle } from './helpers/rest';
import { useStrapi } from './helpers/strapi';


describe('article fields', () => {
  const app = useStrapi();
  let api: ReturnType<typeof rest>;

  beforeAll(async () => {
    api = rest(app);
  });

  const docs = () => articles(app);
  const created = async (data: Record<string, unknown>, status: 'draft' | 'published' = 'draft') => {
    const res = await api.createArticle(data, status);
    expect(res.status).toBe(201);
    return res.body.data as RestArticle;
  };

  describe('excerpt', () => {
    it('is generated from the body as plain text without markup or entities', async () => {
      const article = await created(
        articleData({ body: '# Heading\n\nSome **bold** and <em>html</em> &amp; a [link](https://example.org).<script>alert(1)</script>' })
      );
      expect(article.excerpt).toBe('Heading Some bold and html & a link.');
    });

    it('is cut at a word boundary within 280 characters and ends with an ellipsis', async () => {
      const article = await created(articleData({ body: words(120, 'newsroom') }));
      expect(article.excerpt!.length).toBeLessThanOrEqual(280);
      expect(article.excerpt!.endsWith('newsroom…')).toBe(true);
    });

    it('follows later body changes while it is generated', async () => {
      const article = await created(articleData({ body: 'The first body.' }));
      const res = await api.updateArticle(article.documentId, { body: 'The second body.' });
      expect((res.body.data as RestArticle).excerpt).toBe('The second body.');
    });

    it('follows the body when a form sends the generated excerpt back unchanged', async () => {
      const article = await created(articleData({ body: 'Original text here.' }));
      const res = await api.updateArticle(article.documentId, { body: 'Replaced text here.', excerpt: article.excerpt });
      expect((res.body.data as RestArticle).excerpt).toBe('Replaced text here.');
    });

    it("keeps an excerpt the editor wrote, even when the body changes", async () => {
      const article = await created(articleData({ excerpt: 'Written by hand <b>as is</b>.' }));
      expect(article.excerpt).toBe('Written by hand <b>as is</b>.');
      const res = await api.updateArticle(article.documentId, { body: 'A different body altogether.' });
      expect((res.body.data as RestArticle).excerpt).toBe('Written by hand <b>as is</b>.');
    });

    it('is not changed by publishing, unpublishing or discarding a draft', async () => {
      const article = await docs().create({ data: articleData({ body: 'Stable excerpt body.' }) });
      const published = await docs().publish({ documentId: article.documentId });
      expect(published.entries[0].excerpt).toBe('Stable excerpt body.');
      await docs().unpublish({ documentId: article.documentId });
      await docs().publish({ documentId: article.documentId });
      const discarded = await docs().discardDraft({ documentId: article.documentId });
      expect(discarded.entries[0].excerpt).toBe('Stable excerpt body.');
    });
  });

  describe('language', () => {
    it.each([
      ['EN', 'en'],
      ['en-GB', 'en-gb'],
      ['German', 'de'],
      ['Farsi', 'fa'],
      ['persian', 'fa'],
    ])('stores %s as %s', async (input, code) => {
      expect((await created(articleData({ language: input }))).language).toBe(code);
    });

    it('defaults to the defaultLanguage setting when missing', async () => {
      expect((await created(articleData())).language).toBe('en');
    });

    it('rejects an unknown language with a 400 naming the field', async () => {
      const res = await api.createArticle(articleData({ language: 'Klingon' }));
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.message).toMatch(/language/);
      expect(res.body.error.details.errors[0].path).toEqual(['language']);
    });
  });

  describe('documentDate, wordCount and readingTime', () => {
    it('sets documentDate to the moment of creation when missing', async () => {
      const before = Date.now();
      const article = await created(articleData());
      const at = Date.parse(article.documentDate!);
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it('keeps a given documentDate', async () => {
      const article = await created(articleData({ documentDate: '2026-04-27T20:43:39.000Z' }));
      expect(article.documentDate).toBe('2026-04-27T20:43:39.000Z');
    });

    it('counts words and reading time from the body, ignoring values sent by clients', async () => {
      const article = await created(articleData({ body: words(401), wordCount: 3, readingTime: 99 }));
      expect(article.wordCount).toBe(401);
      expect(article.readingTime).toBe(3);
      const res = await api.updateArticle(article.documentId, { body: words(10) });
      expect((res.body.data as RestArticle).wordCount).toBe(10);
      expect((res.body.data as RestArticle).readingTime).toBe(1);
    });
  });

  describe('validation', () => {
    it('trims the title', async () => {
      expect((await created(articleData({ title: '   Spaced title   ' }))).title).toBe('Spaced title');
    });

    it.each([
      ['missing', undefined],
      ['blank', '   '],
      ['longer than 300 characters', 'x'.repeat(301)],
    ])('rejects a title that is %s with a 400', async (_label, title) => {
      const data = articleData();
      const res = await api.createArticle({ ...data, title });
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual(['title']);
    });

    it('requires a non-blank body to publish but not to save a draft', async () => {
      const draft = await api.createArticle(articleData({ body: '   ' }), 'draft');
      expect(draft.status).toBe(201);
      const publish = await api.createArticle(articleData({ body: '  \n ' }), 'published');
      expect(publish.status).toBe(400);
      expect(publish.body.error.message).toMatch(/body/);
      await expect(docs().publish({ documentId: (draft.body.data as RestArticle).documentId })).rejects.toThrow(/body/);
    });

    it('accepts only absolute http(s) source URLs', async () => {
      expect((await created(articleData({ sourceUrl: 'https://rki.news/a' }))).sourceUrl).toBe('https://rki.news/a');
      for (const sourceUrl of ['javascript:alert(1)', '/relative', 'ftp://x.org/file', 'not a url']) {
        const res = await api.createArticle(articleData({ sourceUrl }));
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/sourceUrl/);
      }
    });

    it('stores a 300-character title in any script, and a long source URL, intact', async () => {
      const title = `${'中文标题ÄÖÜ'.repeat(43)}newsroom.`.slice(0, 300);
      expect(title.length).toBe(300);
      const sourceUrl = `https://example.org/${'a'.repeat(1500)}`;
      const article = await created(articleData({ title, sourceUrl }), 'published');
      expect(article.title).toBe(title);
      expect(article.sourceUrl).toBe(sourceUrl);
      expect(article.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    });

    it('stores absent optional fields as null, never an empty string', async () => {
      const article = await created(articleData({ source: '', sourceUrl: '' }));
      expect(article.source).toBeNull();
      expect(article.sourceUrl).toBeNull();
    });
  });
});
