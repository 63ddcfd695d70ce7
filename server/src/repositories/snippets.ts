/**
 * Data access of the snippet endpoint: plain SQL through knex, selecting only
 * the columns a snippet needs, on published rows only.
 *
 * A page costs one query for the articles, one for the categories of all of
 * them (no N+1), and a count query only when the page cannot tell the total.
 * The queries are portable across SQLite, PostgreSQL and MySQL/MariaDB.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { SnippetQuery, SnippetSort } from '../core/snippet-query';
import { totalFromPage, type SnippetCategoryRow, type SnippetRow } from '../core/snippet-response';
import { caseFolding, type CaseFolding } from './case-folding';
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

/** `!` escapes LIKE wildcards: unlike `\`, it means the same in every dialect and SQL mode. */
const LIKE_ESCAPE = '!';
const PLAIN: CaseFolding = { fnFor: () => 'lower' };
const escapeLike = (text: string) => text.replace(/[!%_]/g, (char) => `${LIKE_ESCAPE}${char}`);

export function createSnippetRepository(strapi: Core.Strapi): SnippetRepository {
  // Resolved on first use: the metadata exists only once the database is loaded.
  let tables: SnippetTables | null = null;
  const t = () => (tables ??= resolveSnippetTables(strapi));
  // Set up on the first search (on SQLite it registers a function with the connection pool).
  let foldingReady: Promise<CaseFolding> | null = null;
  const fold = () => (foldingReady ??= caseFolding(strapi));
  const knex = (): Knex => strapi.db.connection;

  const selectSnippet = (qb: Knex.QueryBuilder) => {
    const c = t().articleColumns;
    return qb.select(
      (['id', 'documentId', 'slug', 'title', 'excerpt', 'language', 'documentDate', 'sourcePublishedDate', 'source', 'sourceUrl', 'readingTime'] as const).map(
        (attribute) => `a.${c[attribute]} as ${attribute}`
      )
    );
  };

  /** Published rows matching the filters: drafts never get past this. */
  const filtered = (query: SnippetQuery, folding: CaseFolding, locale: string | null = null): Knex.QueryBuilder => {
    const { articles, articleColumns: c, categories, categoryColumns: cc, links } = t();
    const qb = knex().from({ a: articles }).whereNotNull(`a.${c.publishedAt}`);
    if (locale !== null) qb.where(`a.${localeColumns(strapi).locale}`, locale);

    if (query.categories.length > 0) {
      // A correlated EXISTS, not a join (an article in two matching categories is still one
      // row) and not `id IN (links of the category)`: that form makes SQLite read every
      // article row of the category (2 KB+ each, with the body) and sort them, growing with
      // the table. This way the listing index (document_date, id, published_at, language)
      // is read in order and each candidate costs one probe of the link table's
      // (article_id, category_id) index, stopping after a page.
      qb.whereExists((sub) => {
        sub
          .select(knex().raw('1'))
          .from({ l: links.table })
          .whereRaw('?? = ??', [`l.${links.articleColumn}`, `a.${c.id}`])
          .whereIn(`l.${links.categoryColumn}`, (ids) => {
            ids.select(`k.${cc.id}`).from({ k: categories }).whereIn(`k.${cc.slug}`, query.categories);
          });
      });
    }
    if (query.language !== null) {
      // A code matches itself and its regional variants: `en` finds `en` and `en-gb`.
      const code = query.language;
      qb.where((sub) => {
        sub.where(`a.${c.language}`, code).orWhereRaw(`?? like ? escape '${LIKE_ESCAPE}'`, [`a.${c.language}`, `${escapeLike(code)}-%`]);
      });
    }
    if (query.from !== null) qb.where(`a.${c.documentDate}`, '>=', query.from);
    if (query.to !== null) qb.where(`a.${c.documentDate}`, '<=', query.to);
    if (query.q !== null) {
      const pattern = `%${escapeLike(query.q)}%`;
      const fn = folding.fnFor(pattern);
      const matches = (column: string) => [`${fn}(??) like ${fn}(?) escape '${LIKE_ESCAPE}'`, [`a.${column}`, pattern]] as const;
      qb.where((sub) => {
        sub.whereRaw(...matches(c.title)).orWhereRaw(...matches(c.excerpt));
      });
    }
    return qb;
  };

  /** Every order ends on the row id, so pages never overlap or skip rows of equal keys. */
  const ordered = (qb: Knex.QueryBuilder, sort: SnippetSort) => {
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

  return {
    async findPage(query, locale = null) {
      const offset = (query.page - 1) * query.pageSize;
      const folding = query.q === null ? PLAIN : await fold();
      const rows = (await ordered(selectSnippet(filtered(query, folding, locale)), query.sort)
        .limit(query.pageSize)
        .offset(offset)) as SnippetRow[];
      const known = totalFromPage(query.page, query.pageSize, rows.length);
      if (known !== null) return { rows, total: known };
      const counted = (await filtered(query, folding, locale).count({ total: '*' })) as Array<{ total: unknown }>;
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
