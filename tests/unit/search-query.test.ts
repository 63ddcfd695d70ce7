import {
  booleanModeQuery,
  cappedLimit,
  relevancePageParts,
  pinnedSearchPlan,
  searchPlan,
  searchSelectivity,
  tsqueryLexemes,
  type LexemeStats,
  SEARCH_RANK_WINDOW,
  fts5Query,
  fts5CategoryTag,
  fts5LanguageTag,
  fts5PairTag,
  fts5TaggedQuery,
  highestReaching,
  MAX_SEARCH_WORDS,
  pgConfigFor,
  pgQueryConfigs,
  SEARCH_MATCH_CAP,
  searchTerms,
  tsqueryWord,
} from '../../server/src/core/search-query';

const words = (q: string) => searchTerms(q).map((term) => term.word);
const INNODB = { minTokenLength: 3, stopwords: new Set(['the', 'und', 'of']) };
const PG_CONFIGS = new Set(['simple', 'english', 'german', 'arabic']);

describe('search query', () => {
  describe('searchTerms', () => {
    it('reads words, lower case, the last one as a prefix', () => {
      expect(searchTerms('Nuclear Talks')).toEqual([
        { word: 'nuclear', prefix: false },
        { word: 'talks', prefix: true },
      ]);
    });

    it('keeps letters of any script, digits and combining marks', () => {
      expect(words('مذاکرات هسته‌ای ایران')).toEqual(['مذاکرات', 'هسته‌ای', 'ایران']);
      expect(words('Über Straße 2026')).toEqual(['über', 'straße', '2026']);
      expect(words('كَتَبَ')).toEqual(['كَتَبَ']);
    });

    it('drops zero-width joiners at the edges of a word, keeps them inside', () => {
      expect(words('\u200cمی\u200cخواهد\u200c')).toEqual(['می\u200cخواهد']);
      expect(words('\u200c \u200d')).toEqual([]);
    });

    it('treats the engines’ operators and punctuation as separators', () => {
      expect(words('"nuclear" AND (talks OR -iran) NEAR/3 us* ^x title:y')).toEqual([
        'nuclear',
        'and',
        'talks',
        'or',
        'iran',
        'near',
        '3',
        'us',
        'x',
        'title',
        'y',
      ]);
      expect(words(`'; drop table newsroom_articles; --`)).toEqual(['drop', 'table', 'newsroom', 'articles']);
      expect(words('100% _x_ !@#$%^&*()')).toEqual(['100', 'x']);
    });

    it('gives no words for text without letters or digits', () => {
      expect(searchTerms('"*()-+~<>@:^')).toEqual([]);
      expect(searchTerms('')).toEqual([]);
    });

    it('keeps the first of repeated words and at most MAX_SEARCH_WORDS', () => {
      expect(words('talks Talks TALKS iran')).toEqual(['talks', 'iran']);
      const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
      expect(searchTerms(many)).toHaveLength(MAX_SEARCH_WORDS);
      expect(searchTerms(many).at(-1)).toEqual({ word: `w${MAX_SEARCH_WORDS - 1}`, prefix: true });
    });

    it('reads long hostile text in linear time, whatever its shape', () => {
      for (const text of ['"'.repeat(10000), '\u200c'.repeat(10000), `${'a\u200c'.repeat(5000)}!`, 'a '.repeat(5000), '('.repeat(10000)]) {
        expect(() => searchTerms(text)).not.toThrow();
      }
      expect(words('\u200c'.repeat(10000))).toEqual([]);
      expect(words(`${'a\u200c'.repeat(3)}!`)).toEqual(['a\u200ca\u200ca']);
    });
  });

  describe('fts5Query', () => {
    it('quotes every word and marks the last as a prefix', () => {
      expect(fts5Query(searchTerms('Nuclear NEAR talks'))).toBe('"nuclear" "near" "talks" *');
      expect(fts5Query(searchTerms('هسته'))).toBe('"هسته" *');
    });

    it('doubles a quote should one ever reach it', () => {
      expect(fts5Query([{ word: 'a"b', prefix: false }])).toBe('"a""b"');
    });
  });

  describe('fts5TaggedQuery', () => {
    const mark = '\uE000';

    it('requires one of the tags besides the words: a category and a language as their pairs', () => {
      expect(fts5TaggedQuery(searchTerms('nuclear talks'), { categoryIds: [3, 7], languageCodes: ['en', 'en-gb'] })).toBe(
        `("nuclear" "talks" *) AND ("${mark}p3l656e0" OR "${mark}p3l656e2d67620" OR "${mark}p7l656e0" OR "${mark}p7l656e2d67620")`
      );
      expect(fts5TaggedQuery(searchTerms('talks'), { categoryIds: null, languageCodes: ['fa'] })).toBe(`("talks" *) AND ("${mark}l66610")`);
      expect(fts5TaggedQuery(searchTerms('talks'), { categoryIds: [12], languageCodes: null })).toBe(`("talks" *) AND ("${mark}c12")`);
    });

    it('is the words alone without filters, and null when a filter lists nothing', () => {
      expect(fts5TaggedQuery(searchTerms('talks'), { categoryIds: null, languageCodes: null })).toBe('"talks" *');
      expect(fts5TaggedQuery(searchTerms('talks'), { categoryIds: [], languageCodes: null })).toBeNull();
      expect(fts5TaggedQuery(searchTerms('talks'), { categoryIds: [1], languageCodes: [] })).toBeNull();
    });

    it('makes tags no search word can be: the mark is neither letter, digit nor mark', () => {
      for (const tag of [fts5CategoryTag(12), fts5LanguageTag('de-at'), fts5LanguageTag(''), fts5PairTag(3, 'fa')]) {
        expect(searchTerms(tag).map((term) => term.word)).not.toContain(tag);
        expect(tag.startsWith(mark)).toBe(true);
        expect(tag).toMatch(/\d$/); // a final digit: no stemmer changes it
      }
      expect(fts5LanguageTag('')).toBe(`${mark}l0`); // an article without a language
      expect(fts5PairTag(1, 'en')).not.toBe(fts5PairTag(11, 'n')); // the id ends where the language starts
    });
  });

  describe('tsqueryWord', () => {
    it('quotes the word, with :* for the prefix', () => {
      expect(tsqueryWord({ word: 'talks', prefix: false })).toBe("'talks'");
      expect(tsqueryWord({ word: 'tal', prefix: true })).toBe("'tal':*");
    });

    it('drops quotes and backslashes should one ever reach it', () => {
      expect(tsqueryWord({ word: "a'b\\c", prefix: false })).toBe("'abc'");
    });
  });

  describe('booleanModeQuery', () => {
    it('requires every word, the last as a prefix', () => {
      expect(booleanModeQuery(searchTerms('nuclear talks'), INNODB)).toBe('+nuclear +talks*');
    });

    it('leaves out words the index cannot hold; such a last word is an optional prefix next to others', () => {
      expect(booleanModeQuery(searchTerms('the talks of us'), INNODB)).toBe('+talks us*');
      expect(booleanModeQuery(searchTerms('talks from the'), INNODB)).toBe('+talks +from the*');
      expect(booleanModeQuery(searchTerms('talks und'), { ...INNODB, stopwords: new Set(['und']) })).toBe('+talks und*');
      expect(booleanModeQuery(searchTerms('of'), INNODB)).toBe('+of*');
      // Characters, not UTF-16 units or bytes: a three-letter Persian word is long enough.
      expect(booleanModeQuery(searchTerms('صلح ما'), INNODB)).toBe('+صلح ما*');
    });

    it('asks for a word joined by a zero-width non-joiner as a phrase, whole, not its parts anywhere', () => {
      expect(booleanModeQuery(searchTerms('هسته\u200cای مذاکرات'), INNODB)).toBe('+"هسته\u200cای" +مذاکرات*');
      expect(booleanModeQuery(searchTerms('مذاکرات هسته\u200cای'), INNODB)).toBe('+مذاکرات +"هسته\u200cای"');
    });

    it('gives null when there is no word', () => {
      expect(booleanModeQuery([], INNODB)).toBeNull();
    });
  });

  describe('PostgreSQL configurations', () => {
    it('stems by the language of the article, simple where there is none', () => {
      expect(pgConfigFor('en', PG_CONFIGS)).toBe('english');
      expect(pgConfigFor('en-gb', PG_CONFIGS)).toBe('english');
      expect(pgConfigFor('fa', PG_CONFIGS)).toBe('simple');
      expect(pgConfigFor('fr', PG_CONFIGS)).toBe('simple'); // french not installed here
      expect(pgConfigFor(null, PG_CONFIGS)).toBe('simple');
    });

    it('stems a query by its language filter, or by the languages of the articles, or by every available configuration', () => {
      expect(pgQueryConfigs('de', PG_CONFIGS)).toEqual(['german', 'simple']);
      expect(pgQueryConfigs('fa', PG_CONFIGS)).toEqual(['simple']);
      expect(pgQueryConfigs(null, PG_CONFIGS)).toEqual(['arabic', 'english', 'german', 'simple']);
      expect(pgQueryConfigs(null, PG_CONFIGS, ['en', 'en-gb', 'fa', ''])).toEqual(['english', 'simple']);
      expect(pgQueryConfigs(null, PG_CONFIGS, ['de', 'fr'])).toEqual(['german', 'simple']);
      expect(pgQueryConfigs(null, PG_CONFIGS, [])).toEqual(['simple']);
      // The filter decides, whatever the articles' languages.
      expect(pgQueryConfigs('ar', PG_CONFIGS, ['en'])).toEqual(['arabic', 'simple']);
    });
  });

  describe('cappedLimit', () => {
    it('lets pages reach the cap and no further', () => {
      expect(cappedLimit(1, 25)).toBe(25);
      expect(cappedLimit(SEARCH_MATCH_CAP / 25, 25)).toBe(25);
      expect(cappedLimit(SEARCH_MATCH_CAP / 25 + 1, 25)).toBe(0);
      expect(cappedLimit(34, 30)).toBe(SEARCH_MATCH_CAP - 33 * 30);
      expect(cappedLimit(10000, 100)).toBe(0);
    });
  });

  describe('relevancePageParts', () => {
    it('serves a page inside the scored window from the ranking only', () => {
      expect(relevancePageParts({ offset: 0, limit: 25 })).toEqual({ ranked: { offset: 0, limit: 25 }, dated: null });
      expect(relevancePageParts({ offset: SEARCH_RANK_WINDOW - 25, limit: 25 })).toEqual({ ranked: { offset: SEARCH_RANK_WINDOW - 25, limit: 25 }, dated: null });
    });

    it('serves a page past the window from the newest-first order, at the same positions', () => {
      expect(relevancePageParts({ offset: SEARCH_RANK_WINDOW, limit: 25 })).toEqual({ ranked: null, dated: { offset: SEARCH_RANK_WINDOW, limit: 25 } });
      expect(relevancePageParts({ offset: 990, limit: 10 })).toEqual({ ranked: null, dated: { offset: 990, limit: 10 } });
    });

    it('splits a page across the end of the window, the rows adding up to the page', () => {
      const parts = relevancePageParts({ offset: 180, limit: 30 }, 200);
      expect(parts).toEqual({ ranked: { offset: 180, limit: 20 }, dated: { offset: 200, limit: 10 } });
    });

    it('reads nothing for an empty page', () => {
      expect(relevancePageParts({ offset: 1000, limit: 0 })).toEqual({ ranked: null, dated: null });
    });
  });

  describe('PostgreSQL plan of a search', () => {
    const stats = (freqs: Record<string, number>, rows: number): LexemeStats => {
      const lexemes = Object.keys(freqs).sort();
      return { lexemes, freqs: new Map(Object.entries(freqs)), floor: Math.min(...Object.values(freqs)), rows };
    };
    const common = stats({ breakthrough: 1, diplomat: 0.98, negoti: 0.5, offici: 0.6, talk: 0.2 }, 100000);

    it('reads the lexemes of a printed tsquery form, quotes undone, prefixes marked', () => {
      expect(tsqueryLexemes("'talk':*")).toEqual([{ lexeme: 'talk', prefix: true }]);
      expect(tsqueryLexemes("'well-known' & 'well' & 'known'")).toEqual([
        { lexeme: 'well-known', prefix: false },
        { lexeme: 'well', prefix: false },
        { lexeme: 'known', prefix: false },
      ]);
      expect(tsqueryLexemes("'o''brien':*")).toEqual([{ lexeme: "o'brien", prefix: true }]);
      expect(tsqueryLexemes("'unclosed")).toEqual([{ lexeme: 'unclosed', prefix: false }]);
    });

    it('counts every listed lexeme a prefix starts, and a lexeme not listed as rarer than the rarest listed', () => {
      expect(searchSelectivity([["'breakthrough':*"]], common)).toBe(1);
      expect(searchSelectivity([["'t':*"]], common)).toBeCloseTo(0.2);
      expect(searchSelectivity([["'marzipan':*"]], common)).toBeCloseTo(0.1);
      expect(searchSelectivity([["'negoti'"], ["'offici':*"]], common)).toBeCloseTo(0.3);
      // A word's forms in several configurations: any may match, their shares add up (at most 1).
      expect(searchSelectivity([["'offici':*", "'official':*"]], common)).toBeCloseTo(0.7);
      expect(searchSelectivity([["'breakthrough':*", "'diplomat':*"]], common)).toBe(1);
    });

    it('walks the date index for common words and reads the GIN index for rare ones, by the number of rows', () => {
      expect(searchPlan(searchSelectivity([["'breakthrough':*"]], common), 100000)).toBe('walk');
      expect(searchPlan(searchSelectivity([["'zqxyzzy':*"]], common), 100000)).toBe('index');
      expect(searchPlan(0.2, 100000)).toBe('walk');
      expect(searchPlan(0.14, 100000)).toBe('walk');
      expect(searchPlan(0.05, 100000)).toBe('index');
      // A small table: reading every match costs less than walking to the capped count.
      expect(searchPlan(1, 1000)).toBe('index');
    });

    it('takes a pinned plan only when it names one', () => {
      expect(pinnedSearchPlan('walk')).toBe('walk');
      expect(pinnedSearchPlan('index')).toBe('index');
      expect(pinnedSearchPlan(undefined)).toBeNull();
      expect(pinnedSearchPlan('')).toBeNull();
      expect(pinnedSearchPlan('WALK')).toBeNull();
    });
  });

  describe('highestReaching (SQLite scores the highest matches down to the lowest id asked)', () => {
    const highest = [90, 70, 50, 40, 20];

    it('counts the listed matches from the highest down to the lowest id asked', () => {
      expect(highestReaching(highest, [70, 50])).toBe(3);
      expect(highestReaching(highest, [90])).toBe(1);
      expect(highestReaching(highest, [40, 90, 70])).toBe(4);
      expect(highestReaching(highest, [20, 50])).toBe(5);
    });

    it('counts an id between two listed ones as reaching down to it', () => {
      expect(highestReaching(highest, [45])).toBe(3);
    });

    it('gives null when an id may lie below the list, or when there is nothing to reach', () => {
      expect(highestReaching(highest, [19, 90])).toBeNull();
      expect(highestReaching(highest, [])).toBeNull();
      expect(highestReaching([], [5])).toBeNull();
    });
  });
});
