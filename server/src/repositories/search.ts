/**
 * Full-text search of the snippet endpoint (`q`, SPEC 4.2 / 4.5) with each
 * database's own engine, and the database objects that keep its index.
 *
 * The index is kept by the database itself, so no write path can miss it: the
 * Document Service, the importer's bulk inserts (services/direct-writes.ts), the
 * excerpt refresh, publish, unpublish and delete all write article rows, and the
 * database updates the index with the row, in the same transaction.
 * - PostgreSQL: a `tsvector` column on the article table, filled by a `BEFORE
 *   INSERT OR UPDATE` trigger for published rows (NULL for drafts), with a GIN
 *   index. Words are stemmed with the configuration of the article's language
 *   (core/search-query.ts), `simple` for a language PostgreSQL has none for. A
 *   trigger rather than a generated column: Strapi may alter the type of a column
 *   (a longer title) on a later start, which PostgreSQL refuses for a column a
 *   generated column reads; and Strapi's inserts cannot collide with it.
 * - SQLite: an FTS5 table (contentless, with deletes) of the published rows, kept
 *   by triggers on the article table; `porter unicode61 remove_diacritics 2`.
 *   Porter stems English words only; words of other scripts are kept as written.
 *   Prefix indexes for prefixes of 2 to 12 characters (SQLITE_PREFIXES). A fourth
 *   column, `tags`, holds tokens for the article's language, each of its categories and
 *   each (category, language) pair (core/search-query.ts), kept by triggers on the link
 *   table too: a search with those filters is one FTS5 query (`fts5TaggedQuery`), which
 *   lists and counts its matches without reading an article row. The tags are exact (the
 *   text is indexed without their mark), so that count is the total; the SQL filters
 *   still apply to every row served.
 * - MySQL/MariaDB: `FULLTEXT` indexes on the article columns, searched in boolean
 *   mode; no stemming (InnoDB has none).
 *
 * Strapi leaves these objects alone: its schema sync removes only tables, columns
 * and indexes it created itself. `prepare` creates what is missing at every start
 * (idempotent, safe with several instances starting at once) and fills the index
 * for rows written without it (first start, or SQLite rebuilding the article table
 * on a schema change, which drops its triggers).
 *
 * The query text comes from core/search-query.ts: words only, never the engine's
 * syntax. Relevance: PostgreSQL `ts_rank` (title weighs most, then excerpt, then
 * body), SQLite `bm25` with the same column weights, MySQL the `MATCH` score with
 * a title match counted extra; ties by documentDate and id, newest first. Only the
 * newest SEARCH_RANK_WINDOW matches are scored (`rankNewest`, core/search-query.ts),
 * so ranking costs at most that many rows however common the words.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { SEARCH_COLUMN } from '../constants';
import {
  booleanModeQuery,
  FTS5_TAG_MARK,
  fts5TaggedQuery,
  highestReaching,
  PG_TEXT_SEARCH_CONFIGS,
  pgQueryConfigs,
  searchTerms,
  SEARCH_MATCH_CAP,
  pinnedSearchPlan,
  searchPlan,
  searchSelectivity,
  tsqueryWord,
  type LexemeStats,
  type SearchTerm,
} from '../core/search-query';
import { MAX_CATEGORIES } from '../core/snippet-query';
import { resolveSnippetTables, type SnippetTables } from './snippet-tables';

/** Column, table, index, function and trigger names, all on the article table's behalf. */
const PG_COLUMN = SEARCH_COLUMN;
const PG_INDEX = 'newsroom_articles_search_idx';
const PG_VECTOR_FN = 'newsroom_search_vector';
const PG_TRIGGER_FN = 'newsroom_search_refresh';
const PG_TRIGGER = 'newsroom_articles_search_trg';
/** PostgreSQL refuses a tsvector over 1 MB; the first this many characters of a body are searched. */
const PG_BODY_CHARACTERS = 100000;
const SQLITE_TABLE = 'newsroom_articles_fts';
/** Bump when what the triggers write changes (the tags, say): the index is then made again at startup. */
const SQLITE_INDEX_VERSION = 3;
/** Rows with up to this many categories have tags of one length (`prepareSqlite`): the most a snippet query names. */
const SQLITE_TAGGED_CATEGORIES = MAX_CATEGORIES;
/** On the article table (insert, delete, update), then on the article ↔ category link table. */
const SQLITE_TRIGGERS = ['ai', 'ad', 'au', 'li', 'ld', 'lu'].map((event) => `newsroom_fts${SQLITE_INDEX_VERSION}_${event}`);
/** The names of the index's triggers, of this version and earlier ones (`newsroom_articles_fts_ai` before version 2). */
const SQLITE_TRIGGER_PATTERNS = ['newsroom!_articles!_fts!_%', 'newsroom!_fts%!_%'];
/**
 * SQLite: the prefix lengths FTS5 keeps an index of. The last word of `q` is always a
 * prefix; FTS5 answers a prefix of another length by merging the lists of every word
 * that starts with it before the first row (all of them, for a word in most articles),
 * and `bm25` merges them again to count documents. A typed word is rarely longer than
 * 12 characters; the indexes about double the FTS5 table (docs/BENCHMARKS.md).
 */
