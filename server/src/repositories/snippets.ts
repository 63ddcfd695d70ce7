/**
 * Data access of the snippet endpoint: plain SQL through knex, selecting only
 * the columns a snippet needs, on published rows only.
 *
 * A page costs one query for the articles, one for the categories of all of
 * them (no N+1), and a count query only when the page cannot tell the total.
 * The queries are portable across SQLite, PostgreSQL and MySQL/MariaDB; `q`
 * uses each database's full-text engine (repositories/search.ts), with its
 * count bounded by SEARCH_MATCH_CAP (core/search-query.ts).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { cappedLimit, relevancePageParts, SEARCH_MATCH_CAP, SEARCH_RANK_WINDOW, type RowRange } from '../core/search-query';
import { narrowsBeyondSearch, type SnippetQuery, type SnippetSort } from '../core/snippet-query';
import { snippetCountKey, startFromLinks } from '../core/snippet-count-key';
import { totalFromPage, type SnippetCategoryRow, type SnippetRow } from '../core/snippet-response';
import { createFilterRows } from './filter-rows';
import { createSearchRepository, type CompiledSearch } from './search';
import type { SnippetCountsRepository } from './snippet-counts';
import { localeColumns } from './snippet-localizations';
import { resolveSnippetTables, type SnippetTables } from './snippet-tables';

export interface SnippetPageRows {
  rows: SnippetRow[];
  total: number;
}

export interface SnippetRepository {
  /** `locale`: only that locale's rows (localized articles, SPEC 12); null for all. */
  findPage(query: SnippetQuery, locale?: string | null): Promise<SnippetPageRows>;
  findBySlug(slug: string, locale?: string | null): Promise<SnippetRow | null>;
  /** Category links of the given article row ids, in no particular order. */
  categoriesOf(articleIds: unknown[]): Promise<SnippetCategoryRow[]>;
}

/** Category ids and exact language codes the filters stand for; null: that filter is absent (or, for languages, matched by pattern). */
interface Narrowed {
  categoryIds: Array<string | number> | null;
  languageCodes: string[] | null;
  /** The kept counts say few rows match for the table's size: read them from the category's links rather than in listing order. */
  fewMatches: boolean;
}

/** Filters leaving at least this share of the published articles are common (`commonFilters`). */
const COMMON_FILTER_SHARE = 0.25;

/**
 * PostgreSQL: a category and a language of at most this many published articles are searched
 * by testing the words on each of their rows (~1 µs a row, docs/BENCHMARKS.md), whatever the
 * words' statistics say. Those know the words of the whole table, not of one language: a word
 * of every Persian article is rare among all of them, and its matches from the word index would
 * be read by the thousand to find the pair's.
 */
const PAIR_WALK_ROWS = 5000;

/**
 * The newest `n` matches are looked for among the first this many times `n` of the matches
 * with the highest ids (`newestFromHighest`): ids grow about as dates do, so they are there,
 * and fewer rows are read for their dates (SQLite, 2,000 listed: ~2.2 → ~0.5 ms for `n` = 200).
 */
const HIGHEST_CONSIDERED = 2;

type DateSort = Extract<SnippetSort, `documentDate:${string}`>;
const isDateSort = (sort: SnippetSort): sort is DateSort => sort.startsWith('documentDate:');

/** `!` escapes LIKE wildcards: unlike `\`, it means the same in every dialect and SQL mode. */
const LIKE_ESCAPE = '!';
const escapeLike = (text: string) => text.replace(/[!%_]/g, (char) => `${LIKE_ESCAPE}${char}`);

