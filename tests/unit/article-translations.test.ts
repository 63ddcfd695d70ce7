import { translationsOf } from '../../server/src/core/article-translations';

const version = (locale: string | null, publishedAt: string | null, updatedAt: string) => ({ locale, publishedAt, updatedAt });

describe('the translations the snippet preview lists', () => {
  it('gives each other locale once, by code, and leaves out the locale being edited', () => {
    const listed = translationsOf(
      [
        version('fa', null, '2026-01-01T00:00:00.000Z'),
        version('de', null, '2026-01-01T00:00:00.000Z'),
        version('en', null, '2026-01-01T00:00:00.000Z'),
        version('en', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
      ],
      'en'
    );
    expect(listed.map((entry) => entry.locale)).toEqual(['de', 'fa']);
  });

  it('tells published, published with a draft saved since, and draft only apart', () => {
    const listed = translationsOf(
      [
        version('de', null, '2026-01-01T10:00:00.000Z'),
        version('de', '2026-01-01T10:00:00.000Z', '2026-01-01T10:00:00.000Z'),
        version('fa', null, '2026-01-02T10:00:00.000Z'),
        version('fa', '2026-01-01T10:00:00.000Z', '2026-01-01T10:00:00.000Z'),
        version('fr', null, '2026-01-01T10:00:00.000Z'),
      ],
      'en'
    );
    expect(listed.map((entry) => [entry.locale, entry.status])).toEqual([
      ['de', 'published'],
      ['fa', 'modified'],
      ['fr', 'draft'],
    ]);
  });

  it('shows the published version, which the snippet endpoint serves, and keeps both versions for the permission check', () => {
    const draft = version('de', null, '2026-01-02T10:00:00.000Z');
    const published = version('de', '2026-01-01T10:00:00.000Z', '2026-01-01T10:00:00.000Z');
    const [entry] = translationsOf([draft, published], 'en');
    expect(entry.shown).toBe(published);
    expect(entry.versions).toEqual([draft, published]);
  });
});
