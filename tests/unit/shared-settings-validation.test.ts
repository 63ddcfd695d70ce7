/**
 * The settings rules in shared/, as the admin's settings form runs them: without the
 * server's language table (names, three-letter aliases), which stays out of the admin
 * bundle. The form must accept and reject exactly what `PUT /newsroom/settings` does.
 */
import { validateSettings as serverValidate, DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { LANGUAGE_ROWS } from '../../server/src/core/language-names';
import { normalizeLanguageCode } from '../../server/src/core/language';
import { LANGUAGE_PRIMARY_CODES, isStoredLanguageCode } from '../../shared/validation/language-code';
import { settingOf, validateSettings as formValidate } from '../../shared/validation/settings';
import { isTimeZone } from '../../shared/validation/time-zone';

/** Everything the language table knows, in the spellings an editor might type. */
const LANGUAGE_INPUTS = LANGUAGE_ROWS.flatMap((row) => [
  row.code,
  row.code.toUpperCase(),
  ` ${row.code}`,
  `${row.code}-GB`,
  `${row.code}_gb`,
  `${row.code}-`,
  ...row.codes,
  ...row.names,
]).concat(['', ' ', 'xx', 'klingon', 'zh-hant-tw', `en-${'a'.repeat(40)}`, 'en--gb']);

describe('settings rules shared by the admin form and the server', () => {
  it('know the same primary language codes as the server table', () => {
    const serverCodes = LANGUAGE_ROWS.filter((row) => !row.code.includes('-')).map((row) => row.code);
    expect([...LANGUAGE_PRIMARY_CODES].sort()).toEqual([...serverCodes].sort());
  });

  it('take a language code as stored exactly when the server would store it unchanged', () => {
    for (const input of LANGUAGE_INPUTS) {
      expect([input, isStoredLanguageCode(input)]).toEqual([input, normalizeLanguageCode(input) === input]);
    }
  });

  it('accept and reject in the form what the server accepts and rejects, naming the same fields', () => {
    const cases: Array<Record<string, unknown>> = [
      ...LANGUAGE_INPUTS.flatMap((code) => [
        { ...DEFAULT_SETTINGS, defaultLanguage: code },
        { ...DEFAULT_SETTINGS, languages: ['en', code] },
        { ...DEFAULT_SETTINGS, defaultLanguage: code, languages: ['de', code] },
      ]),
      ...['UTC', 'Europe/Berlin', 'europe/berlin', 'Berlin', '', 'Mars/Olympus_Mons'].map((zone) => ({ ...DEFAULT_SETTINGS, importTimeZone: zone })),
      ...[79, 80, 1000, 1001, 280.5, Number.NaN, undefined].map((excerptLength) => ({ ...DEFAULT_SETTINGS, excerptLength })),
      { ...DEFAULT_SETTINGS, cacheMaxAge: -1, colour: 'red' },
    ];
    for (const input of cases) {
      const form = formValidate(input);
      const server = serverValidate(input);
      const keys = (result: typeof form) => (result.ok ? result.settings : result.issues.map((issue) => issue.key));
      expect([input, keys(form)]).toEqual([input, keys(server)]);
    }
  });

  it('suggest no code in the form, where there is no language table: the form shows its own message', () => {
    const result = formValidate({ ...DEFAULT_SETTINGS, defaultLanguage: 'German' });
    expect(result).toEqual({ ok: false, issues: [{ key: 'defaultLanguage', message: expect.not.stringContaining('use "de"') }] });
    expect(serverValidate({ ...DEFAULT_SETTINGS, defaultLanguage: 'German' })).toEqual({
      ok: false,
      issues: [{ key: 'defaultLanguage', message: expect.stringContaining('use "de"') }],
    });
  });

  it('name the field of an issue, a language list position included', () => {
    expect(settingOf({ key: 'languages[3]', message: '' })).toBe('languages');
    expect(settingOf({ key: 'cacheMaxAge', message: '' })).toBe('cacheMaxAge');
    expect(settingOf({ key: 'colour', message: '' })).toBeNull();
    expect(settingOf({ key: '', message: '' })).toBeNull();
  });

  it.each(['UTC', 'Europe/Berlin', 'Asia/Tehran', 'America/Argentina/Buenos_Aires'])('know the time zone %p', (zone) => {
    expect(isTimeZone(zone)).toBe(true);
  });

  it.each(['', 'Berlin', 'Mars/Olympus_Mons', 'UTCBerl'])('reject %p as a time zone', (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });
});