/** `counts`: the kept totals (repositories/snippet-counts.ts); without them every total is counted. */
export function createSnippetRepository(strapi: Core.Strapi, counts: SnippetCountsRepository | null = null): SnippetRepository {
  // Resolved on first use: the metadata exists only once the database is loaded.
  let tables: SnippetTables | null = null;
  const t = () => (tables ??= resolveSnippetTables(strapi));
  const search = createSearchRepository(strapi);
  const filterRows = createFilterRows(strapi);
  const knex = (): Knex => strapi.db.connection;

  const selectSnippet = (qb: Knex.QueryBuilder) => {
    const c = t().articleColumns;
    return qb.select(
      (['id', 'documentId', 'slug', 'title', 'excerpt', 'language', 'documentDate', 'sourcePublishedDate', 'source', 'sourceUrl', 'readingTime'] as const).map(
        (attribute) => `a.${c[attribute]} as ${attribute}`
      )
    );
  };

  /**
   * The category and language filters as the values the rows hold, read before the page
   * query: category ids for the slugs (literal ids let PostgreSQL's planner use its
   * statistics of the link table), and the exact language codes a code matches (from the
   * kept counts: `en` → `en`, `en-gb`), so the query is an equality the language index
   * serves instead of a LIKE. Null where nothing narrows.
   */
  const narrow = async (query: SnippetQuery, kept: number | null): Promise<Narrowed> => {
    // Few matches for the table's size (core/snippet-count-key.ts): start from the category's links.
    const published = kept === null || query.categories.length === 0 || counts === null ? null : await counts.total({ category: null, language: null });
    const fewMatches = kept !== null && published !== null && startFromLinks(kept, published, query.page * query.pageSize);
    const { categories, categoryColumns: cc } = t();
    const categoryIds =
      query.categories.length === 0
        ? null
        : ((await knex().from({ k: categories }).whereIn(`k.${cc.slug}`, query.categories).pluck(`k.${cc.id}`)) as Array<string | number>);
    const languageCodes = query.language === null || counts === null ? null : await counts.languageCodes(query.language);
    return { categoryIds, languageCodes, fewMatches };
  };

  /**
   * Published rows matching the filters: drafts never get past this. `probeLinks`: the
   * category test as a subquery the planner cannot turn into a join (PostgreSQL would
   * hash every link of the category), so each row probes the link index.
   */
  const filtered = (
    query: SnippetQuery,
    search: CompiledSearch | null,
    narrowed: Narrowed,
    locale: string | null,
    { probeLinks = false }: { probeLinks?: boolean } = {}
  ): Knex.QueryBuilder => {
    const { articles, articleColumns: c, links } = t();
    const qb = (search?.source?.(articles) ?? knex().from({ a: articles })).whereNotNull(`a.${c.publishedAt}`);
    if (locale !== null) qb.where(`a.${localeColumns(strapi).locale}`, locale);

    if (narrowed.categoryIds !== null) {
      const ids = narrowed.categoryIds; // none found: knex writes a false condition
      if (narrowed.fewMatches) {
        // Few matches (the kept count says so): start from the category's links and sort
        // those rows, instead of walking the whole listing in order to find a handful.
        qb.whereIn(`a.${c.id}`, (sub) => {
          sub.select(`l.${links.articleColumn}`).from({ l: links.table }).whereIn(`l.${links.categoryColumn}`, ids);
        });
      } else {
        const linked = knex()
          .from({ l: links.table })
          .select(knex().raw('1'))
          .whereRaw('?? = ??', [`l.${links.articleColumn}`, `a.${c.id}`])
          .whereIn(`l.${links.categoryColumn}`, ids);
        // A correlated EXISTS, not a join (an article in two matching categories is still one
        // row) and not `id IN (links of the category)`: that form makes SQLite read every
        // article row of the category (2 KB+ each, with the body) and sort them, growing with
        // the category. This way the listing index (document_date, id, published_at, language)
        // is read in order and each candidate costs one probe of the link table's
        // (article_id, category_id) index, stopping after a page.
        if (probeLinks) qb.whereRaw('(?) is not null', [linked.limit(1)]);
        else qb.whereExists(linked);
      }
    }
    if (narrowed.languageCodes !== null) {
      qb.whereIn(`a.${c.language}`, narrowed.languageCodes);
    } else if (query.language !== null) {
      // A code matches itself and its regional variants: `en` finds `en` and `en-gb`.
      const code = query.language;
      qb.where((sub) => {
        sub.where(`a.${c.language}`, code).orWhereRaw(`?? like ? escape '${LIKE_ESCAPE}'`, [`a.${c.language}`, `${escapeLike(code)}-%`]);
      });
    }
    if (query.from !== null) qb.where(`a.${c.documentDate}`, '>=', query.from);
    if (query.to !== null) qb.where(`a.${c.documentDate}`, '<=', query.to);
    if (search !== null) search.where(qb);
    return qb;
  };

  /**
   * PostgreSQL, one category and languages known, no locale: the published rows of that
   * category and language from their own table (repositories/filter-rows.ts), in the
   * listing's columns, read from one index. Null: not kept here, or other filters.
   */
  const pairRows = (query: SnippetQuery, narrowed: Narrowed, locale: string | null): Knex.QueryBuilder | null => {
    const ids = narrowed.categoryIds;
    if (locale !== null || ids?.length !== 1 || narrowed.languageCodes === null) return null;
    const rows = filterRows.rowsOf(ids[0]!, narrowed.languageCodes);
    if (rows === null) return null;
    const c = t().articleColumns;
    if (query.from !== null) rows.where(`a.${c.documentDate}`, '>=', query.from);
    if (query.to !== null) rows.where(`a.${c.documentDate}`, '<=', query.to);
    return rows;
  };

  /**
   * Whether the filters besides `q` leave a good part of the articles (at least
   * COMMON_FILTER_SHARE, by the kept counts), so that the newest matches of the words alone
   * hold the newest of the filters too: none, or a category and a language that are common,
   * or any when the engine's matches keep to them already (`indexed`). A start date alone
   * keeps the newest articles (the proof of repositories/snippets.ts checks that the newest
   * matches pass it: a search since a date costs as one without). An end date or a locale:
   * unknown, taken as no.
   */
  const commonFilters = async (query: SnippetQuery, locale: string | null, indexed: boolean): Promise<boolean> => {
    if (locale !== null || query.to !== null) return false;
    if (indexed || (query.categories.length === 0 && query.language === null)) return true;
    if (query.categories.length > 1 || counts === null) return false;
    const kept = await counts.total({ category: query.categories[0] ?? null, language: query.language });
    const published = kept === null ? null : await counts.total({ category: null, language: null });
    return kept !== null && published !== null && kept >= published * COMMON_FILTER_SHARE;
  };

  /** Every order ends on the row id, so pages never overlap or skip rows of equal keys. */
  const ordered = (qb: Knex.QueryBuilder, sort: Exclude<SnippetSort, 'relevance'>) => {
    const c = t().articleColumns;
    const [key, direction] = sort.split(':') as ['documentDate' | 'title', 'asc' | 'desc'];
    if (key === 'documentDate') {
      return qb.orderBy([
        { column: `a.${c.documentDate}`, order: direction },
        { column: `a.${c.id}`, order: direction },
      ]);
    }
    // Case-insensitive like a reader expects, whatever the column collation; then exact, then id.
    return qb
      .orderByRaw(`lower(??) ${direction}`, [`a.${c.title}`])
      .orderBy([
        { column: `a.${c.title}`, order: direction },
        { column: `a.${c.id}`, order: direction },
      ]);
  };

  /**
   * The snippets of `range` of `matches` in `sort` order, the rows skipped read as ids only:
   * the inner query walks an index that holds the id (the listing and title indexes do), so
   * an offset of thousands costs index entries, not thousands of fetched article rows.
   * Wrapped in a derived table: MySQL/MariaDB refuse a LIMIT directly inside `IN (…)`.
   */
  const pastOffset = (matches: Knex.QueryBuilder, sort: Exclude<SnippetSort, 'relevance'>, range: RowRange) => {
    const c = t().articleColumns;
    const page = ordered(matches.select(`a.${c.id} as id`), sort).limit(range.limit).offset(range.offset);
    return ordered(
      selectSnippet(knex().from({ a: t().articles })).whereIn(`a.${c.id}`, (sub) => {
        sub.select('p.id').from(page.as('p'));
      }),
      sort
    );
  };

  /** The ids of the newest `window` rows of `matches`, read in the listing order. */
  const newestMatches = (matches: Knex.QueryBuilder, window: number) =>
    ordered(matches.select(`a.${t().articleColumns.id} as id`), 'documentDate:desc').limit(window);

  /**
   * With `q`: at most SEARCH_MATCH_CAP matches are served (core/search-query.ts), so
   * pages end there and the count stops there; `total` is min(matches, cap).
   * Relevance scores the newest SEARCH_RANK_WINDOW matches (by documentDate, then id) and
   * serves them best first, then the older matches newest first: the inner query reads
   * the window in the listing order and stops there, so scoring costs at most the
   * window's worth of rows however common the words.
   */
  async function findSearchPage(query: SnippetQuery, q: string, locale: string | null): Promise<SnippetPageRows> {
    const narrowed = await narrow(query, null);
    const compiled = await search.compile({
      q,
      language: query.language,
      presentLanguages: () => counts?.languages() ?? Promise.resolve(null),
      listHighest: (indexed) => commonFilters(query, locale, indexed),
      categoryIds: narrowed.categoryIds,
      languageCodes: narrowed.languageCodes,
    });
    const limit = cappedLimit(query.page, query.pageSize);
    const offset = (query.page - 1) * query.pageSize;
    const matches = () => filtered(query, compiled, narrowed, locale);
    // Common words tested row by row, with other filters: the rows those filters leave
    // first, from their indexes, each link by its own probe, and the words tested last.
    const narrowedFirst = (inOrder: boolean) => {
      const rows = pairRows(query, narrowed, locale) ?? filtered(query, null, narrowed, locale, { probeLinks: true });
      return search.wordsLast(inOrder ? ordered(rows, 'documentDate:desc') : rows, compiled);
    };
    // The rows of one category and language hold their words too (PostgreSQL's filter rows, without
    // positions): tested there, no article row is read. When the words are common, or the pair has few rows.
    const inPair =
      compiled.matchStripped !== undefined &&
      pairRows(query, narrowed, locale) !== null &&
      (compiled.wordsLast === true || ((await counts?.total({ category: query.categories[0] ?? null, language: query.language })) ?? Infinity) <= PAIR_WALK_ROWS);
    /** The ids (`id`) of the pair's matches in date order: PostgreSQL walks the pair's index in that order. Null: not `inPair`. */
    const pairMatches = (sort: DateSort = 'documentDate:desc'): Knex.QueryBuilder | null => {
      const rows = inPair ? pairRows(query, narrowed, locale) : null;
      if (rows === null || compiled.matchStripped === undefined) return null;
      return compiled.matchStripped(ordered(rows, sort)).select(`a.${t().articleColumns.id} as id`);
    };
    const wordsLast = inPair || (compiled.wordsLast === true && (narrowsBeyondSearch(query) || locale !== null));
    const read = async (qb: Knex.QueryBuilder, range: RowRange) => (await qb.limit(range.limit).offset(range.offset)) as SnippetRow[];

    /**
     * The ids of the newest `n` matches, newest first, taken from the matches with the
     * highest ids when the engine listed them (`highestMatches`) and they provably hold the
     * newest: at least `n` of them pass the filters, and no row of the filters with a lower
     * id is newer than the `n`th (every other match has a lower id). Null: not proven, the
     * matches are walked as usual. Ids usually grow with time, so this mostly holds, and the
     * proof reads only the rows newer than the `n`th. When the engine listed every match,
     * its newest are the newest, however few: no proof. Only the first HIGHEST_CONSIDERED × `n`
     * listed (of up to 2,000) are read for their dates.
     */
    const newestFromHighest = async (n: number): Promise<number[] | null> => {
      const listed = compiled.highestMatches;
      if (listed === undefined || compiled.among === undefined || n <= 0) return null;
      const highest = listed.slice(0, HIGHEST_CONSIDERED * n);
      const every = highest.length === listed.length;
      const c = t().articleColumns;
      const candidates = (await ordered(
        compiled.among(filtered(query, null, narrowed, locale), highest).select(`a.${c.id} as id`, `a.${c.documentDate} as date`),
        'documentDate:desc'
      ).limit(n)) as Array<{ id: number | string; date: unknown }>;
      if (every && compiled.allMatches === true) return candidates.map((row) => Number(row.id));
      const last = candidates[n - 1];
      if (last === undefined) return null;
      const newer = await filtered(query, null, narrowed, locale)
        .where(`a.${c.id}`, '<', highest[highest.length - 1])
        .where(`a.${c.documentDate}`, '>', last.date as Knex.Value)
        .select(`a.${c.id}`)
        .limit(1);
      return newer.length === 0 ? candidates.map((row) => Number(row.id)) : null;
    };

    const byDate = async (range: RowRange, sort: Exclude<SnippetSort, 'relevance'>) => {
      const newest = sort === 'documentDate:desc' ? await newestFromHighest(range.offset + range.limit) : null;
      const paired = newest === null && isDateSort(sort) ? pairMatches(sort) : null;
      const page =
        newest?.slice(range.offset) ??
        (paired === null ? null : ((await paired.limit(range.limit).offset(range.offset)) as Array<{ id: number | string }>).map((row) => row.id));
      if (page === null) return read(ordered(selectSnippet(matches()), sort), range);
      return page.length === 0 ? [] : ((await ordered(selectSnippet(knex().from({ a: t().articles })).whereIn(`a.${t().articleColumns.id}`, page), sort)) as SnippetRow[]);
    };
    let rows: SnippetRow[] = [];
    if (query.sort !== 'relevance') {
      if (limit > 0) rows = await byDate({ offset, limit }, query.sort);
    } else {
      const { ranked, dated } = relevancePageParts({ offset, limit });
      if (ranked !== null) {
        const known = await newestFromHighest(SEARCH_RANK_WINDOW);
        // The filters' rows in the listing order (wordsLast): the newest matches are the first to pass.
        const byFilters = () =>
          pairMatches()?.limit(SEARCH_RANK_WINDOW) ??
          narrowedFirst(true)
            .clearSelect()
            .select('f.id as id')
            .orderBy([
              { column: 'f.date', order: 'desc' },
              { column: 'f.id', order: 'desc' },
            ])
            .limit(SEARCH_RANK_WINDOW);
        const newest = known ?? (wordsLast ? byFilters() : newestMatches(matches(), SEARCH_RANK_WINDOW));
        rows = await read(compiled.rankNewest(selectSnippet(knex().from({ a: t().articles })), newest), ranked);
      }
      // Past the window only when the window was full: fewer matches are all in it.
      if (dated !== null && (ranked === null || rows.length === ranked.limit)) rows = [...rows, ...(await byDate(dated, 'documentDate:desc'))];
    }
    const known = limit === 0 ? null : totalFromPage(query.page, query.pageSize, rows.length);
    // A short page tells the total (at most the cap: a page never reaches past it).
    if (known !== null) return { rows, total: known };
    // The engine's count keeps to the category and language filters it was given (SQLite's tags).
    const indexedFilters = query.from === null && query.to === null && (query.language === null || narrowed.languageCodes !== null);
    if (locale === null && indexedFilters && compiled.indexedTotal !== null) return { rows, total: compiled.indexedTotal };
    // The cap reached among the matches the engine listed is the total: no need to walk the rest.
    if (compiled.highestMatches !== undefined && compiled.among !== undefined) {
      const listed = await search.countCapped(compiled.among(filtered(query, null, narrowed, locale), compiled.highestMatches));
      if (listed >= SEARCH_MATCH_CAP || compiled.allMatches === true) return { rows, total: listed };
    }
    const paired = pairMatches();
    if (paired !== null) return { rows, total: await search.countCapped(paired, { inOrder: true }) };
    return { rows, total: await search.countCapped(wordsLast ? narrowedFirst(false) : matches()) };
  }

  return {
    async findPage(query, locale = null) {
      if (query.q !== null) return findSearchPage(query, query.q, locale);
      const offset = (query.page - 1) * query.pageSize;
      // The kept total first: past it (or with nothing to find) there is no page to read.
      // The kept totals know no locales: a localized read counts its rows.
      const key = locale === null ? snippetCountKey(query) : null;
      const kept = key === null || counts === null ? null : await counts.total(key);
      if (kept !== null && offset >= kept) return { rows: [], total: kept };
      const narrowed = await narrow(query, kept);
      const sort = query.sort === 'relevance' ? 'documentDate:desc' : query.sort; // relevance needs q (core/snippet-query.ts)
      const rows = (await (offset === 0
        ? ordered(selectSnippet(filtered(query, null, narrowed, locale)), sort).limit(query.pageSize)
        : pastOffset(filtered(query, null, narrowed, locale), sort, { offset, limit: query.pageSize }))) as SnippetRow[];
      if (kept !== null) return { rows, total: kept };
      const known = totalFromPage(query.page, query.pageSize, rows.length);
      if (known !== null) return { rows, total: known };
      const counted = (await filtered(query, null, narrowed, locale).count({ total: '*' })) as Array<{ total: unknown }>;
      return { rows, total: Number(counted[0]?.total ?? 0) };
    },

    async findBySlug(slug, locale = null) {
      const c = t().articleColumns;
      const qb = selectSnippet(knex().from({ a: t().articles }));
      if (locale !== null) qb.where(`a.${localeColumns(strapi).locale}`, locale);
      const rows = (await qb
        .whereNotNull(`a.${c.publishedAt}`)
        .where(`a.${c.slug}`, slug)
        .orderBy(`a.${c.id}`, 'desc')
        .limit(1)) as SnippetRow[];
      return rows[0] ?? null;
    },

    async categoriesOf(articleIds) {
      if (articleIds.length === 0) return [];
      const { categories, categoryColumns: cc, links } = t();
      return (await knex()
        .from({ l: links.table })
        .innerJoin({ k: categories }, `k.${cc.id}`, `l.${links.categoryColumn}`)
        .whereIn(`l.${links.articleColumn}`, articleIds as Array<string | number>)
        .select(`l.${links.articleColumn} as articleId`, `k.${cc.name} as name`, `k.${cc.slug} as slug`)) as SnippetCategoryRow[];
    },
  };
}
