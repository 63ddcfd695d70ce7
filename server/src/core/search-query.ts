/**
 * The words of the snippet search (`q`, SPEC 4.2 / 4.5) and the query text each
 * database's full-text engine is given. Pure: repositories/search.ts runs them.
 *
 * `q` is read as words, never as the engine's own syntax: quotes, `*`, `-`,
 * parentheses, `NEAR`, `OR`, `:` are separators like spaces, so any text is a
 * plain search and none is a syntax error. Every word must occur (AND); the last
 * one also matches as a prefix (search-as-you-type: `nucl` finds `nuclear`).
 *
 * A word is a run of letters, digits and combining marks (Arabic and Persian
 * vowel signs, accents written apart), with the zero-width (non-)joiner inside it
 * kept: Persian writes `می‌خواهد` with one, and the engines keep such a word whole,
 * so the query must too. Each engine then splits and folds a word exactly as it
 * did the documents (its own tokenizer runs over our words as over the text).
 */

/** Words of `q` that count; beyond them the rest of `q` is ignored (100 characters hold ~20 words). */
export const MAX_SEARCH_WORDS = 16;

export interface SearchTerm {
  /** Lower case; only letters, digits, marks and inner zero-width joiners. */
  word: string;
  /** Matches any word starting with it (the last word of `q`). */
  prefix: boolean;
}

// One character class, repeated: linear over any input.
const WORD = /[\p{L}\p{N}\p{M}\u200c\u200d]+/gu;
const isJoiner = (char: string | undefined) => char === '\u200c' || char === '\u200d';

/** `word` without zero-width joiners at either end (they join nothing there). */
function trimJoiners(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && isJoiner(word[start])) start += 1;
  while (end > start && isJoiner(word[end - 1])) end -= 1;
  return word.slice(start, end);
}

/** The words of `q`, lower case, first occurrence kept, at most MAX_SEARCH_WORDS; the last is a prefix. */
export function searchTerms(q: string): SearchTerm[] {
  const words: string[] = [];
  for (const match of q.matchAll(WORD)) {
    const word = trimJoiners(match[0]).toLowerCase();
    if (word === '' || words.includes(word)) continue;
    words.push(word);
    if (words.length === MAX_SEARCH_WORDS) break;
  }
  return words.map((word, index) => ({ word, prefix: index === words.length - 1 }));
}

/**
 * SQLite FTS5: each word a quoted string (so `NEAR`, `AND`, `-` are words, not
 * operators), the last with `*`. Juxtaposed strings must all occur.
 */
export function fts5Query(terms: readonly SearchTerm[]): string {
  return terms.map((term) => `"${quoteFts5(term.word)}"${term.prefix ? ' *' : ''}`).join(' ');
}