const SQLITE_PREFIXES = '2 3 4 5 6 7 8 9 10 11 12';
/** The FTS5 table's arguments: an index made with others is rebuilt at startup. */
const SQLITE_FTS_ARGS = `title, excerpt, body, tags, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2', prefix='${SQLITE_PREFIXES}'`;
const MYSQL_INDEX = 'newsroom_articles_search_ft';
const MYSQL_TITLE_INDEX = 'newsroom_articles_search_title_ft';
/** MySQL: how much a title match adds to the score of all three columns. */
const MYSQL_TITLE_BOOST = 4;
/** SQLite: up to this many matches are read by id and sorted; more, the listing index is walked in order. */
const SQLITE_FEW_MATCHES = 2000;
/** SQLite bm25 weights of title, excerpt, body, tags. */
const SQLITE_WEIGHTS = '10.0, 4.0, 1.0, 0.0';

export interface SearchFilter {
  q: string;
  /** The `language` filter, if any: PostgreSQL then stems the words with its configuration only. */
  language: string | null;
  /**
   * Without a `language` filter, the language codes of the published articles (null:
   * unknown), asked only by PostgreSQL: the words are stemmed in those languages' configurations.
   */
  presentLanguages?: () => Promise<readonly string[] | null>;
  /**
   * Whether the matches with the highest ids are worth listing (`highestMatches`): false
   * when the other filters leave few rows, so few of those matches would pass them.
   * `indexed`: the engine's matches already keep to the category and language filters.
   */
  listHighest?: (indexed: boolean) => Promise<boolean>;
  /**
   * The category ids and exact language codes of those filters (null: absent or not
   * resolved), which SQLite's index answers itself (its tags): the SQL filters still apply.
   */
  categoryIds?: ReadonlyArray<string | number> | null;
  languageCodes?: readonly string[] | null;
}

/** The newest matches: a query of their ids (`id`), or the ids themselves. */
export type Newest = Knex.QueryBuilder | readonly number[];

/** One search, ready to apply to a query of the article table aliased `a`. */
export interface CompiledSearch {
  /** Narrows `qb` to the articles matching the words of `q` (none when `q` has no words). */
  where(qb: Knex.QueryBuilder): Knex.QueryBuilder;
  /**
   * Narrows `qb` (a query of the article table `a`) to the rows whose ids `newest`
   * selects or lists (the newest SEARCH_RANK_WINDOW matches, core/search-query.ts) and
   * orders them best match first, then newest, then by id: only those rows are scored.
   * Listed ids let SQLite read only their range of its index.
   */
  rankNewest(qb: Knex.QueryBuilder, newest: Newest): Knex.QueryBuilder;
  /**
   * The ids of the matches with the highest ids, highest first, which the engine lists at
   * little cost (SQLite, up to 2,000); every other match has a lower id. Often the newest
   * matches too (ids grow as articles are written): the snippet query proves it before it
   * relies on it (repositories/snippets.ts), unless they are all the matches (`allMatches`).
   */
  readonly highestMatches?: readonly number[];
  /** `highestMatches` holds every match. */
  readonly allMatches?: boolean;
  /** Narrows `qb` (a query of the article table `a`) to the rows of `ids`, given in one binding. */
  among?(qb: Knex.QueryBuilder, ids: readonly number[]): Knex.QueryBuilder;
  /**
   * The published rows matching, counted up to SEARCH_MATCH_CAP, when the engine told it
   * while compiling (SQLite's index holds exactly the published rows, and their tags): the
   * total of a search without other filters than the `categoryIds` and `languageCodes` it
   * was given. Null: count with `countCapped`.
   */
  readonly indexedTotal: number | null;
  /**
   * The article table `table` aliased `a`, already narrowed to the matches when the
   * engine reads them first (then `where` adds nothing); absent: the table itself.
   */
  source?: (table: string) => Knex.QueryBuilder;
  /**
   * The words are common and tested row by row (PostgreSQL's date-index walk): with other
   * filters, the rows those filters leave should come first and the words be tested last.
   */
  readonly wordsLast?: boolean;
  /**
   * PostgreSQL, words without a phrase: narrows `qb`, a query of a table aliased `a` whose
   * search column holds vectors without positions (the filter rows,
   * repositories/filter-rows.ts), to the matches, tested on that table alone. Absent: the
   * words need positions (a word PostgreSQL splits, `می‌خواهد`, is a phrase), or another engine.
   */
  matchStripped?(qb: Knex.QueryBuilder): Knex.QueryBuilder;
}

