import {
  checkStoredArticle,
  deriveArticleFields,
  deriveCloneFields,
  deriveNewArticle,
  mergeArticle,
  type ArticleRow,
  type DerivedFields,
} from '../../server/src/core/article-fields';
import { makeExcerpt } from '../../server/src/core/excerpt';

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

const NOW = new Date('2026-04-27T20:43:39.000Z');
const changesOf = (result: DerivedFields) => {
  if (!result.ok) throw new Error(`refused: ${result.errors.map((error) => error.message).join('; ')}`);
  return result.changes;
};
const messagesOf = (result: DerivedFields) => (result.ok ? [] : result.errors.map((error) => error.message));

describe('article fields of a create', () => {
  const create = (data: Record<string, unknown>, options: { languages?: string[]; excerptLength?: number } = {}) =>
    deriveArticleFields({
      data,
      previous: null,
      settings: { ...settings, languages: options.languages ?? [], excerptLength: options.excerptLength ?? 280 },
      now: NOW,
    });
  const body = 'Negotiators met again on Saturday in Muscat. Both sides called the talks constructive and agreed to meet again.';

  it('derives every field from a title and a body: trimmed title, default language, the moment of creation, excerpt and counts', () => {
    expect(changesOf(create({ title: '  Talks resume  ', body }))).toEqual({
      title: 'Talks resume',
      language: 'en',
      documentDate: NOW.toISOString(),
      excerpt: makeExcerpt(body, 280),
      wordCount: 18,
      readingTime: 1,
    });
  });

  it.each([
    ['missing', {}],
    ['blank', { title: '   ' }],
    ['not text', { title: 42 }],
  ])('requires a title (%s)', (_case, data) => {
    expect(paths(create({ body, ...data }))).toEqual(['title']);
  });

  it('takes a title of 300 characters and refuses 301, counting an emoji as one character', () => {
    expect(changesOf(create({ title: '🚀'.repeat(300), body })).title).toBe('🚀'.repeat(300));
    expect(changesOf(create({ title: 'a'.repeat(300), body })).title).toHaveLength(300);
    expect(messagesOf(create({ title: '🚀'.repeat(301), body }))).toEqual(['title must be at most 300 characters']);
    expect(paths(create({ title: 'a'.repeat(301), body }))).toEqual(['title']);
  });

  it.each([
    ['EN', 'en'],
    ['en-GB', 'en-gb'],
    ['German', 'de'],
    ['Farsi', 'fa'],
  ])('normalizes the language %s to %s', (language, code) => {
    expect(changesOf(create({ title: 'T', body, language })).language).toBe(code);
  });

  it('refuses an unknown language, or one the languages setting does not list, naming the accepted values', () => {
    expect(paths(create({ title: 'T', body, language: 'Klingon' }))).toEqual(['language']);
    expect(messagesOf(create({ title: 'T', body, language: 'fr' }, { languages: ['en', 'de'] }))).toEqual([
      expect.stringMatching(/^language must be one of: en, de/),
    ]);
  });

  it('keeps a document date it is given and defaults a blank one to the moment of creation', () => {
    expect(changesOf(create({ title: 'T', body, documentDate: '2025-04-11T08:00:00.000Z' }))).not.toHaveProperty('documentDate');
    expect(changesOf(create({ title: 'T', body, documentDate: '' })).documentDate).toBe(NOW.toISOString());
  });

  it('trims the source, empties a blank one and refuses one over 200 characters', () => {
    expect(changesOf(create({ title: 'T', body, source: ' rki.news ' })).source).toBe('rki.news');
    expect(changesOf(create({ title: 'T', body, source: '  ' })).source).toBeNull();
    expect(changesOf(create({ title: 'T', body, source: '𝐀'.repeat(200) })).source).toBe('𝐀'.repeat(200));
    expect(paths(create({ title: 'T', body, source: 's'.repeat(201) }))).toEqual(['source']);
  });

  it('keeps an absolute http(s) source link and refuses any other', () => {
    expect(changesOf(create({ title: 'T', body, sourceUrl: ' https://rki.news/a ' })).sourceUrl).toBe('https://rki.news/a');
    expect(changesOf(create({ title: 'T', body, sourceUrl: '' })).sourceUrl).toBeNull();
    for (const sourceUrl of ['javascript:alert(1)', '/relative', 'ftp://example.org/x', 42]) {
      expect(paths(create({ title: 'T', body, sourceUrl }))).toEqual(['sourceUrl']);
    }
  });

  it('refuses a body or an excerpt that is not text', () => {
    expect(paths(create({ title: 'T', body: 42 }))).toEqual(['body']);
    expect(paths(create({ title: 'T', body, excerpt: ['x'] }))).toEqual(['excerpt']);
  });

  it('keeps an excerpt the editor wrote and generates one at the excerpt length when it is empty', () => {
    expect(changesOf(create({ title: 'T', body, excerpt: 'Written by hand.' }))).not.toHaveProperty('excerpt');
    expect(changesOf(create({ title: 'T', body, excerpt: '' }, { excerptLength: 80 })).excerpt).toBe(makeExcerpt(body, 80));
  });

  it('never takes word count and reading time from the caller', () => {
    expect(changesOf(create({ title: 'T', body, wordCount: 999, readingTime: 99 }))).toMatchObject({ wordCount: 18, readingTime: 1 });
  });

  it('names every field it refuses at once', () => {
    expect(paths(create({ title: '', body, language: 'Klingon', sourceUrl: 'javascript:x' }))).toEqual(['title', 'language', 'sourceUrl']);
  });
});

