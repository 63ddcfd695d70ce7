import {
  isLanguageCode,
  languageFromName,
  normalizeLanguage,
  normalizeLanguageCode,
  type LanguageResult,
} from '../../server/src/core/language';
import { LANGUAGE_ROWS } from '../../server/src/core/language-names';

const ANY = { defaultLanguage: 'en', languages: [] as string[] };

function codeOf(result: LanguageResult): string {
  if (!result.ok) throw new Error(`expected a code, got: ${result.message}`);
  return result.code;
}

function messageOf(result: LanguageResult): string {
  if (result.ok) throw new Error(`expected an error, got the code ${result.code}`);
  return result.message;
}

describe('language', () => {
  it.each([null, undefined, '', '   '])('uses the default language when the input is %p', (input) => {
    expect(codeOf(normalizeLanguage(input, ANY))).toBe('en');
    expect(codeOf(normalizeLanguage(input, { defaultLanguage: 'DE', languages: [] }))).toBe('de');
  });

  it.each([
    ['en', 'en'],
    ['EN', 'en'],
    [' fa ', 'fa'],
    ['De', 'de'],
  ])('accepts the code %p in any case', (input, code) => {
    expect(codeOf(normalizeLanguage(input, ANY))).toBe(code);
  });

  it.each([
    ['en-GB', 'en-gb'],
    ['en_GB', 'en-gb'],
    ['zh-Hant-TW', 'zh-hant-tw'],
    ['pt-BR', 'pt-br'],
    ['es-419', 'es-419'],
  ])('keeps region and script subtags: %p → %p', (input, code) => {
    expect(codeOf(normalizeLanguage(input, ANY))).toBe(code);
  });

  it.each([
    ['eng', 'en'],
    ['deu', 'de'],
    ['ger', 'de'],
    ['per', 'fa'],
    ['fas', 'fa'],
    ['zho', 'zh'],
    ['ENG-us', 'en-us'],
  ])('maps the three-letter code %p to the two-letter code %p', (input, code) => {
    expect(codeOf(normalizeLanguage(input, ANY))).toBe(code);
  });

  it('keeps three-letter codes of languages without a two-letter code', () => {
    expect(codeOf(normalizeLanguage('fil', ANY))).toBe('fil');
    expect(codeOf(normalizeLanguage('yue-HK', ANY))).toBe('yue-hk');
  });

  it.each([
    ['English', 'en'],
    ['german', 'de'],
    ['PERSIAN', 'fa'],
    ['Farsi', 'fa'],
    ['French', 'fr'],
    ['Arabic', 'ar'],
    ['Spanish', 'es'],
    ['Castilian', 'es'],
    ['Russian', 'ru'],
    ['Chinese', 'zh'],
    ['Mandarin', 'zh'],
    ['Norwegian Bokmål', 'nb'],
    ['norwegian bokmal', 'nb'],
    ['  Scottish   Gaelic ', 'gd'],
    ['Simplified Chinese', 'zh-hans'],
  ])('accepts the English name %p as %p', (input, code) => {
    expect(codeOf(normalizeLanguage(input, ANY))).toBe(code);
  });

  it('rejects an unknown name with a message naming the field', () => {
    expect(messageOf(normalizeLanguage('klingon', ANY))).toBe(
      'language "klingon" is not a known ISO 639 code or English language name',
    );
  });

  it.each(['xx', 'qq-GB', 'e', 'english-uk', 'en-', 'en--gb', 'en gb', 'en-toolongsubtag', `en${'-ab'.repeat(20)}`])(
    'rejects the malformed or unknown code %p',
    (input) => {
      expect(messageOf(normalizeLanguage(input, ANY))).toMatch(/^language ".*" is not a known ISO 639 code/);
    },
  );

  it.each([42, true, {}, ['en']])('rejects the non-string input %p', (input) => {
    expect(messageOf(normalizeLanguage(input, ANY))).toMatch(/^language must be an ISO 639 code/);
  });

  describe('with a languages setting', () => {
    const RESTRICTED = { defaultLanguage: 'en', languages: ['en', 'DE'] };

    it('accepts listed codes and names', () => {
      expect(codeOf(normalizeLanguage('de', RESTRICTED))).toBe('de');
      expect(codeOf(normalizeLanguage('English', RESTRICTED))).toBe('en');
    });

    it('accepts a regional tag whose primary language is listed', () => {
      expect(codeOf(normalizeLanguage('en-GB', RESTRICTED))).toBe('en-gb');
    });

    it('accepts a regional tag listed as such, but not its bare primary language', () => {
      const options = { defaultLanguage: 'pt-br', languages: ['pt-BR'] };
      expect(codeOf(normalizeLanguage('pt_br', options))).toBe('pt-br');
      expect(messageOf(normalizeLanguage('pt', options))).toBe('language must be one of: pt-br (got "pt")');
    });

    it('rejects a valid language that is not listed, naming the accepted values', () => {
      expect(messageOf(normalizeLanguage('French', RESTRICTED))).toBe(
        'language must be one of: en, de (got "French")',
      );
    });

    it('rejects an unknown language, naming the accepted values', () => {
      expect(messageOf(normalizeLanguage('xx', RESTRICTED))).toBe('language must be one of: en, de (got "xx")');
    });
  });
});

