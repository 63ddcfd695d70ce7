import articleSchema from '../../content-types/article/schema.json';
import {
  describeMigration,
  languageOfLocale,
  localeForLanguage,
  localizeArticleSchema,
  parseLocalized,
  slugKeyPrefix,
} from '../../server/src/core/localization';
import config from '../../server/src/config';

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

describe('describeMigration', () => {
  it('says how many went where', () => {
    const message = describeMigration(new Map([['en', 3], ['de', 2]]), { locale: 'en', count: 1 });
    expect(message).toContain('5 article rows');
    expect(message).toContain('2 to "de", 3 to "en"');
    expect(message).toContain('1 of them without a locale of their language, to the default "en"');
  });
});
