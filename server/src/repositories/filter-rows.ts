/**
 * PostgreSQL: the published articles of each category, with their language,
 * documentDate and search vector without positions (`strip`), in one table
 * (`newsroom_filter_rows`, a row a category link of a published article row), so a
 * search with a category and a language reads the rows of that pair in date order from
 * one index and tests the words on those rows alone (repositories/snippets.ts, the words
 * tested last). Without the table, the rows of the language were walked in date order and
 * each probed for its category link: ~6,000 probes to find 1,000 rows of a category
 * holding a sixth of the articles; without the vectors, each row of the pair was looked
 * up in the article table to test its words: a page of the article table a row, as the
 * rows of a pair lie far apart (docs/BENCHMARKS.md). The vectors cost ~400 bytes a row
 * (a row a link); a phrase (a word PostgreSQL splits, `می‌خواهد`) needs positions and is
 * tested on the article table (`CompiledSearch.matchStripped`, repositories/search.ts).
 *
 * The database keeps the table itself, like the search index and the counts: triggers
 * on the link table (a link added, moved or removed) and on the article table (its
 * language, date, text or published state changed, or the row deleted) change its rows in
 * the writer's transaction, on every write path. A link's trigger reads its article row
 * `FOR SHARE`: a concurrent change of that row's language or date waits for it, or it for
 * the change, and either way the one that runs second sees the other's rows. Its columns are named as the article
 * table's (`id`, `language`, `document_date`, `newsroom_search`) so the snippet query
 * reads it as it reads that table. At startup (`prepare`), when the table, a trigger or the definition is
 * new, the table is filled again from the rows. SQLite answers the same filters with
 * the tags of its search index (repositories/search.ts); MySQL reads its indexes.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { FILTER_ROWS_TABLE, SEARCH_COLUMN } from '../constants';
import { quoteIdent } from './search';
import { inSchema, resolveSnippetTables, type SnippetTables } from './snippet-tables';

const LINK_FN = 'newsroom_filter_rows_link';
const ARTICLE_FN = 'newsroom_filter_rows_article';
const LINK_TRIGGER = 'newsroom_filter_rows_link_trg';
const ARTICLE_TRIGGER = 'newsroom_filter_rows_article_trg';
const INDEX = 'newsroom_filter_rows_pair_idx';
/** The category column of the table (its other columns are named as the article table's). */
export const FILTER_ROWS_CATEGORY = 'category_id';

export interface FilterRowsRepository {
  /** PostgreSQL: creates what is missing and fills the table when it is new. Elsewhere nothing. */
  prepare(): Promise<void>;
  /**
   * The published rows of one category in the given languages, aliased `a` with the
   * article table's `id`, `language` and `document_date` columns and its search column
   * (without positions); null where the table is not kept (SQLite, MySQL).
   */
  rowsOf(categoryId: string | number, languageCodes: readonly string[]): Knex.QueryBuilder | null;
}

/** The table's schema-qualified name (PostgreSQL; repositories/table-statistics.ts analyzes it with the article tables). */
export const filterRowsTable = (strapi: Core.Strapi): string => inSchema(strapi, FILTER_ROWS_TABLE);