interface SearchMatcher {
  compile(filter: SearchFilter): Promise<CompiledSearch>;
}

export interface SearchRepository {
  /** Creates the index objects that are missing and indexes rows written without them. */
  prepare(): Promise<void>;
  /** The search of `filter` on this database (the engine's settings are read once). */
  compile(filter: SearchFilter): Promise<CompiledSearch>;
  /**
   * Rows of `filtered` (narrowed by `where`), counted up to SEARCH_MATCH_CAP. `inOrder`: read
   * in `filtered`'s order, so that PostgreSQL walks the index that gives it and stops at the
   * cap (without the order, it may scan the table for the rows).
   */
  countCapped(filtered: Knex.QueryBuilder, options?: { inOrder?: boolean }): Promise<number>;
  /**
   * The rows `narrowed` gives (a query of the article table `a`: the other filters, not the
   * search, in the listing order when `ordered`), that `search` matches, the words tested
   * last: the filters' query stays whole (its ids come from the filters' indexes), and only
   * the rows it gives are fetched and their vectors tested. A query of `f.id`, `f.date`.
   */
  wordsLast(narrowed: Knex.QueryBuilder, search: CompiledSearch): Knex.QueryBuilder;
}

type Dialect = 'postgres' | 'sqlite' | 'mysql';

function dialectOf(strapi: Core.Strapi): Dialect {
  const client = strapi.db.dialect.client;
  if (client === 'postgres' || client === 'sqlite') return client;
  return 'mysql'; // mysql and mariadb alike
}

/** The bare table name (without schema) and the schema, for DDL. */
function splitQualified(qualified: string): { schema: string | null; table: string } {
  const dot = qualified.indexOf('.');
  return dot === -1 ? { schema: null, table: qualified } : { schema: qualified.slice(0, dot), table: qualified.slice(dot + 1) };
}

/** An identifier quoted for DDL (names come from Strapi's metadata and constants, never from users). */
export const quoteIdent = (name: string, quote: '"' | '`') => `${quote}${name.split(quote).join(quote + quote)}${quote}`;

const NO_MATCH = '1 = 0';

/** Newest first, then by id: the order of equal relevance. */
function newestFirst(qb: Knex.QueryBuilder, c: SnippetTables['articleColumns']): Knex.QueryBuilder {
  return qb.orderBy([
    { column: `a.${c.documentDate}`, order: 'desc' },
    { column: `a.${c.id}`, order: 'desc' },
  ]);
}

const NOTHING: CompiledSearch = { where: (qb) => qb.whereRaw(NO_MATCH), rankNewest: (qb) => qb.whereRaw(NO_MATCH), indexedTotal: 0 };

/**
 * `a.id` among the ids `newest` selects. The LIMIT-ed query is wrapped in a derived
 * table: MySQL/MariaDB refuse a LIMIT directly inside `IN (…)`.
 */
function amongNewest(qb: Knex.QueryBuilder, newest: Newest, c: SnippetTables['articleColumns']): Knex.QueryBuilder {
  if (isIdList(newest)) return qb.whereIn(`a.${c.id}`, newest);
  return qb.whereIn(`a.${c.id}`, (sub) => {
    sub.select('n.id').from(newest.as('n'));
  });
}

const isIdList = (newest: Newest): newest is readonly number[] => Array.isArray(newest);

/**
 * PostgreSQL: the plan of every search pinned (tests: the walk of common words needs
 * thousands of rows to be chosen). Read once, when Strapi loads the plugin, as configuration is.
 */
const PINNED_PG_PLAN = pinnedSearchPlan(process.env.NEWSROOM_PG_SEARCH_PLAN);

/** PostgreSQL: the normalized tsquery of one word in a set of configurations, remembered (bounded). */
const PG_WORD_CACHE_SIZE = 10000;
/** PostgreSQL: the search column's statistics are read again after this long. */
const PG_STATS_TTL_MS = 15_000;

