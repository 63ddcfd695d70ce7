import { DEFAULT_SETTINGS, formatSettingsIssues, validatePartialSettings, validateSettings } from '../../server/src/core/settings';
import { validateSettings as formValidate } from '../../shared/validation/settings';

const issuesOf = (input: Record<string, unknown>) => {
  const result = validateSettings({ ...DEFAULT_SETTINGS, ...input });
  return result.ok ? [] : result.issues;
};

describe('settings of feeds and sitemaps', () => {
  it('default to no siteUrl, the /news/{slug} template, the title Newsroom and the publication name of the title', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ siteUrl: null, articleUrl: '{siteUrl}/news/{slug}', feedTitle: 'Newsroom', publicationName: null });
  });

  it('store siteUrl without trailing slashes, titles trimmed', () => {
    const result = validateSettings({ ...DEFAULT_SETTINGS, siteUrl: 'https://www.example.com/', feedTitle: '  Daily  ', publicationName: ' The Daily ' });
    expect(result).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, siteUrl: 'https://www.example.com', feedTitle: 'Daily', publicationName: 'The Daily' },
    });
  });

  it.each([
    [{ siteUrl: 'www.example.com' }, 'siteUrl'],
    [{ siteUrl: '' }, 'siteUrl'],
    [{ siteUrl: 42 }, 'siteUrl'],
    [{ siteUrl: 'https://example.com/?x=1' }, 'siteUrl'],
    [{ articleUrl: '{siteUrl}/news/{title}' }, 'articleUrl'],
    [{ articleUrl: '{siteUrl}/news' }, 'articleUrl'],
    [{ articleUrl: null }, 'articleUrl'],
    [{ feedTitle: '' }, 'feedTitle'],
    [{ feedTitle: 'x'.repeat(201) }, 'feedTitle'],
    [{ feedTitle: 'two\nlines' }, 'feedTitle'],
    [{ feedTitle: null }, 'feedTitle'],
    [{ publicationName: '   ' }, 'publicationName'],
    [{ publicationName: 5 }, 'publicationName'],
  ])('refuse %j, naming %p', (input, key) => {
    expect(issuesOf(input).map((issue) => issue.key)).toEqual([key]);
  });

  it('check articleUrl against the siteUrl it joins', () => {
    const base = { ...DEFAULT_SETTINGS, siteUrl: 'https://example.com' };
    expect(validatePartialSettings({ articleUrl: '{siteUrl}/{yyyy}/{slug}' }, base).ok).toBe(true);
    const result = validatePartialSettings({ articleUrl: 'news/{slug}' }, base);
    expect(result.ok ? '' : formatSettingsIssues(result.issues)).toMatch(/^"articleUrl" must give an absolute http\(s\) URL/);
  });

  it('take null to unset siteUrl and publicationName', () => {
    const base = { ...DEFAULT_SETTINGS, siteUrl: 'https://example.com', publicationName: 'X' };
    expect(validatePartialSettings({ siteUrl: null, publicationName: null }, base)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('are checked the same in the admin form', () => {
    const cases = [
      { siteUrl: 'https://e.com' },
      { siteUrl: 'e.com' },
      { articleUrl: '{siteUrl}/{category}/{slug}' },
      { articleUrl: '{nope}' },
      { feedTitle: '' },
      { publicationName: 'P' },
    ];
    for (const input of cases) {
      const form = formValidate({ ...DEFAULT_SETTINGS, ...input });
      const server = validateSettings({ ...DEFAULT_SETTINGS, ...input });
      expect([input, form.ok ? form.settings : form.issues]).toEqual([input, server.ok ? server.settings : server.issues]);
    }
  });
});
