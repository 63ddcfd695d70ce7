import fs from 'node:fs';
import path from 'node:path';
import { buildDocument, buildFile, lineNumberOf } from '../unit/factories/document';
import { uniqueTitle } from './helpers/factories';
import { ARTICLE, CATEGORY, documentsWithTitle, importAnswer, importApi } from './helpers/import';
import { settingsOf, useStrapi } from './helpers/strapi';

const SEED = fs.readFileSync(path.resolve(__dirname, '../fixtures/seed-khamenei-nuclear-talks.txt'), 'utf8');
const SEED_TITLE = "Iran's Supreme Leader shifts Stance on Nuclear talks with the U.S.";

interface StoredArticle {
  documentId: string;
  title: string;
  slug: string;
  body: string;
  excerpt: string;
  language: string;
  documentDate: string;
  sourcePublishedDate: string | null;
  source: string | null;
  sourceUrl: string | null;
  wordCount: number;
  readingTime: number;
  publishedAt: string | null;
  categories: Array<{ name: string; documentId: string }>;
}

describe('import endpoint', () => {
  const app = useStrapi();
  let api: ReturnType<typeof importApi>;

  beforeAll(async () => {
    api = importApi(app);
  });

  const findArticle = async (documentId: string, status: 'draft' | 'published' = 'draft') =>
    (await app.strapi.documents(ARTICLE).findOne({ documentId, status, populate: ['categories'] })) as StoredArticle | null;

  const categoriesNamed = async (name: string) =>
    (await app.strapi.db.query(CATEGORY).findMany({ select: ['documentId', 'name'] })).filter(
      (row: { name: string }) => row.name.toLowerCase() === name.toLowerCase()
    );

  /** A document of the fixture's format with a title of its own, so tests do not see each other's articles. */
  const doc = (overrides: Parameters<typeof buildDocument>[0] = {}) => buildDocument({ title: uniqueTitle('Import'), ...overrides });

  describe('the seed document', () => {
    it('becomes a draft article with every field as SPEC 6 says', async () => {
      const res = await api.text(SEED);
      expect(res.status).toBe(200);
      const answer = importAnswer(res.body);
      expect(answer.meta).toEqual({ created: 1, duplicates: 0, invalid: 0 });
      expect(answer.data).toEqual([
        {
          index: 0,
          status: 'created',
          documentId: expect.any(String),
          slug: 'irans-supreme-leader-shifts-stance-on-nuclear-talks-with-the-us',
          title: SEED_TITLE,
          errors: null,
          warnings: [],
        },
      ]);

      const article = await findArticle(answer.data[0].documentId as string);
      expect(article).toMatchObject({
        title: SEED_TITLE,
        slug: 'irans-supreme-leader-shifts-stance-on-nuclear-talks-with-the-us',
        language: 'en',
        sourcePublishedDate: '2025-04-11',
        source: 'rki.news',
        sourceUrl: null,
        publishedAt: null,
      });
      expect(new Date(article!.documentDate).toISOString()).toBe('2026-04-27T20:43:39.000Z');
      expect(article!.categories.map((category) => category.name).sort()).toEqual(['International', 'Snippets']);
      const paragraphs = article!.body.split(/\n\s*\n/);
      expect(paragraphs[0]).toMatch(/^In a significant diplomatic development/);
      expect(paragraphs[paragraphs.length - 1]).toMatch(
        /The next steps in the negotiation process will be closely watched, as both nations navigate a delicate balance between national interests and international diplomacy\.$/
      );
      expect(article!.body).not.toContain('rki.news');
      expect(article!.excerpt.startsWith('In a significant diplomatic development')).toBe(true);
      expect(article!.excerpt.length).toBeLessThanOrEqual(280);
      expect(article!.excerpt.endsWith('…')).toBe(true);
      expect(article!.readingTime).toBe(Math.max(1, Math.ceil(article!.wordCount / 200)));
      expect(await findArticle(article!.documentId, 'published')).toBeNull();
    });

    it('is a duplicate when imported again, with the existing documentId and slug', async () => {
      const first = await api.text(SEED);
      const second = await api.json({ documents: [SEED] });
      for (const res of [first, second]) {
        expect(res.status).toBe(200);
        expect(importAnswer(res.body).meta).toEqual({ created: 0, duplicates: 1, invalid: 0 });
        expect(importAnswer(res.body).data[0]).toMatchObject({
          status: 'duplicate',
          slug: 'irans-supreme-leader-shifts-stance-on-nuclear-talks-with-the-us',
          title: SEED_TITLE,
          errors: null,
        });
      }
      expect(await documentsWithTitle(app, SEED_TITLE)).toBe(1);
    });
  });

  describe('publish flag', () => {
    it('publishes with JSON { publish: true }', async () => {
      const res = await api.json({ documents: [doc()], publish: true });
      expect(res.status).toBe(200);
      const entry = importAnswer(res.body).data[0];
      expect(entry.status).toBe('created');
      expect((await findArticle(entry.documentId as string, 'published'))?.slug).toBe(entry.slug);
    });

    it('publishes text with ?publish=true', async () => {
      const res = await api.text(doc(), '?publish=true');
      const entry = importAnswer(res.body).data[0];
      expect(entry.status).toBe('created');
      expect(await findArticle(entry.documentId as string, 'published')).not.toBeNull();
    });

    it('keeps drafts with ?publish=false and with JSON { publish: false }', async () => {
      for (const res of [await api.text(doc(), '?publish=false'), await api.json({ documents: [doc()], publish: false })]) {
        const entry = importAnswer(res.body).data[0];
        expect(entry.status).toBe('created');
        expect(await findArticle(entry.documentId as string, 'published')).toBeNull();
      }
    });

    it('accepts only true or false', async () => {
      for (const res of [
        await api.text(doc(), '?publish=yes'),
        await api.text(doc(), '?publish=1'),
        await api.text(doc(), '?publish=true&publish=true'),
        await api.json({ documents: [doc()], publish: 'true' }),
        await api.json({ documents: [doc()], publish: true }, '?publish=false'),
      ]) {
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/publish/);
      }
    });

    it('publishes the valid documents of a batch that holds an invalid one', async () => {
      const title = uniqueTitle('Publishable');
      const text = buildFile([{ title: uniqueTitle('No body'), body: '   ' }, { title }]);
      const res = await api.text(text, '?publish=true');
      expect(importAnswer(res.body).meta).toEqual({ created: 1, duplicates: 0, invalid: 1 });
    });
  });

  describe('a mixed batch', () => {
    it('answers created, duplicate and invalid per document, with line numbers in the submitted text', async () => {
      const good = uniqueTitle('Good');
      const noBody = uniqueTitle('No body');
      const longTitle = `Long ${'x'.repeat(300)}`;
      const text = [
        'Some notes before the first title',
        '',
        buildDocument({ title: good }),
        '',
        buildDocument({ title: noBody, body: '' }),
        '',
        buildDocument({ title: good }),
        '',
        buildDocument({ title: longTitle }),
        '',
        buildDocument({ title: uniqueTitle('Link'), showOnWebsite: '[Source](https://example.org/story)', extraHeaderLines: ['Author: Jane'] }),
      ].join('\n');

      const res = await api.text(text);
      expect(res.status).toBe(200);
      const { data, meta } = importAnswer(res.body);
      expect(meta).toEqual({ created: 2, duplicates: 1, invalid: 3 });
      expect(data.map((entry) => entry.index)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(data.map((entry) => entry.status)).toEqual(['invalid', 'created', 'invalid', 'duplicate', 'invalid', 'created']);

      expect(data[0]).toMatchObject({ title: null, documentId: null, slug: null, errors: [{ line: 1, message: expect.stringMatching(/title/) }] });
      expect(data[2]).toMatchObject({ title: noBody, documentId: null, slug: null });
      expect(data[2].errors).toEqual([{ line: lineNumberOf(text, '---', 2), message: 'document has no body' }]);
      expect(data[3]).toMatchObject({ title: good, documentId: data[1].documentId, slug: data[1].slug, errors: null });
      expect(data[4].errors).toEqual([{ line: lineNumberOf(text, `## ${longTitle}`), message: expect.stringMatching(/at most 300/) }]);
      expect(data[5].warnings).toEqual([{ line: lineNumberOf(text, 'Author: Jane'), message: expect.stringMatching(/Author/) }]);
      expect((await findArticle(data[5].documentId as string))?.sourceUrl).toBe('https://example.org/story');
      expect(await documentsWithTitle(app, good)).toBe(1);
    });

    it('counts lines in each string of the JSON form', async () => {
      const good = doc();
      const bad = buildDocument({ title: uniqueTitle('Bad'), body: '' });
      const res = await api.json({ documents: [good, bad, ''] });
      const { data } = importAnswer(res.body);
      expect(data.map((entry) => entry.status)).toEqual(['created', 'invalid', 'invalid']);
      expect(data[1].errors).toEqual([{ line: lineNumberOf(bad, '---'), message: 'document has no body' }]);
      expect(data[2]).toMatchObject({ index: 2, title: null, errors: [{ line: 1, message: expect.stringMatching(/empty/) }] });
    });

    it('gives each document of a string holding several its own entry', async () => {
      const res = await api.json({ documents: [buildFile([{ title: uniqueTitle('One') }, { title: uniqueTitle('Two') }]), doc()] });
      expect(importAnswer(res.body).data.map((entry) => [entry.index, entry.status])).toEqual([
        [0, 'created'],
        [1, 'created'],
        [2, 'created'],
      ]);
    });

    it('reports a language outside the languages setting as invalid, naming the accepted values', async () => {
      const settings = settingsOf(app);
      await settings.update({ languages: ['en', 'de'] });
      try {
        const res = await api.text(buildFile([{ title: uniqueTitle('French'), category: 'French, Culture' }, { title: uniqueTitle('German'), category: 'German' }]));
        const { data } = importAnswer(res.body);
        expect(data[0]).toMatchObject({ status: 'invalid', errors: [{ line: 1, message: expect.stringMatching(/language must be one of: en, de/) }] });
        expect(data[1].status).toBe('created');
        expect((await findArticle(data[1].documentId as string))?.language).toBe('de');
      } finally {
        await settings.update({ languages: [] });
      }
    });

    it('reports a document Strapi refuses to save as invalid and leaves nothing of it behind', async () => {
      const title = uniqueTitle('Refused');
      const tooLongUrl = `https://example.org/${'a'.repeat(2100)}`;
      const text = buildFile([{ title, showOnWebsite: `[Source](${tooLongUrl})` }, { title: uniqueTitle('Saved') }]);
      const res = await api.text(text);
      const { data } = importAnswer(res.body);
      expect(data.map((entry) => entry.status)).toEqual(['invalid', 'created']);
      expect(data[0].errors).toEqual([{ line: 1, message: expect.stringMatching(/sourceUrl/) }]);
      expect(await documentsWithTitle(app, title)).toBe(0);
      // Its slug and import key were given back: the corrected document takes the plain slug.
      const fixed = importAnswer((await api.text(doc({ title }))).body);
      expect(fixed.data[0]).toMatchObject({ status: 'created', slug: title.toLowerCase().replace(/\s+/g, '-') });
    });

    it('treats a document matching an article made outside the importer as a duplicate', async () => {
      const title = uniqueTitle('Made by hand');
      const existing = await app.strapi.documents(ARTICLE).create({
        data: { title, body: 'Written in the admin.', source: 'rki.news', documentDate: '2026-04-27T20:43:39.000Z' },
      });
      const res = await api.text(doc({ title }));
      expect(importAnswer(res.body).data[0]).toMatchObject({ status: 'duplicate', documentId: existing.documentId, slug: existing.slug });
      const otherSource = await api.text(doc({ title, source: 'example.org' }));
      expect(importAnswer(otherSource.body).data[0].status).toBe('created');
    });

    it('imports again a document whose article was deleted', async () => {
      const text = doc();
      const first = importAnswer((await api.text(text)).body);
      await app.strapi.documents(ARTICLE).delete({ documentId: first.data[0].documentId as string });
      const second = importAnswer((await api.text(text)).body);
      expect(second.data[0].status).toBe('created');
      expect(second.data[0].documentId).not.toBe(first.data[0].documentId);
    });

    it('treats an undated document imported twice as a duplicate', async () => {
      const text = doc({ documentDate: null });
      const first = importAnswer((await api.text(text)).body);
      const second = importAnswer((await api.text(text)).body);
      expect(first.data[0].status).toBe('created');
      expect(second.data[0]).toMatchObject({ status: 'duplicate', documentId: first.data[0].documentId });
    });
  });

  describe('concurrency', () => {
    it('creates each article once when the same import is sent twice at the same moment', async () => {
      const titles = Array.from({ length: 20 }, () => uniqueTitle('Twice'));
      const text = buildFile(titles.map((title) => ({ title, category: `English, Twice ${titles[0]}` })));
      const [a, b] = await Promise.all([api.text(text), api.text(text)]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const answers = [importAnswer(a.body), importAnswer(b.body)];
      for (const answer of answers) expect(answer.meta.created + answer.meta.duplicates).toBe(20);
      expect(answers[0].meta.created + answers[1].meta.created).toBe(20);
      for (const title of titles) expect(await documentsWithTitle(app, title)).toBe(1);
      for (let i = 0; i < 20; i += 1) expect(answers[0].data[i].documentId).toBe(answers[1].data[i].documentId);
      expect(await categoriesNamed(`Twice ${titles[0]}`)).toHaveLength(1);
    });
  });

  describe('categories', () => {
    it('are found by name without regard to case', async () => {
      const res = await api.text(doc({ category: 'english, international, SNIPPETS' }));
      const entry = importAnswer(res.body).data[0];
      const article = await findArticle(entry.documentId as string);
      expect(article!.categories.map((category) => category.name).sort()).toEqual(['International', 'Snippets']);
      expect(await categoriesNamed('International')).toHaveLength(1);
    });

    it('are created once for a batch whose documents share them, in any case', async () => {
      const name = `Economy ${uniqueTitle('cat')}`;
      const res = await api.text(
        buildFile([
          { title: uniqueTitle('A'), category: `${name} - ` },
          { title: uniqueTitle('B'), category: name.toUpperCase() },
          { title: uniqueTitle('C'), category: `${name.toLowerCase()}, English` },
        ])
      );
      const { data } = importAnswer(res.body);
      expect(data.map((entry) => entry.status)).toEqual(['created', 'created', 'created']);
      const found = await categoriesNamed(name);
      expect(found).toEqual([expect.objectContaining({ name })]);
      for (const entry of data) {
        expect((await findArticle(entry.documentId as string))!.categories.map((category) => category.documentId)).toEqual([found[0].documentId]);
      }
    });
  });

  describe('limits', () => {
    it('rejects more than 500 documents with a 400', async () => {
      const text = Array.from({ length: 501 }, (_, i) => `## Limit ${i}\n\nbody ${i}\n`).join('\n');
      const res = await api.text(text);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/501 documents; at most 500/);
      const json = await api.json({ documents: Array.from({ length: 501 }, (_, i) => `## Limit ${i}\n\nbody`) });
      expect(json.status).toBe(400);
      expect(json.body.error.message).toMatch(/at most 500/);
    });

    it('accepts a body of 4.9 MB, as text and as JSON', async () => {
      const paragraph = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n\n';
      const big = (size: number) => `${doc()}\n\n${paragraph.repeat(Math.floor(size / paragraph.length))}`;
      const text = big(4_900_000);
      expect(Buffer.byteLength(text)).toBeGreaterThan(4_890_000);
      const res = await api.text(text);
      expect(res.status).toBe(200);
      expect(importAnswer(res.body).meta.created).toBe(1);
      const json = await api.json({ documents: [big(3_000_000)] });
      expect(json.status).toBe(200);
      expect(importAnswer(json.body).meta.created).toBe(1);
    });

    it('rejects a body over 5 MB with a 413', async () => {
      const oversized = 'x'.repeat(5 * 1024 * 1024 + 1);
      const res = await api.text(`## Too big\n\n${oversized}`);
      expect(res.status).toBe(413);
      expect(res.body.error).toMatchObject({ status: 413, name: 'PayloadTooLargeError', message: expect.stringMatching(/5 MB/) });
      const json = await api.json({ documents: [`## Too big\n\n${oversized}`] });
      expect(json.status).toBe(413);
    });

    it('leaves the default body limits of other routes alone', async () => {
      const res = await app
        .http()
        .post('/api/newsroom/articles')
        .set('Authorization', `Bearer ${app.token}`)
        .send({ data: { title: uniqueTitle('Huge'), body: 'x'.repeat(2 * 1024 * 1024) } });
      expect(res.status).toBe(413);
    });
  });

  describe('bad requests', () => {
    it('answers 415 with the accepted types for another content type', async () => {
      for (const res of [
        await api.raw('application/xml', '<documents/>'),
        await api.raw('application/x-www-form-urlencoded', 'documents=x'),
        await api.raw('multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n'),
      ]) {
        expect(res.status).toBe(415);
        expect(res.body.error.message).toMatch(/text\/plain/);
      }
    });

    it('answers 400 for an empty body or a body without documents', async () => {
      const noBody = await app.http().post('/api/newsroom/import').set('Authorization', `Bearer ${app.token}`);
      expect(noBody.status).toBe(400);
      for (const res of [
        await api.text(''),
        await api.text('   \n\n'),
        await api.json({ documents: [] }),
        await api.json({}),
        await api.json({ documents: 'text' }),
        await api.json({ documents: [42] }),
        await api.json({ documents: [doc()], extra: true }),
        await api.json([doc()]),
        await api.raw('application/json', '{ not json'),
      ]) {
        expect(res.status).toBe(400);
        expect(res.body.error.message).toEqual(expect.any(String));
      }
      const unknown = await api.text(doc(), '?draft=true');
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(/draft/);
    });
  });

  describe('importer service preview (for the admin Import view)', () => {
    it('shows each document as new, duplicate or invalid, with its fields, and writes nothing', async () => {
      const fresh = uniqueTitle('Preview');
      const category = `Preview only ${fresh}`;
      const text = [SEED, buildDocument({ title: fresh, category: `German, ${category}` }), buildDocument({ title: uniqueTitle('Empty'), body: '' })].join('\n');
      const articlesBefore = await app.strapi.db.query(ARTICLE).count({});
      const importer = app.strapi.plugin('newsroom').service('importer');
      const preview = await importer.preview({ kind: 'text', text });

      expect(preview.meta).toEqual({ new: 1, duplicates: 1, invalid: 1 });
      expect(preview.data.map((row: { status: string }) => row.status)).toEqual(['duplicate', 'new', 'invalid']);
      expect(preview.data[0]).toMatchObject({ title: SEED_TITLE, slug: 'irans-supreme-leader-shifts-stance-on-nuclear-talks-with-the-us' });
      expect(preview.data[1]).toMatchObject({
        index: 1,
        startLine: lineNumberOf(text, `## ${fresh}`),
        documentId: null,
        article: { title: fresh, language: 'de', categories: [category], source: 'rki.news' },
      });
      expect(preview.data[2]).toMatchObject({ article: null, errors: [{ message: 'document has no body' }] });
      expect(await app.strapi.db.query(ARTICLE).count({})).toBe(articlesBefore);
      expect(await categoriesNamed(category)).toHaveLength(0);
    });
  });

  describe('permissions', () => {
    it('are required: no token is a 403', async () => {
      const res = await importApi(app, null).text(doc());
      expect(res.status).toBe(403);
    });

    it('are not in a read-only token', async () => {
      const readOnly = (await app.strapi.service('admin::api-token').create({
        name: `read-only-${Date.now()}`,
        type: 'read-only',
        lifespan: null,
      })) as { accessKey: string };
      const res = await importApi(app, readOnly.accessKey).text(doc());
      expect(res.status).toBe(403);
    });
  });
});
