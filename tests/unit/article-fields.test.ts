import { checkStoredArticle, deriveCloneFields, mergeArticle, type ArticleRow } from '../../server/src/core/article-fields';

const settings = { excerptLength: 280, defaultLanguage: 'en', languages: [] as string[] };

const row = (overrides: Partial<ArticleRow> = {}): ArticleRow => ({
  title: 'Talks resume',
  body: 'Negotiators met again on Saturday.',
  excerpt: 'Negotiators met again on Saturday.',
  slug: 'talks-resume',
  language: 'en',
  documentDate: Date.parse('2026-04-27T20:43:39Z'),
  source: 'rki.news',
  sourceUrl: 'https://rki.news/talks',
  wordCount: 5,
  readingTime: 1,
  ...overrides,
});

const paths = (result: { ok: boolean; errors?: Array<{ path: string }> }) => (result.ok ? [] : result.errors!.map((e) => e.path));

describe('article fields of a clone', () => {
  const clone = (overrides: Record<string, unknown>, source = row()) =>
    deriveCloneFields({ source, overrides, settings, now: new Date() });

  it.each([
    ['sourceUrl', { sourceUrl: 'javascript:alert(1)' }],
    ['language', { language: 'zz<b>' }],
    ['title', { title: 'x'.repeat(301) }],
    ['title', { title: '   ' }],
    ['source', { source: 's'.repeat(201) }],
    ['documentDate', { documentDate: '' }],
  ])('refuses an override that breaks the %s rule', (field, overrides) => {
    expect(paths(clone(overrides))).toEqual([field]);
  });

  it('refuses a source draft that breaks a rule, even when the override leaves that field alone', () => {
    expect(paths(clone({ title: 'Cloned' }, row({ sourceUrl: 'javascript:alert(1)', language: 'zz<b>' })))).toEqual([
      'language',
      'sourceUrl',
    ]);
  });

  it('refuses a language the languages setting does not list', () => {
    const result = deriveCloneFields({ source: row(), overrides: {}, settings: { ...settings, languages: ['de'] }, now: new Date() });
    expect(paths(result)).toEqual(['language']);
  });

  it('normalizes the overrides and derives excerpt and counts from a new body', () => {
    const result = clone({ title: '  Cloned probe  ', language: 'German', body: 'A new body of six words.' });
    expect(result).toEqual({
      ok: true,
      changes: expect.objectContaining({
        title: 'Cloned probe',
        language: 'de',
        excerpt: 'A new body of six words.',
        wordCount: 6,
        readingTime: 1,
      }),
    });
  });

  it('keeps an excerpt the editor wrote on the source', () => {
    const result = clone({ body: 'Another body.' }, row({ excerpt: 'Written by hand.' }));
    expect(result.ok && 'excerpt' in result.changes).toBe(false);
  });

  it('ignores counts sent by the caller', () => {
    const result = clone({ wordCount: 999, readingTime: 99 });
    expect(result).toMatchObject({ ok: true, changes: { wordCount: 5, readingTime: 1 } });
  });
});

describe('a stored article checked before it is published or copied', () => {
  const check = (overrides: Partial<ArticleRow>, publishing = true, languages: string[] = []) =>
    checkStoredArticle(row(overrides), { ...settings, languages }, { publishing });

  it('passes a row the rules wrote, with nothing to repair', () => {
    expect(check({})).toEqual({ ok: true, repairs: {} });
  });

  it.each<[string, Partial<ArticleRow>]>([
    ['sourceUrl', { sourceUrl: 'javascript:alert(1)' }],
    ['language', { language: 'zz<b>' }],
    ['title', { title: 'x'.repeat(301) }],
    ['title', { title: '' }],
    ['source', { source: 's'.repeat(201) }],
    ['body', { body: '  \n ' }],
    ['documentDate', { documentDate: null }],
    ['slug', { slug: null }],
    ['slug', { slug: 'Not a slug' }],
  ])('names %s when the row breaks its rule', (field, overrides) => {
    expect(paths(check(overrides))).toEqual([field]);
  });

  it('names each field once', () => {
    expect(paths(check({ title: '', body: null }))).toEqual(['title', 'body']);
  });

  it('requires a body only for publishing', () => {
    expect(check({ body: null }, false).ok).toBe(true);
  });

  it('checks the language against the languages setting', () => {
    expect(paths(check({ language: 'en' }, true, ['de']))).toEqual(['language']);
    expect(check({ language: 'de-at' }, true, ['de']).ok).toBe(true);
  });

  it('repairs derived values a row holds wrongly, never the excerpt', () => {
    expect(check({ title: ' Talks ', language: null, wordCount: 40, readingTime: 9, excerpt: 'Old generated text' })).toEqual({
      ok: true,
      repairs: { title: 'Talks', language: 'en', wordCount: 5, readingTime: 1 },
    });
  });

  it('merges a partial write over the stored row, keeping what the write leaves undefined', () => {
    expect(mergeArticle(row(), { title: 'New', wordCount: undefined })).toEqual(row({ title: 'New' }));
  });
});
