import defaultsDeep from 'lodash/defaultsDeep';
import fpDefaultsDeep from 'lodash/fp/defaultsDeep';
import {
  DEFAULT_SETTINGS,
  formatSettingsIssues,
  validatePartialSettings,
  validateSettings,
  type NewsroomSettings,
  type SettingsIssue,
} from '../../server/src/core/settings';

/** A valid settings object with some keys replaced (or removed with `undefined`). */
function settings(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS, ...overrides };
  for (const key of Object.keys(overrides)) if (overrides[key] === undefined) delete merged[key];
  return merged;
}

function accepted(input: unknown): NewsroomSettings {
  const result = validateSettings(input);
  if (!result.ok) throw new Error(`expected valid settings, got ${formatSettingsIssues(result.issues)}`);
  return result.settings;
}

function issues(input: unknown): SettingsIssue[] {
  const result = validateSettings(input);
  if (result.ok) throw new Error(`expected invalid settings, got ${JSON.stringify(result.settings)}`);
  return result.issues;
}

describe('settings', () => {
  describe('defaults', () => {
    it('are the values of SPEC 5', () => {
      expect(DEFAULT_SETTINGS).toEqual({
        excerptLength: 280,
        defaultLanguage: 'en',
        languages: [],
        importTimeZone: 'UTC',
        cacheMaxAge: 60,
        siteUrl: null,
        articleUrl: '{siteUrl}/news/{slug}',
        feedTitle: 'Newsroom',
        publicationName: null,
      });
    });

    it('are valid settings themselves', () => {
      expect(accepted(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    });
  });

  describe('excerptLength', () => {
    it.each([80, 280, 1000])('accepts %p', (value) => {
      expect(accepted(settings({ excerptLength: value })).excerptLength).toBe(value);
    });

    it('rejects a value below 80, naming the key, the accepted range and the value', () => {
      expect(issues(settings({ excerptLength: 5 }))).toEqual([
        { key: 'excerptLength', message: 'must be an integer from 80 to 1000 (got 5)' },
      ]);
    });

    it.each([
      [79, '79'],
      [1001, '1001'],
      [280.5, '280.5'],
      ['280', '"280"'],
      [Number.NaN, 'NaN'],
      [null, 'null'],
    ])('rejects %p', (value, shown) => {
      expect(issues(settings({ excerptLength: value }))).toEqual([
        { key: 'excerptLength', message: `must be an integer from 80 to 1000 (got ${shown})` },
      ]);
    });
  });

  describe('cacheMaxAge', () => {
    it.each([0, 60, 86400])('accepts %p seconds', (value) => {
      expect(accepted(settings({ cacheMaxAge: value })).cacheMaxAge).toBe(value);
    });

    it.each([-1, 86401, 1.5, '60'])('rejects %p', (value) => {
      expect(issues(settings({ cacheMaxAge: value }))).toEqual([
        { key: 'cacheMaxAge', message: expect.stringMatching(/^must be an integer from 0 to 86400 \(got /) },
      ]);
    });
  });

  describe('defaultLanguage', () => {
    it('accepts a code in any case and stores it in lower case', () => {
      expect(accepted(settings({ defaultLanguage: 'DE' })).defaultLanguage).toBe('de');
    });

    it('accepts a region tag, lower-cased', () => {
      expect(accepted(settings({ defaultLanguage: 'en-GB' })).defaultLanguage).toBe('en-gb');
    });

    it('rejects a language name and suggests its code', () => {
      expect(issues(settings({ defaultLanguage: 'German' }))).toEqual([
        { key: 'defaultLanguage', message: expect.stringContaining('use "de"') },
      ]);
    });

    it.each(['klingon', 'xx', '', '  ', ' en'])('rejects %p, saying what a code looks like', (value) => {
      expect(issues(settings({ defaultLanguage: value }))).toEqual([
        { key: 'defaultLanguage', message: expect.stringContaining('ISO 639 language code such as "en"') },
      ]);
    });

    it('rejects a value that is not a string', () => {
      expect(issues(settings({ defaultLanguage: 42 }))).toEqual([
        { key: 'defaultLanguage', message: expect.stringContaining('(got 42)') },
      ]);
    });

    it('must be one of languages when languages is not empty', () => {
      expect(issues(settings({ defaultLanguage: 'fr', languages: ['en', 'de'] }))).toEqual([
        { key: 'defaultLanguage', message: 'must be one of languages (en, de) (got "fr")' },
      ]);
    });

    it('may be any code when languages is empty', () => {
      expect(accepted(settings({ defaultLanguage: 'fa', languages: [] })).defaultLanguage).toBe('fa');
    });
  });

  describe('languages', () => {
    it('lower-cases and de-duplicates the codes, keeping their order', () => {
      expect(accepted(settings({ languages: ['DE', 'en', 'de', 'EN-gb'] })).languages).toEqual(['de', 'en', 'en-gb']);
    });

    it('names the position of a bad code', () => {
      expect(issues(settings({ languages: ['en', 'Persian'] }))).toEqual([
        { key: 'languages[1]', message: expect.stringContaining('use "fa"') },
      ]);
    });

    it('reports every bad code', () => {
      expect(issues(settings({ languages: [1, 'en', 'zz'] })).map((issue) => issue.key)).toEqual([
        'languages[0]',
        'languages[2]',
      ]);
    });

    it.each(['en,de', null, { 0: 'en' }])('rejects %p, which is not a list', (value) => {
      expect(issues(settings({ languages: value }))).toEqual([
        { key: 'languages', message: expect.stringContaining('must be a list of language codes such as ["en", "de"]') },
      ]);
    });
  });

  describe('importTimeZone', () => {
    it.each(['UTC', 'Europe/Berlin', 'Asia/Tehran', 'America/Argentina/Buenos_Aires'])('accepts %p', (zone) => {
      expect(accepted(settings({ importTimeZone: zone })).importTimeZone).toBe(zone);
    });

    it.each(['Mars/Olympus_Mons', 'Berlin', '', 42])('rejects %p', (zone) => {
      expect(issues(settings({ importTimeZone: zone }))).toEqual([
        { key: 'importTimeZone', message: expect.stringContaining('must be an IANA time zone such as "UTC" or "Europe/Berlin"') },
      ]);
    });
  });

  describe('the whole object', () => {
    it('rejects an unknown key, naming it and listing the accepted keys', () => {
      expect(issues(settings({ excerptLenght: 300 }))).toEqual([
        {
          key: 'excerptLenght',
          message:
            'is not a newsroom setting (accepted: excerptLength, defaultLanguage, languages, importTimeZone, cacheMaxAge, siteUrl, articleUrl, feedTitle, publicationName)',
        },
      ]);
    });

    it('requires every key', () => {
      expect(issues(settings({ cacheMaxAge: undefined }))).toEqual([
        { key: 'cacheMaxAge', message: 'must be an integer from 0 to 86400 (got nothing)' },
      ]);
    });

    it('reports every bad key at once', () => {
      expect(issues(settings({ excerptLength: 1, cacheMaxAge: -5 })).map((issue) => issue.key)).toEqual([
        'excerptLength',
        'cacheMaxAge',
      ]);
    });

    it.each([null, 'settings', [], 42])('rejects %p, which is not an object', (value) => {
      expect(issues(value)).toEqual([{ key: '', message: expect.stringContaining('must be an object with the keys') }]);
    });
  });

  describe('partial settings (PUT /newsroom/settings, plugin store)', () => {
    const base: NewsroomSettings = { ...DEFAULT_SETTINGS, languages: ['en', 'de'] };

    it('merges the changes over the base', () => {
      expect(validatePartialSettings({ excerptLength: 400 }, base)).toEqual({
        ok: true,
        settings: { ...base, excerptLength: 400 },
      });
    });

    it('validates the change against the settings it joins', () => {
      expect(validatePartialSettings({ defaultLanguage: 'fr' }, base)).toEqual({
        ok: false,
        issues: [{ key: 'defaultLanguage', message: 'must be one of languages (en, de) (got "fr")' }],
      });
    });

    it('accepts an empty change as the base', () => {
      expect(validatePartialSettings({}, base)).toEqual({ ok: true, settings: base });
    });

    it('treats a key set to undefined as absent', () => {
      expect(validatePartialSettings({ cacheMaxAge: undefined, excerptLength: 90 }, base)).toEqual({
        ok: true,
        settings: { ...base, excerptLength: 90 },
      });
    });

    it('rejects an unknown key', () => {
      expect(validatePartialSettings({ colour: 'red' }, base)).toEqual({
        ok: false,
        issues: [{ key: 'colour', message: expect.stringContaining('is not a newsroom setting') }],
      });
    });

    it('rejects a null value instead of falling back to the base', () => {
      expect(validatePartialSettings({ importTimeZone: null }, base)).toEqual({
        ok: false,
        issues: [{ key: 'importTimeZone', message: expect.stringContaining('(got null)') }],
      });
    });

    it.each([null, [], 'excerptLength=300'])('rejects %p, which is not an object', (value) => {
      expect(validatePartialSettings(value, base)).toEqual({
        ok: false,
        issues: [{ key: '', message: expect.stringContaining('must be an object with some of the keys') }],
      });
    });

    it('leaves the base untouched', () => {
      const before = structuredClone(base);
      validatePartialSettings({ languages: ['EN', 'fa', 'fa'], defaultLanguage: 'fa' }, base);
      expect(base).toEqual(before);
    });
  });

  describe('formatSettingsIssues', () => {
    it('names the key and says what is accepted', () => {
      expect(formatSettingsIssues(issues(settings({ excerptLength: 5 })))).toBe(
        '"excerptLength" must be an integer from 80 to 1000 (got 5)',
      );
    });

    it('joins several issues', () => {
      expect(
        formatSettingsIssues([
          { key: 'languages[1]', message: 'a' },
          { key: 'cacheMaxAge', message: 'b' },
        ]),
      ).toBe('"languages[1]" a; "cacheMaxAge" b');
    });

    it('leaves out the key of an issue about the whole object', () => {
      expect(formatSettingsIssues([{ key: '', message: 'must be an object' }])).toBe('must be an object');
    });
  });

  describe('config/plugins.ts merged over the defaults', () => {
    // Strapi's plugin loader does `fp.defaultsDeep(config.default, userConfig)` and then calls the validator.
    function strapiMerge(user: Record<string, unknown>): unknown {
      return fpDefaultsDeep(DEFAULT_SETTINGS, user);
    }

    it("keeps the user's languages exactly: an empty default array has no element to merge in", () => {
      expect(strapiMerge({ languages: ['de'] })).toEqual({ ...DEFAULT_SETTINGS, languages: ['de'] });
      expect(defaultsDeep({}, { languages: ['de'] }, DEFAULT_SETTINGS)).toEqual({ ...DEFAULT_SETTINGS, languages: ['de'] });
    });

    it('would corrupt the list with a non-empty default, which is why the default is []', () => {
      expect(fpDefaultsDeep({ ...DEFAULT_SETTINGS, languages: ['en', 'fr'] }, { languages: ['de'] })).toMatchObject({
        languages: ['de', 'fr'],
      });
    });

    it('fills the keys the user left out and validates', () => {
      expect(validateSettings(strapiMerge({ excerptLength: 500, languages: ['EN', 'de'] }))).toEqual({
        ok: true,
        settings: { ...DEFAULT_SETTINGS, excerptLength: 500, languages: ['en', 'de'] },
      });
    });

    it("does not share the default languages array with the merged config", () => {
      const merged = strapiMerge({}) as NewsroomSettings;
      expect(merged.languages).toEqual([]);
      expect(merged.languages).not.toBe(DEFAULT_SETTINGS.languages);
    });

    it('stops a bad value with a message naming the key', () => {
      const result = validateSettings(strapiMerge({ cacheMaxAge: 100000 }));
      expect(result.ok ? 'valid' : formatSettingsIssues(result.issues)).toBe(
        '"cacheMaxAge" must be an integer from 0 to 86400 (got 100000)',
      );
    });
  });
});