export function createSearchRepository(strapi: Core.Strapi): SearchRepository {
  let tables: SnippetTables | null = null;
  const t = () => (tables ??= resolveSnippetTables(strapi));
  const knex = (): Knex => strapi.db.connection;
  const dialect = dialectOf(strapi);
  let matcherReady: Promise<SearchMatcher> | null = null;

  /* ---------------------------------- PostgreSQL ---------------------------------- */

  const pgNames = () => {
    const { schema, table } = splitQualified(t().articles);
    const q = (name: string) => quoteIdent(name, '"');
    const inSchema = (name: string) => (schema ? `${q(schema)}.${q(name)}` : q(name));
    return { table: inSchema(table), vectorFn: inSchema(PG_VECTOR_FN), triggerFn: inSchema(PG_TRIGGER_FN), q };
  };

  async function pgAvailableConfigs(db: Knex | Knex.Transaction): Promise<Set<string>> {
    const rows = (await db.raw('select cfgname from pg_catalog.pg_ts_config')) as { rows: Array<{ cfgname: string }> };
    return new Set(rows.rows.map((row) => row.cfgname));
  }

  async function preparePostgres(): Promise<void> {
    const { table, vectorFn, triggerFn, q } = pgNames();
    const c = t().articleColumns;
    await knex().transaction(async (trx) => {
      // Several instances may start at once: one prepares, the others then find it done.
      await trx.raw("select pg_advisory_xact_lock(hashtext('newsroom_search_prepare'))");
      const available = await pgAvailableConfigs(trx);
      const cases = Object.entries(PG_TEXT_SEARCH_CONFIGS)
        .filter(([, config]) => available.has(config))
        .map(([code, config]) => `when '${code}' then '${config}'::regconfig`)
        .join(' ');
      const vectorSql =
        `create or replace function ${vectorFn}(language text, title text, excerpt text, body text) returns tsvector ` +
        `language sql immutable parallel safe as $fn$ select ` +
        `setweight(to_tsvector(cfg, coalesce(title, '')), 'A') || setweight(to_tsvector(cfg, coalesce(excerpt, '')), 'B') || ` +
        `setweight(to_tsvector(cfg, left(coalesce(body, ''), ${PG_BODY_CHARACTERS})), 'D') ` +
        `from (select case split_part(lower(coalesce(language, '')), '-', 1) ${cases} else 'simple'::regconfig end as cfg) as config $fn$`;
      // A new definition (another mapping, another PostgreSQL) means every stored vector is recomputed.
      const version = `newsroom search ${createHash('sha256').update(vectorSql).digest('hex').slice(0, 16)}`;
      const existing = (await trx.raw(
        `select obj_description(p.oid, 'pg_proc') as version from pg_catalog.pg_proc p
         where p.proname = ? and p.pronamespace = (select oid from pg_catalog.pg_namespace where nspname = coalesce(?, current_schema()))`,
        [PG_VECTOR_FN, splitQualified(t().articles).schema]
      )) as { rows: Array<{ version: string | null }> };
      const current = existing.rows[0]?.version === version;

      await trx.raw(`alter table ${table} add column if not exists ${q(PG_COLUMN)} tsvector`);
      if (!current) {
        await trx.raw(vectorSql);
        await trx.raw(`comment on function ${vectorFn}(text, text, text, text) is '${version}'`);
      }
      const vectorOf = (row: string) =>
        `${vectorFn}(${row}.${q(c.language)}, ${row}.${q(c.title)}, ${row}.${q(c.excerpt)}, ${row}.${q(c.body)})`;
      await trx.raw(
        `create or replace function ${triggerFn}() returns trigger language plpgsql as $fn$ begin ` +
          `if new.${q(c.publishedAt)} is null then new.${q(PG_COLUMN)} := null; ` +
          `else new.${q(PG_COLUMN)} := ${vectorOf('new')}; end if; return new; end $fn$`
      );
      await trx.raw(`drop trigger if exists ${q(PG_TRIGGER)} on ${table}`);
      await trx.raw(
        `create trigger ${q(PG_TRIGGER)} before insert or update of ${[c.title, c.excerpt, c.body, c.language, c.publishedAt]
          .map(q)
          .join(', ')} on ${table} for each row execute function ${triggerFn}()`
      );
      // Rows written before the trigger existed, or indexed with another definition.
      const stale = current ? `and ${q(PG_COLUMN)} is null` : '';
      await trx.raw(`update ${table} as a set ${q(PG_COLUMN)} = ${vectorOf('a')} where a.${q(c.publishedAt)} is not null ${stale}`);
      await trx.raw(`create index if not exists ${q(PG_INDEX)} on ${table} using gin (${q(PG_COLUMN)})`);
    });
  }

  async function postgresMatcher(): Promise<SearchMatcher> {
    const available = await pgAvailableConfigs(knex());
    const column = `a.${PG_COLUMN}`;
    const words = new Map<string, string[] | null>();
    let stats: { at: number; value: Promise<LexemeStats | null> } | null = null;

    /**
     * The search column's statistics (its most common lexemes), read again after
     * PG_STATS_TTL_MS; null while PostgreSQL has none (never analyzed): the planner decides.
     */
    function lexemeStats(): Promise<LexemeStats | null> {
      if (stats !== null && Date.now() - stats.at < PG_STATS_TTL_MS) return stats.value;
      const { schema, table } = splitQualified(t().articles);
      const value = (
        knex().raw(
          `select s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs as freqs, s.null_frac, c.reltuples
           from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
           join pg_catalog.pg_stats s on s.schemaname = n.nspname and s.tablename = c.relname and s.attname = ?
           where c.relname = ? and n.nspname = coalesce(?, current_schema())`,
          [PG_COLUMN, table, schema]
        ) as Promise<{ rows: Array<{ elems: string[] | null; freqs: number[] | null; null_frac: number | null; reltuples: number | null }> }>
      ).then(({ rows }) => {
        const row = rows[0];
        if (!row) return null;
        const elems = row.elems ?? [];
        const freqs = new Map(elems.map((lexeme, i) => [lexeme, Number(row.freqs?.[i] ?? 0)]));
        // After the per-lexeme frequencies come their minimum and maximum.
        const floor = elems.length === 0 ? 0 : Number(row.freqs?.[elems.length] ?? 0);
        const sorted = [...elems].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        return { lexemes: sorted, freqs, floor, rows: Math.max(0, Number(row.reltuples ?? 0)) * (1 - Number(row.null_frac ?? 0)) };
      });
      stats = { at: Date.now(), value };
      value.catch(() => {
        stats = null; // ask again next time
      });
      return value;
    }

    /**
     * The word as PostgreSQL normalizes it in each configuration: the distinct forms, to
     * be OR-ed (`'talk':*`, `'talks':*`), or null when a configuration keeps no lexeme (a
     * stop word). Asked of PostgreSQL (its parser, stemmers and stop words) and
     * remembered, so the query holds each form once.
     */
    async function wordForms(term: SearchTerm, configs: string[]): Promise<string[] | null> {
      const key = `${configs.join(',')}\u0000${term.prefix ? '*' : ''}${term.word}`;
      const known = words.get(key);
      if (known !== undefined) return known;
      const text = tsqueryWord(term);
      const selects = configs.map((config) => `select to_tsquery('${config}'::regconfig, ?)::text as form`).join(' union ');
      const rows = (await knex().raw(`select distinct form from (${selects}) as forms`, configs.map(() => text))) as {
        rows: Array<{ form: string }>;
      };
      const forms = rows.rows.map((row) => row.form).sort();
      // A stop word of one configuration (`from` in English) is in no vector of that
      // language's articles: requiring it there would hide them, so the word is left out.
      const kept = forms.length === 0 || forms.includes('') ? null : forms;
      if (words.size >= PG_WORD_CACHE_SIZE) words.clear();
      words.set(key, kept);
      return kept;
    }

    return {
      async compile({ q, language, presentLanguages }) {
        const present = language === null && presentLanguages !== undefined ? await presentLanguages() : null;
        const configs = pgQueryConfigs(language, available, present);
        const words: string[][] = [];
        for (const term of searchTerms(q)) {
          const forms = await wordForms(term, configs);
          if (forms !== null) words.push(forms);
        }
        if (words.length === 0) return NOTHING;
        const tsquery = words.map((forms) => `(${forms.map((form) => `(${form})`).join(' | ')})`).join(' & ');
        // `<->`, `<2>`: a phrase, whose order only positions tell (a lexeme holds no `<`: words are letters, digits, marks).
        const phrase = words.some((forms) => forms.some((form) => form.includes('<')));
        // PostgreSQL estimates every prefix alike (the last word is one): the plan is chosen here.
        const known = PINNED_PG_PLAN === null ? await lexemeStats() : null;
        const plan = PINNED_PG_PLAN ?? (known === null ? null : searchPlan(searchSelectivity(words, known), known.rows));
        return {
          indexedTotal: null,
          // Rare words: the matches from the GIN index first (OFFSET 0 keeps the planner from walking the date index).
          ...(plan === 'index'
            ? {
                source: (table: string) =>
                  knex().from(knex().raw('(select * from ?? as s where s.?? @@ ?::tsquery offset 0) as a', [table, PG_COLUMN, tsquery])),
              }
            : {}),
          where: (qb) =>
            plan === 'index'
              ? qb
              : // Common words: `is true` hides the condition from the GIN index, so the date index is walked and stops early.
                qb.whereRaw(plan === 'walk' ? '(?? @@ ?::tsquery) is true' : '?? @@ ?::tsquery', [column, tsquery]),
          rankNewest: (qb, newest) =>
            newestFirst(amongNewest(qb, newest, t().articleColumns).orderByRaw('ts_rank(??, ?::tsquery) desc', [column, tsquery]), t().articleColumns),
          wordsLast: plan === 'walk',
          ...(phrase ? {} : { matchStripped: (qb: Knex.QueryBuilder) => qb.whereRaw('?? @@ ?::tsquery', [column, tsquery]) }),
        };
      },
    };
  }

  /* ------------------------------------ SQLite ------------------------------------ */

  async function prepareSqlite(): Promise<void> {
    const { table } = splitQualified(t().articles);
    const links = t().links;
    const c = t().articleColumns;
    const q = (name: string) => quoteIdent(name, '"');
    const fts = q(SQLITE_TABLE);
    await knex().transaction(async (trx) => {
      const present = (await trx.raw(
        `select type, name, sql from sqlite_master where (type = 'table' and name = ?) or (type = 'trigger' and (${SQLITE_TRIGGER_PATTERNS.map(() => "name like ? escape '!'").join(' or ')}))`,
        [SQLITE_TABLE, ...SQLITE_TRIGGER_PATTERNS]
      )) as Array<{ type: string; name: string; sql: string | null }>;
      const index = present.find((object) => object.type === 'table');
      const triggers = present.filter((object) => object.type === 'trigger').map((object) => object.name);
      const current = index?.sql?.includes(SQLITE_FTS_ARGS) === true && triggers.every((name) => SQLITE_TRIGGERS.includes(name));
      if (current && triggers.length === SQLITE_TRIGGERS.length) return;
      if (index !== undefined && !current) {
        // Made by an earlier version (other arguments, other tags): made again, below.
        for (const trigger of triggers) await trx.raw(`drop trigger if exists ${q(trigger)}`);
        await trx.raw(`drop table ${fts}`);
      }
      // Contentless: the text stays in the article table only; deletes by rowid need no old values.
      await trx.raw(`create virtual table if not exists ${fts} using fts5(${SQLITE_FTS_ARGS})`);
      // The tags of article row `row` (core/search-query.ts: fts5LanguageTag, fts5CategoryTag,
      // fts5PairTag); its text without the tags' mark, so that no word of it is a tag.
      const mark = `char(${FTS5_TAG_MARK})`;
      const language = (row: string) => `'l' || lower(hex(coalesce(${row}.${q(c.language)}, ''))) || '0'`;
      // bm25 weighs a match by the length of the whole row, tags included: every row gets as many
      // tag tokens (fillers for the categories it lacks, up to SQLITE_TAGGED_CATEGORIES), so that
      // its number of categories moves no score.
      const linksOf = (row: string) => `from ${q(links.table)} as l where l.${q(links.articleColumn)} = ${row}.${q(c.id)}`;
      const fillers = `replace(hex(zeroblob(${2 * SQLITE_TAGGED_CATEGORIES})), '00', ' ' || ${mark} || 'f')`;
      const tags = (row: string) =>
        `${mark} || ${language(row)} || coalesce((select group_concat(' ' || ${mark} || 'c' || l.${q(links.categoryColumn)} || ' ' || ${mark} || 'p' || l.${q(links.categoryColumn)} || ${language(row)}, '') ` +
        `${linksOf(row)}), '') || substr(${fillers}, 1, 6 * max(0, ${SQLITE_TAGGED_CATEGORIES} - (select count(*) ${linksOf(row)})))`;
      const text = (row: string, column: string) => `replace(${row}.${q(column)}, ${mark}, '')`;
      const values = (row: string) => `${row}.${q(c.id)}, ${text(row, c.title)}, ${text(row, c.excerpt)}, ${text(row, c.body)}, ${tags(row)}`;
      const insert = (row: string) =>
        `insert into ${fts}(rowid, title, excerpt, body, tags) select ${values(row)} where ${row}.${q(c.publishedAt)} is not null;`;
      // A link added or removed changes the tags of a published row: it is indexed again.
      const reindex = (articleId: string) =>
        `delete from ${fts} where rowid = ${articleId} and exists (select 1 from ${q(table)} as a where a.${q(c.id)} = ${articleId} and a.${q(c.publishedAt)} is not null); ` +
        `insert into ${fts}(rowid, title, excerpt, body, tags) select ${values('a')} from ${q(table)} as a where a.${q(c.id)} = ${articleId} and a.${q(c.publishedAt)} is not null;`;
      const [afterInsert, afterDelete, afterUpdate, linkInsert, linkDelete, linkUpdate] = SQLITE_TRIGGERS.map(q);
      const link = (column: string) => `${column}.${q(links.articleColumn)}`;
      await trx.raw(`create trigger if not exists ${afterInsert} after insert on ${q(table)} begin ${insert('new')} end`);
      await trx.raw(`create trigger if not exists ${afterDelete} after delete on ${q(table)} begin delete from ${fts} where rowid = old.${q(c.id)}; end`);
      await trx.raw(
        `create trigger if not exists ${afterUpdate} after update of ${[c.title, c.excerpt, c.body, c.publishedAt, c.language].map(q).join(', ')} on ${q(table)} ` +
          `begin delete from ${fts} where rowid = old.${q(c.id)}; ${insert('new')} end`
      );
      await trx.raw(`create trigger if not exists ${linkInsert} after insert on ${q(links.table)} begin ${reindex(link('new'))} end`);
      await trx.raw(`create trigger if not exists ${linkDelete} after delete on ${q(links.table)} begin ${reindex(link('old'))} end`);
      await trx.raw(
        `create trigger if not exists ${linkUpdate} after update of ${[links.articleColumn, links.categoryColumn].map(q).join(', ')} on ${q(links.table)} ` +
          `begin ${reindex(link('old'))} ${reindex(link('new'))} end`
      );
      // Whatever was written while a trigger was missing: index the published rows afresh.
      await trx.raw(`insert into ${fts}(${fts}) values ('delete-all')`);
      await trx.raw(`insert into ${fts}(rowid, title, excerpt, body, tags) select ${values('a')} from ${q(table)} as a where a.${q(c.publishedAt)} is not null`);
    });
  }

  function sqliteMatcher(): SearchMatcher {
    return {
      async compile({ q, listHighest, categoryIds = null, languageCodes = null }) {
        const terms = searchTerms(q);
        const text = terms.length === 0 ? null : fts5TaggedQuery(terms, { categoryIds, languageCodes });
        if (text === null) return NOTHING;
        const indexed = categoryIds !== null || languageCodes !== null;
        const c = t().articleColumns;
        // Few matches: read them by id and sort them (listed: the snippet query takes them from
        // the list, `allMatches`). Many: walk the listing index in the requested order, testing
        // each row against the set of matches (`+` keeps SQLite from reading every match by id
        // and sorting them all), and stop after a page; or take the page from the matches with
        // the highest ids, which FTS5 lists in rowid order once it has read the words' lists
        // (highestMatches: a little dearer than counting).
        const args = [SQLITE_TABLE, SQLITE_TABLE, text];
        const limit = SQLITE_FEW_MATCHES + 1;
        let highest: number[] | null = null;
        let matching: number;
        if (listHighest === undefined || (await listHighest(indexed))) {
          const rows = (await knex().raw(`select rowid as id from ?? where ?? match ? order by rowid desc limit ${limit}`, args)) as Array<{ id: number | string }>;
          highest = rows.map((row) => Number(row.id));
          matching = highest.length;
        } else {
          const rows = (await knex().raw(`select count(*) as n from (select rowid from ?? where ?? match ? limit ${limit})`, args)) as Array<{ n: number }>;
          matching = Number(rows[0]?.n ?? 0);
        }
        const few = matching <= SQLITE_FEW_MATCHES;
        return {
          ...(highest === null ? {} : { highestMatches: highest.slice(0, SQLITE_FEW_MATCHES), allMatches: few }),
          among: (qb, ids) => qb.whereRaw('?? in (select value from json_each(?))', [`a.${c.id}`, JSON.stringify(ids)]),
          // The index holds the published rows only, with exact tags: its count is the total when nothing else filters.
          indexedTotal: Math.min(matching, SEARCH_MATCH_CAP),
          where: (qb) => qb.whereRaw(`${few ? '' : '+'}?? in (select rowid from ?? where ?? match ?)`, [`a.${c.id}`, SQLITE_TABLE, SQLITE_TABLE, text]),
          // bm25 needs the MATCH of the row being scored: join the index for the capped rows only.
          rankNewest: (qb, newest) => {
            const reach = isIdList(newest) && highest !== null ? highestReaching(highest, newest) : null;
            // Ids among the highest matches: FTS5 scores the matches from the highest id down to the
            // lowest of them, as it listed them (a rowid range made it seek in every segment, and cost
            // more than the scoring). Otherwise the index is joined with its MATCH for every row.
            const [joined, score] =
              reach === null
                ? [qb.innerJoin(SQLITE_TABLE, `${SQLITE_TABLE}.rowid`, `a.${c.id}`).whereRaw('?? match ?', [SQLITE_TABLE, text]), knex().raw(`bm25(??, ${SQLITE_WEIGHTS})`, [SQLITE_TABLE])]
                : [
                    qb.innerJoin(
                      knex().raw(`(select rowid as id, bm25(??, ${SQLITE_WEIGHTS}) as score from ?? where ?? match ? order by rowid desc limit ${reach}) as s`, [
                        SQLITE_TABLE,
                        SQLITE_TABLE,
                        SQLITE_TABLE,
                        text,
                      ]),
                      's.id',
                      `a.${c.id}`
                    ),
                    knex().raw('??', ['s.score']),
                  ];
            // bm25: lower is better.
            return newestFirst(amongNewest(joined, newest, c).orderByRaw('? asc', [score]), c);
          },
        };
      },
    };
  }

  /* --------------------------------- MySQL/MariaDB --------------------------------- */

  async function prepareMysql(): Promise<void> {
    const { table } = splitQualified(t().articles);
    const c = t().articleColumns;
    const q = (name: string) => quoteIdent(name, '`');
    const wanted: Array<[string, string[]]> = [
      [MYSQL_INDEX, [c.title, c.excerpt, c.body]],
      [MYSQL_TITLE_INDEX, [c.title]],
    ];
    for (const [name, columns] of wanted) {
      const found = (await knex().raw(
        'select 1 from information_schema.statistics where table_schema = database() and table_name = ? and index_name = ? limit 1',
        [table, name]
      )) as [unknown[], unknown];
      if (found[0].length > 0) continue;
      try {
        await knex().raw(`alter table ${q(table)} add fulltext index ${q(name)} (${columns.map(q).join(', ')})`);
      } catch (error) {
        // ER_DUP_KEYNAME: another instance created it meanwhile.
        if ((error as { errno?: number }).errno !== 1061) throw error;
      }
    }
  }

  async function mysqlMatcher(): Promise<SearchMatcher> {
    let minTokenLength = 3;
    let stopwords = new Set<string>();
    try {
      const [sizeRows] = (await knex().raw('select @@innodb_ft_min_token_size as size')) as [Array<{ size: unknown }>, unknown];
      minTokenLength = Number(sizeRows[0]?.size ?? 3) || 3;
      const [words] = (await knex().raw('select value from information_schema.INNODB_FT_DEFAULT_STOPWORD')) as [Array<{ value: string }>, unknown];
      stopwords = new Set(words.map((row) => row.value.toLowerCase()));
    } catch {
      // Not InnoDB's tables (another engine or no access): required words are then never dropped.
    }
    const c = t().articleColumns;
    const all = `a.${c.title}, a.${c.excerpt}, a.${c.body}`;
    return {
      async compile({ q }) {
        const text = booleanModeQuery(searchTerms(q), { minTokenLength, stopwords });
        if (text === null) return NOTHING;
        const where = (qb: Knex.QueryBuilder) => qb.whereRaw(`match(${all}) against (? in boolean mode)`, [text]);
        return {
          indexedTotal: null,
          where,
          rankNewest: (qb, newest) =>
            newestFirst(
              amongNewest(where(qb), newest, c).orderByRaw(`match(a.${c.title}) against (? in boolean mode) * ${MYSQL_TITLE_BOOST} + match(${all}) against (? in boolean mode) desc`, [
                text,
                text,
              ]),
              c
            ),
        };
      },
    };
  }

  function matcher(): Promise<SearchMatcher> {
    matcherReady ??= (dialect === 'postgres' ? postgresMatcher() : dialect === 'sqlite' ? Promise.resolve(sqliteMatcher()) : mysqlMatcher()).catch(
      (error: unknown) => {
        matcherReady = null; // ask again next time
        throw error;
      }
    );
    return matcherReady;
  }

  return {
    async prepare() {
      if (dialect === 'postgres') await preparePostgres();
      else if (dialect === 'sqlite') await prepareSqlite();
      else await prepareMysql();
    },

    async compile(filter) {
      return (await matcher()).compile(filter);
    },

    async countCapped(filtered, { inOrder = false } = {}) {
      // The count reads at most the cap's worth of matches, whatever the number of matches.
      const inner = (inOrder ? filtered.clearSelect() : filtered.clearSelect().clearOrder()).select(knex().raw('1 as one')).limit(SEARCH_MATCH_CAP).as('matches');
      const rows = (await knex().count({ total: '*' }).from(inner)) as Array<{ total: unknown }>;
      return Number(rows[0]?.total ?? 0);
    },

    wordsLast(narrowed, compiled) {
      const c = t().articleColumns;
      // OFFSET 0 keeps the filters' query whole, so the planner cannot test the words first.
      const ids = narrowed.clearSelect().select(`a.${c.id} as id`, `a.${c.documentDate} as date`);
      return compiled.where(knex().from(knex().raw('(? offset 0) as f', [ids])).innerJoin({ a: t().articles }, `a.${c.id}`, 'f.id'));
    },
  };
}
