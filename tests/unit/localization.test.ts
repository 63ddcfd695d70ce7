import articleSchema from '../../content-types/article/schema.json';
import {
  describeMigration,
  localeParameter,
  planLocalize,
  planUnlocalize,
  type MigrationRow,
  languageOfLocale,
  localeForLanguage,
  localizeArticleSchema,
  localizedArticleUrl,
  parseLocalized,
  slugKeyPrefix,
} from '../../server/src/core/localization';
import config from '../../server/src/config';
import { importKey } from '../../server/src/core/import/key';

describe('localized setting', () => {
  it.each([undefined, null])('is off when %p', (value) => {
    expect(parseLocalized(value)).toEqual({ ok: true, localized: false });
  });

  it.each([true, false])('accepts %p', (value) => {
    expect(parseLocalized(value)).toEqual({ ok: true, localized: value });
  });

  it.each([['true'], [1], [{}], ['']])('rejects %p naming the key', (value) => {
    const result = parseLocalized(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^"localized" must be true or false/);
  });

  it('stops startup on a bad value, naming the key, and passes a good one', () => {
    expect(() => config.validator({ ...config.default, localized: 'yes' })).toThrow(/"localized"/);
    expect(() => config.validator({ ...config.default, localized: true })).not.toThrow();
    expect(config.default.localized).toBe(false);
  });
});

describe('localizeArticleSchema', () => {
  const localized = () => {
    const schema = JSON.parse(JSON.stringify(articleSchema)) as Parameters<typeof localizeArticleSchema>[0];
    localizeArticleSchema(schema);
    return schema;
  };
  const flag = (schema: Parameters<typeof localizeArticleSchema>[0], field: string) =>
    (schema.attributes[field].pluginOptions as { i18n?: { localized: boolean } } | undefined)?.i18n?.localized;

  it('makes the type localized and keeps its other plugin options', () => {
    const schema = localized();
    expect(schema.pluginOptions).toMatchObject({ i18n: { localized: true }, 'content-manager': { visible: true } });
  });

  it('localizes the text and what derives from it, shares categories, source and dates', () => {
    const schema = localized();
    for (const field of ['title', 'slug', 'body', 'excerpt', 'language', 'wordCount', 'readingTime']) expect(flag(schema, field)).toBe(true);
    for (const field of ['categories', 'source', 'sourceUrl', 'documentDate', 'sourcePublishedDate']) expect(flag(schema, field)).toBe(false);
  });

  it('names every attribute of the schema file one way or the other', () => {
    const schema = localized();
    expect(Object.keys(schema.attributes).filter((field) => flag(schema, field) === undefined)).toEqual([]);
  });

  it('does not change the schema file itself', () => {
    localized();
    expect((articleSchema.pluginOptions as Record<string, unknown>).i18n).toBeUndefined();
  });
});

describe('localeForLanguage', () => {
  const locales = ['en', 'de', 'fa', 'pt-BR'];
  it.each([
    ['en', 'en'],
    ['de', 'de'],
    ['en-gb', 'en'],
    ['pt-br', 'pt-BR'],
    ['fa', 'fa'],
    ['fr', null],
    [null, null],
  ])('puts %p in %p', (language, locale) => {
    expect(localeForLanguage(language, locales)).toBe(locale);
  });

  it('gives the language of a locale in the stored form', () => {
    expect(languageOfLocale('pt-BR')).toBe('pt-br');
  });
});

describe('slug claim keys', () => {
  it('carry the locale only when localized', () => {
    expect(slugKeyPrefix(null)).toBe('');
    expect(slugKeyPrefix('de')).toBe('de/');
  });
});

describe('planLocalize', () => {
  const row = (id: number, documentId: string, language: string | null, publishedAt: string | null = null): MigrationRow => ({
    id,
    documentId,
    language,
    locale: 'en',
    slug: `s-${documentId}`,
    publishedAt,
  });

  it('puts each document in the locale of its language, both versions together, else the default', () => {
    const plan = planLocalize(
      [row(1, 'a', 'en'), row(2, 'a', 'en', 'x'), row(3, 'b', 'de'), row(4, 'b', 'de', 'x'), row(5, 'c', 'fa'), row(6, 'd', 'fr'), row(7, 'e', 'en-gb')],
      ['en', 'de', 'fa'],
      'en'
    );
    expect(Object.fromEntries(plan.moves)).toEqual({ de: [3, 4], fa: [5] });
    expect(Object.fromEntries(plan.counts)).toEqual({ en: 3, de: 1, fa: 1 });
    expect(plan.fallback).toBe(1);
    expect(describeMigration(plan, 'en')).toBe(
      'newsroom: articles are localized now: 5 articles in locales: 1 to "de", 3 to "en", 1 to "fa"; 1 of them have a language without a locale and went to the default locale "en"'
    );
  });
});