export function createFilterRows(strapi: Core.Strapi): FilterRowsRepository {
  const postgres = strapi.db.dialect.client === 'postgres';
  let tables: SnippetTables | null = null;
  const t = () => (tables ??= resolveSnippetTables(strapi));
  const knex = (): Knex => strapi.db.connection;
  const qualified = (name: string) => inSchema(strapi, name);
  const q = (name: string) =>
    name
      .split('.')
      .map((part) => quoteIdent(part, '"'))
      .join('.');

  return {
    async prepare() {
      if (!postgres) return;
      const { articles, articleColumns: c, links } = t();
      const [table, linkFn, articleFn] = [FILTER_ROWS_TABLE, LINK_FN, ARTICLE_FN].map((name) => q(qualified(name)));
      const [id, language, date, published, linkArticle, linkCategory, category, vector] = [
        c.id,
        c.language,
        c.documentDate,
        c.publishedAt,
        links.articleColumn,
        links.categoryColumn,
        FILTER_ROWS_CATEGORY,
        SEARCH_COLUMN,
      ].map(q);
      const columns = `${id}, ${category}, ${language}, ${date}, ${vector}`;
      // What the rows hold follows the article row's language, date, published state and text (its vector).
      const followed = [c.language, c.documentDate, c.publishedAt, c.title, c.excerpt, c.body, SEARCH_COLUMN].map(q).join(', ');
      const definition = [
        `create or replace function ${linkFn}() returns trigger language plpgsql as $fn$ begin ` +
          `if tg_op in ('DELETE', 'UPDATE') then delete from ${table} where ${id} = old.${linkArticle} and ${category} = old.${linkCategory}; end if; ` +
          `if tg_op in ('INSERT', 'UPDATE') then insert into ${table} (${columns}) select a.${id}, new.${linkCategory}, a.${language}, a.${date}, strip(a.${vector}) ` +
          `from ${q(articles)} as a where a.${id} = new.${linkArticle} and a.${published} is not null and new.${linkCategory} is not null for share of a on conflict do nothing; end if; ` +
          `return null; end $fn$`,
        `create or replace function ${articleFn}() returns trigger language plpgsql as $fn$ begin ` +
          `delete from ${table} where ${id} = old.${id}; ` +
          `if tg_op = 'UPDATE' and new.${published} is not null then insert into ${table} (${columns}) select new.${id}, l.${linkCategory}, new.${language}, new.${date}, strip(new.${vector}) ` +
          `from ${q(links.table)} as l where l.${linkArticle} = new.${id} and l.${linkCategory} is not null on conflict do nothing; end if; ` +
          `return null; end $fn$`,
        `drop trigger if exists ${q(LINK_TRIGGER)} on ${q(links.table)}`,
        `create trigger ${q(LINK_TRIGGER)} after insert or delete or update of ${linkArticle}, ${linkCategory} on ${q(links.table)} for each row execute function ${linkFn}()`,
        `drop trigger if exists ${q(ARTICLE_TRIGGER)} on ${q(articles)}`,
        `create trigger ${q(ARTICLE_TRIGGER)} after delete or update of ${followed} on ${q(articles)} for each row execute function ${articleFn}()`,
      ];
      // A new definition (other columns, triggers or bodies) means the rows are made again.
      const version = `newsroom filter rows ${createHash('sha256').update(definition.join('\n')).digest('hex').slice(0, 16)}`;
      const filled = await knex().transaction(async (trx) => {
        // Several instances may start at once: one prepares, the others then find it done.
        await trx.raw("select pg_advisory_xact_lock(hashtext('newsroom_filter_rows_prepare'))");
        const found = (await trx.raw(
          `select obj_description(to_regclass(?), 'pg_class') as version,
             (select count(*) from pg_catalog.pg_trigger where (tgname, tgrelid) in ((?, to_regclass(?)), (?, to_regclass(?)))) as triggers`,
          [qualified(FILTER_ROWS_TABLE), LINK_TRIGGER, links.table, ARTICLE_TRIGGER, articles]
        )) as { rows: Array<{ version: string | null; triggers: string | number }> };
        const state = found.rows[0];
        if (state?.version === version && Number(state.triggers) === 2) return false;

        // Types of their own (not copied): Strapi may widen an article column later, which the copy would refuse.
        await trx.raw(
          `create table if not exists ${table} (${id} bigint not null, ${category} bigint not null, ${language} text, ${date} timestamp(6), primary key (${id}, ${category}))`
        );
        await trx.raw(`alter table ${table} add column if not exists ${vector} tsvector`);
        await trx.raw(`truncate ${table}`);
        await trx.raw(`create index if not exists ${q(INDEX)} on ${table} (${category}, ${language}, ${date} desc, ${id} desc)`);
        for (const statement of definition) await trx.raw(statement);
        await trx.raw(
          `insert into ${table} (${columns}) select a.${id}, l.${linkCategory}, a.${language}, a.${date}, strip(a.${vector}) from ${q(links.table)} as l ` +
            `join ${q(articles)} as a on a.${id} = l.${linkArticle} where a.${published} is not null and l.${linkCategory} is not null on conflict do nothing`
        );
        await trx.raw(`comment on table ${table} is '${version}'`);
        return true;
      });
      // Statistics of the rows just written, for the planner (autovacuum may be off).
      if (filled) await knex().raw(`analyze ${table}`);
    },

    rowsOf(categoryId, languageCodes) {
      if (!postgres) return null;
      return knex()
        .from({ a: qualified(FILTER_ROWS_TABLE) })
        .where(`a.${FILTER_ROWS_CATEGORY}`, categoryId)
        .whereIn(`a.${t().articleColumns.language}`, [...languageCodes]);
    },
  };
}