describe('language from a category name', () => {
  it.each([
    ['English', 'en'],
    ['german', 'de'],
    ['Persian', 'fa'],
    ['Farsi', 'fa'],
    ['Volapük', 'vo'],
  ])('reads %p as %p', (name, code) => {
    expect(languageFromName(name)).toBe(code);
  });

  it.each(['International', 'Snippets', 'IT', 'Art', 'en', 'de', 'fa', 'eng'])('does not read %p as a language', (name) => {
    expect(languageFromName(name)).toBeNull();
  });

  it('does not read country names that are also language names as languages', () => {
    expect(languageFromName('Tonga')).toBeNull();
    expect(languageFromName('Tongan')).toBe('to');
    expect(codeOf(normalizeLanguage('Tonga', ANY))).toBe('to');
  });
});

describe('language codes', () => {
  it('recognizes codes and tags in any case, not names', () => {
    expect(isLanguageCode('en')).toBe(true);
    expect(isLanguageCode('EN-gb')).toBe(true);
    expect(isLanguageCode('fas')).toBe(true);
    expect(isLanguageCode('English')).toBe(false);
    expect(isLanguageCode('xx')).toBe(false);
    expect(isLanguageCode('')).toBe(false);
  });

  it('normalizes codes to their stored form', () => {
    expect(normalizeLanguageCode(' EN_gb ')).toBe('en-gb');
    expect(normalizeLanguageCode('ger')).toBe('de');
    expect(normalizeLanguageCode('klingon')).toBeNull();
  });

  it('covers every ISO 639-1 code in use', () => {
    const twoLetter = LANGUAGE_ROWS.filter((row) => /^[a-z]{2}$/.test(row.code)).map((row) => row.code);
    expect(new Set(twoLetter).size).toBe(183);
    for (const code of twoLetter) expect(isLanguageCode(code)).toBe(true);
  });

  it('gives every English name exactly one language', () => {
    const seen = new Map<string, string>();
    for (const row of LANGUAGE_ROWS) {
      for (const name of row.names) {
        const key = name.toLowerCase();
        expect([key, seen.get(key) ?? row.code]).toEqual([key, row.code]);
        seen.set(key, row.code);
      }
    }
  });

  it('gives every three-letter code exactly one language', () => {
    const all = LANGUAGE_ROWS.flatMap((row) => row.codes);
    expect(new Set(all).size).toBe(all.length);
    for (const row of LANGUAGE_ROWS) for (const code of row.codes) expect(normalizeLanguageCode(code)).toBe(row.code);
  });
});