describe('planUnlocalize', () => {
  const row = (id: number, documentId: string, locale: string, slug: string): MigrationRow => ({
    id,
    documentId,
    language: locale,
    locale,
    slug,
    publishedAt: null,
  });
  let next = 0;
  const newId = () => `new${(next += 1)}`;

  it('keeps every row: translations become articles of their own in the default locale', () => {
    next = 0;
    const changes = planUnlocalize(
      [row(1, 'a', 'en', 'story'), row(2, 'a', 'de', 'story'), row(3, 'a', 'de', 'story'), row(4, 'a', 'fa', 'article-x'), row(5, 'b', 'de', 'other')],
      'en',
      newId
    );
    expect(changes).toEqual([
      { id: 2, locale: 'en', documentId: 'new1', slug: 'story-2' },
      { id: 3, locale: 'en', documentId: 'new1', slug: 'story-2' },
      { id: 4, locale: 'en', documentId: 'new2' },
      { id: 5, locale: 'en' },
    ]);
  });

  it('gives a document only in another locale a free slug, keeping its documentId', () => {
    expect(planUnlocalize([row(1, 'a', 'en', 'story'), row(2, 'b', 'fa', 'story')], 'en', newId)).toEqual([
      { id: 2, locale: 'en', slug: 'story-2' },
    ]);
  });

  it('changes nothing without translations in the default locale', () => {
    expect(planUnlocalize([row(1, 'a', 'en', 'story')], 'en', newId)).toEqual([]);
  });
});

describe('localeParameter', () => {
  const locales = { codes: ['en', 'de', 'fa'], defaultLocale: 'en' };
  const code = (value: string) => ({ German: 'de', French: 'fr', de: 'de' })[value] ?? null;

  it('takes a configured locale in any case, and leaves the rest of the query', () => {
    expect(localeParameter({ locale: 'DE', q: 'x' }, locales, code)).toEqual({ ok: true, locale: 'de', rest: { q: 'x' } });
  });

  it('maps a language to its locale; the language then filters nothing more', () => {
    expect(localeParameter({ language: 'German', q: 'x' }, locales, code)).toEqual({ ok: true, locale: 'de', rest: { q: 'x' } });
  });

  it('serves the default locale without either', () => {
    expect(localeParameter({}, locales, code)).toEqual({ ok: true, locale: 'en', rest: {} });
  });

  it.each([[{ locale: 'xx' }, 'locale'], [{ locale: ['de', 'en'] }, 'locale'], [{ language: 'French' }, 'language']])(
    'refuses %p naming %p',
    (query, parameter) => {
      const result = localeParameter(query, locales, code);
      expect(result).toMatchObject({ ok: false, parameter });
    }
  );
});

describe('import keys per locale', () => {
  const fields = { source: 'example.org', title: 'Budget', documentDate: null };
  it('are the keys they always were without a locale, and differ per locale', () => {
    expect(importKey({ ...fields, locale: null })).toBe(importKey(fields));
    expect(importKey({ ...fields, locale: 'de' })).not.toBe(importKey({ ...fields, locale: 'en' }));
  });
});

describe('localizedArticleUrl', () => {
  it('puts the locale after the site when the template has no {language}', () => {
    expect(localizedArticleUrl('{siteUrl}/news/{slug}')).toBe('{siteUrl}/{language}/news/{slug}');
    expect(localizedArticleUrl('{siteUrl}')).toBe('{siteUrl}/{language}');
  });

  it('keeps a template that places {language} itself, or that does not start with the site', () => {
    expect(localizedArticleUrl('{siteUrl}/news/{language}/{slug}')).toBe('{siteUrl}/news/{language}/{slug}');
    expect(localizedArticleUrl('https://example.org/{slug}')).toBe('https://example.org/{slug}');
  });
});
