import { parseImportSource } from '../../server/src/core/import/batch';
import { importKey, isoDate } from '../../server/src/core/import/key';
import { summarize, duplicate, invalid, created } from '../../server/src/core/import/result';
import { articleData, checkArticle } from '../../server/src/core/import/article-data';
import type { ParsedArticle } from '../../server/src/core/document-parser';
import { buildDocument, buildFile, lineNumberOf } from './factories/document';

const UTC = { timeZone: 'UTC' };

describe('import batch', () => {
  it('numbers the documents of a text in order, lines counted in the text', () => {
    const text = buildFile([{ title: 'One' }, { title: 'Two', body: '' }]);
    const documents = parseImportSource({ kind: 'text', text }, UTC);
    expect(documents.map((document) => [document.index, document.ok, document.startLine])).toEqual([
      [0, true, 1],
      [1, false, lineNumberOf(text, '## Two')],
    ]);
  });

  it('numbers documents across the strings of the JSON form, lines counted in each string', () => {
    const documents = parseImportSource({ kind: 'documents', documents: [buildDocument({ title: 'One' }), buildFile([{ title: 'Two' }, { title: 'Three' }])] }, UTC);
    expect(documents.map((document) => [document.index, document.startLine])).toEqual([
      [0, 1],
      [1, 1],
      [2, lineNumberOf(buildFile([{ title: 'Two' }, { title: 'Three' }]), '## Three')],
    ]);
  });

  it('keeps an empty string in its place as an invalid document', () => {
    const documents = parseImportSource({ kind: 'documents', documents: ['', ' \n ', buildDocument()] }, UTC);
    expect(documents.map((document) => [document.index, document.ok])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
    expect(documents[0]).toMatchObject({ title: null, errors: [{ line: 1, message: expect.stringMatching(/empty/) }] });
  });
});

describe('import key', () => {
  const fields = { source: 'rki.news', title: 'A title', documentDate: '2026-04-27T20:43:39.000Z' };

  it('is the same for the same source, title and document date', () => {
    expect(importKey(fields)).toBe(importKey({ ...fields }));
    expect(importKey(fields)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores the case of the source host and surrounding white space', () => {
    expect(importKey({ ...fields, source: ' RKI.news ' })).toBe(importKey(fields));
    expect(importKey({ ...fields, title: ' A title ' })).toBe(importKey(fields));
  });

  it('differs when any of the three differs', () => {
    expect(importKey({ ...fields, source: null })).not.toBe(importKey(fields));
    expect(importKey({ ...fields, title: 'A Title' })).not.toBe(importKey(fields));
    expect(importKey({ ...fields, documentDate: '2026-04-27T20:43:40.000Z' })).not.toBe(importKey(fields));
    expect(importKey({ ...fields, documentDate: null })).not.toBe(importKey(fields));
  });

  it('cannot be confused by separators inside the fields', () => {
    expect(importKey({ source: 'a|b', title: 'c', documentDate: null })).not.toBe(importKey({ source: 'a', title: 'b|c', documentDate: null }));
  });

  it('reads dates back from the database in the parser form', () => {
    expect(isoDate('2026-04-27T20:43:39.000Z')).toBe('2026-04-27T20:43:39.000Z');
    expect(isoDate(new Date('2026-04-27T20:43:39Z'))).toBe('2026-04-27T20:43:39.000Z');
    expect(isoDate(Date.UTC(2026, 3, 27, 20, 43, 39))).toBe('2026-04-27T20:43:39.000Z');
    expect(isoDate(null)).toBeNull();
    expect(isoDate('not a date')).toBeNull();
  });
});

describe('import article data', () => {
  const article: ParsedArticle = {
    title: 'A title',
    body: 'Body text.',
    language: null,
    categories: ['International'],
    documentDate: null,
    sourcePublishedDate: null,
    source: null,
    sourceUrl: null,
  };
  const settings = { excerptLength: 280, defaultLanguage: 'en', languages: [] as string[] };

  it('leaves out fields without a value so the article rules apply their defaults', () => {
    expect(articleData(article)).toEqual({ title: 'A title', body: 'Body text.' });
    expect(articleData({ ...article, language: 'de', source: 'rki.news', documentDate: '2026-04-27T20:43:39.000Z' })).toEqual({
      title: 'A title',
      body: 'Body text.',
      language: 'de',
      source: 'rki.news',
      documentDate: '2026-04-27T20:43:39.000Z',
    });
  });

  it('applies the default language and reports no problem for a good document', () => {
    const now = new Date('2026-04-27T20:43:39.000Z');
    expect(checkArticle({ article, startLine: 4, settings, publish: false, now })).toEqual({
      problems: [],
      language: 'en',
      // What the importer writes: the article rules' fields, defaults applied.
      data: {
        title: 'A title',
        body: 'Body text.',
        excerpt: 'Body text.',
        language: 'en',
        documentDate: now.toISOString(),
        wordCount: 2,
        readingTime: 1,
      },
    });
  });

  it('reports a language outside the languages setting at the title line', () => {
    const checked = checkArticle({ article: { ...article, language: 'fr' }, startLine: 4, settings: { ...settings, languages: ['en', 'de'] }, publish: true });
    expect(checked.problems).toEqual([{ line: 4, message: expect.stringMatching(/language must be one of: en, de/) }]);
    expect(checked.data).toBeNull();
  });
});

describe('import result', () => {
  it('counts each status, with null for every absent field', () => {
    const doc = { index: 0, title: 'T', warnings: [] };
    const result = summarize([
      created(doc, { documentId: 'a', slug: 't' }),
      duplicate({ ...doc, index: 1 }, { documentId: 'a', slug: 't' }),
      invalid({ ...doc, index: 2, title: null }, [{ line: 3, message: 'no body' }]),
    ]);
    expect(result.meta).toEqual({ created: 1, duplicates: 1, invalid: 1 });
    expect(result.data[0]).toEqual({ index: 0, status: 'created', documentId: 'a', slug: 't', title: 'T', errors: null, warnings: [] });
    expect(result.data[2]).toEqual({
      index: 2,
      status: 'invalid',
      documentId: null,
      slug: null,
      title: null,
      errors: [{ line: 3, message: 'no body' }],
      warnings: [],
    });
  });
});
