/**
 * Hostile input over HTTP (SPEC 9): long runs in header lines and bodies, a
 * million documents, too many categories, sent to the import and to the REST
 * API. The answers are the right 200s, 201s and 400s with their reasons, and what
 * is stored is what the text says. No timing: the benchmark measures how long
 * other requests wait meanwhile (bench/hostile.js).
 */
import { run } from '../unit/factories/hostile';
import { uniqueTitle } from './helpers/factories';
import { ARTICLE, importAnswer, importApi } from './helpers/import';
import { rest, type RestArticle } from './helpers/rest';
import { startStrapi, type TestApp } from './helpers/strapi';

const KB = 1000;

describe('hostile input', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startStrapi();
  });
  afterAll(async () => app?.stop());

  const stored = (documentId: string) =>
    app.strapi.documents(ARTICLE).findOne({ documentId, status: 'draft' }) as Promise<RestArticle | null>;

  describe('import', () => {
    it('answers a file of hostile documents document by document, with the lines at fault', async () => {
      const titles = [uniqueTitle('Hostile date'), uniqueTitle('Hostile link'), uniqueTitle('Hostile body'), uniqueTitle('Hostile categories')];
      const categories = Array.from({ length: 21 }, (_, i) => `Topic ${i + 1}`).join(', ');
      const text = [
        `## ${titles[0]}\nPublished on Mon${run(' ', 100 * KB)}x\n---\n\nThe body.\n`,
        `## ${titles[1]}\nShow on website : [Click Here](${run('(', 100 * KB)}x\n---\n\nThe body.\n`,
        `## ${titles[2]}\n---\n\nThe body starts here.\n${run('\t', 100 * KB)}x\n`,
        `## ${titles[3]}\nCategory: ${categories}\n---\n\nThe body.\n`,
      ].join('\n');
      const lineOf = (title: string) => text.split('\n').findIndex((line) => line.includes(title)) + 1;

      const res = await importApi(app).text(text);
      expect(res.status).toBe(200);
      const answer = importAnswer(res.body);
      expect(answer.meta).toEqual({ created: 2, duplicates: 0, invalid: 2 });
      expect(answer.data.map((entry) => [entry.title, entry.status])).toEqual([
        [titles[0], 'invalid'],
        [titles[1], 'created'],
        [titles[2], 'created'],
        [titles[3], 'invalid'],
      ]);
      expect(answer.data[0].errors).toEqual([
        { line: lineOf(titles[0]) + 1, message: expect.stringMatching(/^Published on: "Mon {30,}.*…" is not a date like "April 11, 2025"$/u) },
      ]);
      expect(answer.data[1].warnings).toEqual([
        { line: lineOf(titles[1]) + 1, message: expect.stringMatching(/^Show on website: no link could be read from ".*"; it is ignored$/u) },
      ]);
      expect(answer.data[3].errors).toEqual([
        { line: lineOf(titles[3]) + 1, message: 'Category: more than 20 categories; a document may have at most 20' },
      ]);

      const linked = await stored(answer.data[1].documentId as string);
      expect(linked?.sourceUrl).toBeNull();
      const body = await stored(answer.data[2].documentId as string);
      expect(body).toMatchObject({ excerpt: 'The body starts here. x', wordCount: 5, readingTime: 1 });
      expect(body?.body).toBe(`The body starts here.\n${run('\t', 100 * KB)}x`);
    });

    it('refuses 5 MB of `## a` lines, a million documents, with a 400 naming the count and the limit', async () => {
      const res = await importApi(app).text('## a\n'.repeat(1_000_000));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe('the request holds 1000000 documents; at most 500 are accepted a request');
    });

    it('imports a 5 MB document of nested emphasis that never closes, with its words counted', async () => {
      const title = uniqueTitle('Hostile emphasis');
      const emphasis = run('*a _b ', 4900 * KB);
      const res = await importApi(app).text(`## ${title}\n---\n\nThe body starts here.\n${emphasis}x\n`);
      expect(res.status).toBe(200);
      const answer = importAnswer(res.body);
      expect(answer.data[0]).toMatchObject({ title, status: 'created', errors: null });
      const article = await stored(answer.data[0].documentId as string);
      const words = 5 + 2 * (emphasis.length / 6);
      expect(article).toMatchObject({ wordCount: words, readingTime: Math.ceil(words / 200) });
      expect(article?.excerpt).toMatch(/^The body starts here\. (?:\*a _b )+\*a _b…$/u);
    });
  });

  describe('REST article create', () => {
    it('stores a body with a line of 900 KB of spaces, its excerpt and word count right', async () => {
      const body = `# A heading${run(' ', 450 * KB)}##\n\nThe body starts here.\n${run(' ', 450 * KB)}x`;
      const res = await rest(app).createArticle({ title: uniqueTitle('Hostile REST'), body });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({ excerpt: 'A heading The body starts here. x', wordCount: 7, readingTime: 1 });
    });

    it('strips a body of unclosed tags down to text, without a tag left in the excerpt', async () => {
      const res = await rest(app).createArticle({ title: uniqueTitle('Hostile tags'), body: `Text <span ${run('a="b" ', 500 * KB)}` });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({ excerpt: 'Text', wordCount: 1 });
    });

    it('refuses a title of a long run with a 400 naming the field', async () => {
      const res = await rest(app).createArticle({ title: run('\u2028a', 200 * KB), body: 'The body.' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/title/u);
    });
  });
});
