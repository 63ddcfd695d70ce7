import fc from 'fast-check';
import {
  SLUG_MAX_LENGTH,
  fallbackSlug,
  isValidSlug,
  nextFreeSlug,
  normalizeSlug,
  slugFromText,
  suffixOf,
  suffixSearchPrefix,
  withSuffix,
} from '../../server/src/core/slug';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Titles mixing words of many scripts, punctuation and emoji.
const word = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  fc.lorem({ maxCount: 1 }),
  fc.constantFrom('Iran’s', 'U.S.', 'Größe', 'Привет', 'Ελλάδα', 'سلام', '你好', '🎉', '—', 'x'.repeat(95)),
);
const title = fc.array(word, { maxLength: 40 }).map((words) => words.join(' '));

describe('slug', () => {
  it('makes the SPEC example from a title', () => {
    expect(slugFromText("Iran's Supreme Leader shifts Stance on Nuclear talks with the U.S.")).toBe(
      'irans-supreme-leader-shifts-stance-on-nuclear-talks-with-the-us',
    );
  });

  it('keeps words apart that dashes, slashes and underscores separate', () => {
    expect(slugFromText('Anti-war protests 1990–2000 and/or snake_case — today')).toBe(
      'anti-war-protests-1990-2000-and-or-snake-case-today',
    );
  });

  it('collapses repeated separators and trims them from the ends', () => {
    expect(slugFromText('  --Hello,   --  World!--  ')).toBe('hello-world');
  });

  it('transliterates Latin accents, German umlauts, Cyrillic and Greek', () => {
    expect(slugFromText('Größe Über Ça')).toBe('grosse-uber-ca');
    expect(slugFromText('Привет мир')).toBe('privet-mir');
    expect(slugFromText('Ελληνικά νέα')).toBe('ellhnika-nea');
  });

  it('folds accented letters slugify has no entry for, like pinyin and ligatures', () => {
    expect(slugFromText('Nǐ hǎo ﬁnance')).toBe('ni-hao-finance');
  });

  it('transliterates Arabic-script letters roughly, without vowels', () => {
    expect(slugFromText('سلام دنیا')).toBe('slam-dnya');
  });

  it.each([
    ['Chinese', '伊朗最高领袖'],
    ['Japanese', 'こんにちは'],
    ['Korean', '안녕하세요'],
    ['Thai', 'สวัสดี'],
    ['Hebrew', 'שלום'],
    ['Hindi', 'नमस्ते'],
    ['emoji only', '🎉🔥 🇮🇷'],
  ])('gives an empty slug for text nothing transliterates (%s)', (_script, text) => {
    expect(slugFromText(text)).toBe('');
  });

  it('drops emoji between words', () => {
    expect(slugFromText('Breaking 🔥 news 👩‍👩‍👧')).toBe('breaking-news');
  });

  it('cuts long titles at a word boundary within 80 characters', () => {
    const long = 'the quick brown fox jumps over the lazy dog '.repeat(4);
    const slug = slugFromText(long);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug).toBe('the-quick-brown-fox-jumps-over-the-lazy-dog-the-quick-brown-fox-jumps-over-the');
    expect(`${long.replace(/ /g, '-')}`.startsWith(`${slug}-`)).toBe(true);
  });

  it('keeps a word that ends exactly at 80 characters', () => {
    const eighty = `${'a'.repeat(39)} ${'b'.repeat(40)} tail`;
    expect(slugFromText(eighty)).toBe(`${'a'.repeat(39)}-${'b'.repeat(40)}`);
  });

  it('hard-cuts a first word longer than 80 characters', () => {
    expect(slugFromText(`${'x'.repeat(100)} end`)).toBe('x'.repeat(80));
  });

  it('is always a valid slug of at most 80 characters, or empty', () => {
    fc.assert(
      fc.property(title, (text) => {
        const slug = slugFromText(text);
        return slug === '' || (isValidSlug(slug) && slug.length <= SLUG_MAX_LENGTH);
      }),
      { numRuns: 2000 },
    );
  });

  it('never cuts inside a word that fits', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9]{1,20}$/), { minLength: 1, maxLength: 30 }), (words) => {
        const full = words.join('-');
        const slug = slugFromText(words.join(' '));
        return slug === full || full.startsWith(`${slug}-`);
      }),
    );
  });
});

