import { restrictArticle, type ArticleInputField } from '../../server/src/core/import/field-permissions';
import type { ParsedArticle } from '../../server/src/core/document-parser';

const settings = { excerptLength: 280, defaultLanguage: 'en', languages: [] as string[] };

const article = (overrides: Partial<ParsedArticle> = {}): ParsedArticle => ({
  title: 'Parliament passes the budget',
  body: 'The budget passed on Friday.',
  language: 'de',
  categories: ['International'],
  documentDate: '2026-04-27T20:43:39.000Z',
  sourcePublishedDate: '2025-04-11',
  source: 'rki.news',
  sourceUrl: 'https://example.org/a',
  ...overrides,
});

const restrict = (forbidden: ArticleInputField[], input = article(), options: { publish?: boolean; languages?: string[] } = {}) =>
  restrictArticle({
    article: input,
    startLine: 7,
    forbidden: new Set(forbidden),
    settings: { ...settings, languages: options.languages ?? [] },
    publish: options.publish ?? false,
  });

describe('import under field permissions', () => {
  it('leaves a document alone when the role may set every field it gives', () => {
    expect(restrict([])).toBeNull();
    expect(restrict(['sourceUrl'], article({ sourceUrl: null }))).toBeNull();
    expect(restrict(['categories'], article({ categories: [] }))).toBeNull();
  });

  it('leaves out each forbidden field with a warning at the title line naming it', () => {
    const result = restrict(['sourceUrl', 'categories', 'source']);
    expect(result).toEqual({
      ok: true,
      article: article({ sourceUrl: null, categories: [], source: null }),
      language: 'de',
      data: {
        title: 'Parliament passes the budget',
        body: 'The budget passed on Friday.',
        excerpt: 'The budget passed on Friday.',
        language: 'de',
        documentDate: '2026-04-27T20:43:39.000Z',
        sourcePublishedDate: '2025-04-11',
        wordCount: 5,
        readingTime: 1,
      },
      warnings: [
        { line: 7, message: expect.stringMatching(/^the article field "source" was not imported/) },
        { line: 7, message: expect.stringMatching(/^the article field "sourceUrl" was not imported/) },
        { line: 7, message: expect.stringMatching(/^the article field "categories" was not imported/) },
      ],
    });
  });

  it('gives an article whose language may not be set the default language', () => {
    const result = restrict(['language']);
    expect(result).toMatchObject({ ok: true, language: 'en', article: { language: null } });
  });

  it('refuses a document whose title or body the role may not set, naming the field', () => {
    expect(restrict(['title', 'body', 'source'])).toEqual({
      ok: false,
      problems: [
        { line: 7, message: expect.stringMatching(/"title"/) },
        { line: 7, message: expect.stringMatching(/"body"/) },
      ],
    });
  });
});