const quoteFts5 = (text: string) => text.replace(/"/g, '""');

/**
 * SQLite: the code point that starts every tag token of the FTS5 index (`tags` column,
 * repositories/search.ts). A private-use character: FTS5's tokenizer keeps it in a
 * token, and `searchTerms` never gives one (only letters, digits and marks), so no
 * search word can match a tag, and `c12` typed in `q` is a word like any other. The
 * indexed text has the mark taken out: a tag is found in the tags column only.
 */
export const FTS5_TAG_MARK = 0xe000;
const TAG_MARK = String.fromCodePoint(FTS5_TAG_MARK);

/** The tag token of a category id: the mark, `c`, the id. */
export const fts5CategoryTag = (id: string | number): string => `${TAG_MARK}c${id}`;

/** A language code as tags write it: `l`, its UTF-8 bytes in hex (a code may hold a `-` the tokenizer splits at), `0`. */
const languagePart = (code: string) => `l${Buffer.from(code, 'utf8').toString('hex')}0`;

/** The tag token of a language code: the mark and the code's part. Ending in a digit, no stemmer touches it. */
export const fts5LanguageTag = (code: string): string => `${TAG_MARK}${languagePart(code)}`;

/**
 * The tag token of a category and a language together: the mark, `p`, the id, the
 * language's part. Both filters are then one term of the query, whose list of articles
 * is as short as their intersection: FTS5 reads less, and `bm25`, which counts the
 * articles of every term, counts far fewer.
 */
export const fts5PairTag = (id: string | number, code: string): string => `${TAG_MARK}p${id}${languagePart(code)}`;

/** Category and language filters the FTS5 index answers with its tags; null: that filter is absent. */
export interface Fts5Tags {
  categoryIds: ReadonlyArray<string | number> | null;
  languageCodes: readonly string[] | null;
}

/**
 * `fts5Query` of the words, and the filters as one more required term, any of its tags:
 * `("nuclear" *) AND ("\uE000c3" OR "\uE000c7")`; a category and a language as their
 * pairs. Null when a filter lists no value, which no article can match.
 */
export function fts5TaggedQuery(terms: readonly SearchTerm[], tags: Fts5Tags): string | null {
  const { categoryIds: ids, languageCodes: codes } = tags;
  if (ids?.length === 0 || codes?.length === 0) return null;
  const tokens =
    ids !== null && codes !== null
      ? ids.flatMap((id) => codes.map((code) => fts5PairTag(id, code)))
      : (ids?.map(fts5CategoryTag) ?? codes?.map(fts5LanguageTag) ?? []);
  const words = fts5Query(terms);
  return tokens.length === 0 ? words : `(${words}) AND (${tokens.map((token) => `"${quoteFts5(token)}"`).join(' OR ')})`;
}

/**
 * How many of `highest` (match ids, highest first, as the engine listed them) reach down to
 * the lowest of `ids`; null when some of `ids` may lie below the list (or there are none).
 */
export function highestReaching(highest: readonly number[], ids: readonly number[]): number | null {
  const last = highest[highest.length - 1];
  if (ids.length === 0 || last === undefined) return null;
  const lowest = Math.min(...ids);
  if (lowest < last) return null;
  const below = highest.findIndex((id) => id < lowest);
  return below === -1 ? highest.length : below;
}

/**
 * PostgreSQL: the `to_tsquery` text of one word, quoted so the parser takes it as
 * one operand, `:*` for a prefix. The caller ANDs the words.
 */
export function tsqueryWord(term: SearchTerm): string {
  return `'${term.word.replace(/['\\]/g, '')}'${term.prefix ? ':*' : ''}`;
}

export interface BooleanModeOptions {
  /** InnoDB's `innodb_ft_min_token_size`: shorter words are not in the index. */
  minTokenLength: number;
  /** InnoDB's stop words: not in the index either. */
  stopwords: ReadonlySet<string>;
}

/**
 * MySQL/MariaDB `MATCH … AGAINST (… IN BOOLEAN MODE)`: `+word` for each word the
 * index can hold and `+last*` for the prefix. A word the index cannot hold (shorter
 * than the minimum, a stop word) would match nothing when required, so such a word
 * is left out, and the last word, when it is such a word, is an optional prefix
 * (`the*`: it ranks, it does not filter) while other words remain. Null when no word
 * is left.
 *
 * A word joined by a zero-width (non-)joiner (`هسته‌ای`) is a phrase (`+"هسته‌ای"`): InnoDB
 * splits it, and would find its parts anywhere in the text. A phrase takes no `*`, so such
 * a last word is matched whole, not as a prefix.
 */
export function booleanModeQuery(terms: readonly SearchTerm[], options: BooleanModeOptions): string | null {
  const indexable = (term: SearchTerm) => [...term.word].length >= options.minTokenLength && !options.stopwords.has(term.word);
  const joined = (term: SearchTerm) => [...term.word].some(isJoiner);
  const written = (term: SearchTerm) => (joined(term) ? `"${term.word}"` : `${term.word}${term.prefix ? '*' : ''}`);
  const required = terms.filter((term) => !term.prefix && indexable(term)).map((term) => `+${written(term)}`);
  const last = terms.find((term) => term.prefix);
  if (last !== undefined) required.push(`${indexable(last) || required.length === 0 ? '+' : ''}${written(last)}`);
  return required.length === 0 ? null : required.join(' ');
}

/**
 * PostgreSQL text search configurations by ISO 639-1 code: the Snowball stemmers
 * PostgreSQL ships. A language without one (Persian, Chinese, …) and an unknown
 * code use `simple`: words lower-cased, not stemmed. Only the configurations the
 * server has are used (repositories/search.ts asks).
 */
export const PG_TEXT_SEARCH_CONFIGS: Readonly<Record<string, string>> = {
  ar: 'arabic',
  hy: 'armenian',
  eu: 'basque',
  ca: 'catalan',
  da: 'danish',
  nl: 'dutch',
  en: 'english',
  fi: 'finnish',
  fr: 'french',
  de: 'german',
  el: 'greek',
  hi: 'hindi',
  hu: 'hungarian',
  id: 'indonesian',
  ga: 'irish',
  it: 'italian',
  lt: 'lithuanian',
  ne: 'nepali',
  no: 'norwegian',
  nb: 'norwegian',
  nn: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sr: 'serbian',
  es: 'spanish',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
  yi: 'yiddish',
};

/** The configuration of a stored language code (`en-gb` → `english`) among `available`. */
export function pgConfigFor(language: string | null, available: ReadonlySet<string>): string {
  const base = (language ?? '').toLowerCase().split('-')[0] ?? '';
  const config = PG_TEXT_SEARCH_CONFIGS[base];
  return config !== undefined && available.has(config) ? config : 'simple';
}

/**
 * The configurations a query's words are stemmed with: the one of the `language`
 * filter (and `simple`), or without a filter the ones of the languages the
 * published articles are in (`present`; null when unknown: every available one),
 * so a word finds its stem in an article of any of them. Only those: a word that is
 * a stop word of a language no article is in (`sta` in Italian) must not count as one.
 */
export function pgQueryConfigs(language: string | null, available: ReadonlySet<string>, present: readonly string[] | null = null): string[] {
  if (language !== null) return [...new Set([pgConfigFor(language, available), 'simple'])];
  const configs =
    present === null ? Object.values(PG_TEXT_SEARCH_CONFIGS).filter((config) => available.has(config)) : present.map((code) => pgConfigFor(code, available));
  return [...new Set(['simple', ...configs])].sort();
}


/**
 * With `q`, at most this many matches are served (relevance ranks the newest
 * SEARCH_RANK_WINDOW and serves the rest of the newest this many after them, other
 * sorts serve the first this many in their order): `total` counts
 * matches up to it (a search matching more reports SEARCH_MATCH_CAP) and pages
 * end there, so the count never reads more than this many matches.
 */
export const SEARCH_MATCH_CAP = 1000;

/**
 * `sort=relevance` scores the newest this many matches (by documentDate, then id) and
 * serves them best first; the older matches, up to SEARCH_MATCH_CAP, follow newest
 * first. Scoring costs a few microseconds a row (the engine reads each row's word
 * positions), so this bounds the cost of a search whatever the number of matches.
 */
export const SEARCH_RANK_WINDOW = 200;

/** A run of rows: skip `offset`, read at most `limit`. */
export interface RowRange {
  offset: number;
  limit: number;
}

/**
 * Where a relevance page's rows come from: `ranked`, positions within the scored window
 * (best first), and `dated`, positions beyond it in the newest-first order of all the
 * matches (the first `window` of which are the window itself). Either may be null.
 */
export function relevancePageParts(range: RowRange, window = SEARCH_RANK_WINDOW): { ranked: RowRange | null; dated: RowRange | null } {
  const end = range.offset + range.limit;
  const ranked = range.offset < window && range.limit > 0 ? { offset: range.offset, limit: Math.min(end, window) - range.offset } : null;
  const datedStart = Math.max(range.offset, window);
  const dated = end > datedStart ? { offset: datedStart, limit: end - datedStart } : null;
  return { ranked, dated };
}

/** The rows a page may hold within the cap: the limit to ask for (0: past the last page). */
export function cappedLimit(page: number, pageSize: number, cap = SEARCH_MATCH_CAP): number {
  const offset = (page - 1) * pageSize;
  return Math.max(0, Math.min(pageSize, cap - offset));
}

/** PostgreSQL's statistics of the search column: its most common lexemes (`pg_stats.most_common_elems`). */
export interface LexemeStats {
  /** The most common lexemes, sorted by code unit, and the fraction of vectors holding each. */
  lexemes: readonly string[];
  freqs: ReadonlyMap<string, number>;
  /** The least frequency among them: a lexeme not listed is rarer. */
  floor: number;
  /** Vectors (published rows) in the table, as PostgreSQL last counted. */
  rows: number;
}

/** The lexemes of one form of a word as PostgreSQL prints a tsquery (`'talk':*`, `'well' & 'known'`), quotes undone. */
export function tsqueryLexemes(form: string): Array<{ lexeme: string; prefix: boolean }> {
  const found: Array<{ lexeme: string; prefix: boolean }> = [];
  let i = 0;
  while (i < form.length) {
    if (form[i] !== "'") {
      i += 1;
      continue;
    }
    let lexeme = '';
    i += 1;
    while (i < form.length) {
      if (form[i] === "'" && form[i + 1] === "'") {
        lexeme += "'";
        i += 2;
      } else if (form[i] === "'") {
        i += 1;
        break;
      } else {
        lexeme += form[i];
        i += 1;
      }
    }
    const prefix = form[i] === ':' && form[i + 1] === '*';
    found.push({ lexeme, prefix });
  }
  return found;
}

/** First index in sorted `list` whose value is >= `value`. */
function lowerBound(list: readonly string[], value: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The fraction of vectors a search matches, estimated from the lexeme statistics:
 * `words` holds, for each word (all must match), its forms (any may match), each a
 * form's tsquery text. A prefix counts every listed lexeme it starts; a lexeme not
 * listed counts half the floor. PostgreSQL's own planner gives every prefix a flat
 * estimate, whatever the word, which is why this is computed here.
 */
export function searchSelectivity(words: ReadonlyArray<readonly string[]>, stats: LexemeStats): number {
  const rare = stats.floor / 2;
  const lexemeFrequency = ({ lexeme, prefix }: { lexeme: string; prefix: boolean }) => {
    if (!prefix) return stats.freqs.get(lexeme) ?? rare;
    let sum = 0;
    for (let i = lowerBound(stats.lexemes, lexeme); i < stats.lexemes.length && stats.lexemes[i].startsWith(lexeme); i += 1) {
      sum += stats.freqs.get(stats.lexemes[i]) ?? 0;
    }
    return sum > 0 ? Math.min(1, sum) : rare;
  };
  let selectivity = 1;
  for (const forms of words) {
    let word = 0;
    for (const form of forms) {
      const lexemes = tsqueryLexemes(form);
      word += lexemes.length === 0 ? 0 : Math.min(...lexemes.map(lexemeFrequency));
    }
    selectivity *= Math.min(1, word);
  }
  return selectivity;
}

/**
 * For tests and diagnosis only (`NEWSROOM_PG_SEARCH_PLAN`): `walk` or `index` pins the
 * PostgreSQL plan of every search, whatever the statistics; anything else leaves it to them.
 */
export function pinnedSearchPlan(value: string | undefined): 'walk' | 'index' | null {
  return value === 'walk' || value === 'index' ? value : null;
}

/**
 * Reading a row in date order and testing its vector costs about this many matches read
 * from the GIN index (each fetched for its date, then sorted). Measured at 100,000 articles,
 * a word in 14% of them (page 1 by relevance and the capped count): ~60 ms through the index,
 * ~2.1 µs a match; ~25 ms walking, ~2.9 µs a row walked.
 */
const WALK_ROW_COST = 1.5;

/**
 * How PostgreSQL should find a search's matches: `walk` the date index testing each
 * row (common words: the page and the capped count stop early), or read the GIN
 * `index` and sort the matches (rare words). Walking costs about
 * WALK_ROW_COST × SEARCH_MATCH_CAP / selectivity rows, the index selectivity × rows.
 */
export function searchPlan(selectivity: number, rows: number): 'walk' | 'index' {
  return selectivity * selectivity * rows > WALK_ROW_COST * SEARCH_MATCH_CAP ? 'walk' : 'index';
}