describe('fallback slug', () => {
  it('is article- and 8 hex characters, stable for one seed', () => {
    const slug = fallbackSlug('k2x9abc123documentid');
    expect(slug).toMatch(/^article-[0-9a-f]{8}$/);
    expect(fallbackSlug('k2x9abc123documentid')).toBe(slug);
    expect(isValidSlug(slug)).toBe(true);
  });

  it('differs between seeds', () => {
    expect(fallbackSlug('doc-a')).not.toBe(fallbackSlug('doc-b'));
  });
});

describe('slug suffix', () => {
  it('leaves the base alone for the first slug', () => {
    expect(withSuffix('news', 1)).toBe('news');
    expect(withSuffix('news', 0)).toBe('news');
  });

  it('appends -n for later collisions', () => {
    expect(withSuffix('news', 2)).toBe('news-2');
    expect(withSuffix('news', 17)).toBe('news-17');
  });

  it('shortens a long base at a word boundary so the result stays within 80', () => {
    const base = slugFromText('the quick brown fox jumps over the lazy dog '.repeat(4));
    const suffixed = withSuffix(base, 12);
    expect(suffixed).toBe('the-quick-brown-fox-jumps-over-the-lazy-dog-the-quick-brown-fox-jumps-over-12');
    expect(suffixed.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
  });

  it('hard-cuts a one-word base to make room', () => {
    expect(withSuffix('x'.repeat(80), 3)).toBe(`${'x'.repeat(78)}-3`);
  });

  it('keeps every suffixed slug valid and within 80 characters', () => {
    fc.assert(
      fc.property(title, fc.integer({ min: 1, max: 10_000_000 }), (text, n) => {
        const base = slugFromText(text) || fallbackSlug(text);
        const slug = withSuffix(base, n);
        return isValidSlug(slug) && slug.length <= SLUG_MAX_LENGTH;
      }),
      { numRuns: 1000 },
    );
  });

  it('takes the lowest free suffix', () => {
    expect(nextFreeSlug('news', [])).toBe('news');
    expect(nextFreeSlug('news', ['news'])).toBe('news-2');
    expect(nextFreeSlug('news', new Set(['news', 'news-2', 'news-4']))).toBe('news-3');
    expect(nextFreeSlug('news', ['news-2'])).toBe('news');
  });

  it('finds a free slug for long bases whose suffixed forms are shortened', () => {
    const base = `${'a'.repeat(40)}-${'b'.repeat(39)}`;
    const taken = [base, withSuffix(base, 2), withSuffix(base, 3)];
    expect(nextFreeSlug(base, taken)).toBe(`${'a'.repeat(40)}-4`);
  });

  it('reads the suffix of a stored slug', () => {
    expect(suffixOf('news', 'news')).toBe(1);
    expect(suffixOf('news', 'news-2')).toBe(2);
    expect(suffixOf('news', 'news-123')).toBe(123);
    expect(suffixOf('news', 'news-ball')).toBeNull();
    expect(suffixOf('news', 'news-02')).toBeNull();
    expect(suffixOf('news', 'news-1')).toBeNull();
    expect(suffixOf('news', 'newsroom-2')).toBeNull();
    expect(suffixOf('news-2', 'news-2-3')).toBe(3);
  });

  it('reads suffixes of shortened long bases, which a plain prefix match would miss', () => {
    const base = `${'a'.repeat(40)}-${'b'.repeat(39)}`;
    expect(suffixOf(base, `${'a'.repeat(40)}-7`)).toBe(7);
    expect(suffixSearchPrefix(base)).toBe('a'.repeat(40));
    expect(suffixSearchPrefix('news')).toBe('news');
  });

  it('round-trips every suffix through suffixOf', () => {
    fc.assert(
      fc.property(title, fc.integer({ min: 1, max: 999_999 }), (text, n) => {
        const base = slugFromText(text) || fallbackSlug(text);
        const slug = withSuffix(base, n);
        return suffixOf(base, slug) === n && slug.startsWith(suffixSearchPrefix(base));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('editor slug', () => {
  it('normalizes what an editor typed', () => {
    expect(normalizeSlug('My Slug!')).toBe('my-slug');
    expect(normalizeSlug('  already-fine ')).toBe('already-fine');
    expect(normalizeSlug('Über--Uns__2024')).toBe('uber-uns-2024');
  });

  it('validates slugs', () => {
    expect(isValidSlug('a-b-1')).toBe(true);
    expect(isValidSlug('')).toBe(false);
    expect(isValidSlug('-a')).toBe(false);
    expect(isValidSlug('a--b')).toBe(false);
    expect(isValidSlug('A-b')).toBe(false);
    expect(isValidSlug('a'.repeat(81))).toBe(false);
    expect(SLUG.test(normalizeSlug('Ünïcödé Tèxt'))).toBe(true);
  });
});