describe('article fields of an update', () => {
  const previous = { title: 'Talks resume', body: 'Negotiators met again on Saturday.', excerpt: 'Negotiators met again on Saturday.' };
  const update = (data: Record<string, unknown>, stored: typeof previous = previous) =>
    deriveArticleFields({ data, previous: stored, settings, now: NOW });

  it('derives only from the fields sent: no default language, no new date, no counts without a body', () => {
    expect(changesOf(update({ title: ' New title ' }))).toEqual({ title: 'New title', wordCount: undefined, readingTime: undefined });
  });

  it('refuses to empty the document date', () => {
    expect(paths(update({ documentDate: '' }))).toEqual(['documentDate']);
  });

  it('lets a generated excerpt follow a new body, with new counts', () => {
    expect(changesOf(update({ body: 'A different body of six words.' }))).toMatchObject({
      excerpt: 'A different body of six words.',
      wordCount: 6,
      readingTime: 1,
    });
  });

  it('lets a generated excerpt sent back unchanged by a form follow the new body', () => {
    expect(changesOf(update({ body: 'Another body.', excerpt: previous.excerpt })).excerpt).toBe('Another body.');
  });

  it('keeps an excerpt the editor wrote when the body changes', () => {
    const written = { ...previous, excerpt: 'Written by hand.' };
    expect(changesOf(update({ body: 'Another body.' }, written))).not.toHaveProperty('excerpt');
  });

  it('generates the excerpt again when the editor empties it', () => {
    expect(changesOf(update({ excerpt: '' }, { ...previous, excerpt: 'Written by hand.' })).excerpt).toBe(previous.body);
  });
});

describe('article fields of a new article published at once', () => {
  const create = (data: Record<string, unknown>, publish: boolean) => deriveNewArticle({ data, settings, now: NOW, publish });

  it('needs a non-blank body only when published', () => {
    expect(create({ title: 'T', body: '  ' }, false).ok).toBe(true);
    expect(paths(create({ title: 'T', body: '  ' }, true))).toEqual(['body']);
    expect(paths(create({ title: 'T' }, true))).toEqual(['body']);
  });

  it('reports the field rules before what publishing needs', () => {
    expect(paths(create({ title: '', body: '' }, true))).toEqual(['title']);
  });

  it('derives the same fields as any create', () => {
    expect(create({ title: ' T ', body: 'One two.' }, true)).toEqual(deriveArticleFields({ data: { title: ' T ', body: 'One two.' }, previous: null, settings, now: NOW }));
  });
});

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
