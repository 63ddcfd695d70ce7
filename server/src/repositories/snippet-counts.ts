/**
 * Published-article counts per (category, language), so the snippet list's
 * `meta.pagination.total` costs a few index lookups whatever the number of matches.
 *
 * A row holds how many published article rows have that language (`''` for none)
 * and that category; `category_id` 0 counts every article of the language, linked
 * or not. The database keeps the table right itself, with triggers on the article
 * table, the article ↔ category link table and the category table: every write path
 * (Document Service, Content Manager, import bulk and fallback, direct SQL, another
 * instance) changes the counts in the same transaction as the rows, by atomic
 * `n = n ± k` updates, so concurrent writers in several processes never lose a change.
 *
 * What the triggers do:
 * - article row inserted published: +1 for (0, language); its links come later.
 * - link inserted (or deleted) for a published article row: ±1 for (category, language).
 * - article row updated: when its published state or language changes, its old
 *   contribution (0 and every linked category) goes, the new one comes.
 * - article row deleted (BEFORE): −1 for (0, language) and for each link it still has.
 *   Strapi deletes the links first; when a foreign key cascades them afterwards, the
 *   link trigger no longer finds the article (and MySQL fires none), so nothing counts twice.
 * - category deleted (BEFORE): its rows go; a cascaded link delete then finds no row to update.
 * Decrements only update existing rows; increments insert the row when it is missing.
 *
 * At startup (`prepare`), when the table or any trigger is missing (a new install, an
 * upgrade, a table Strapi rebuilt), the triggers are (re)installed and every count is
 * recomputed from the rows. `recompute` is also the repair.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { SNIPPET_COUNTS_TABLE } from '../constants';
import type { SnippetCountKey } from '../core/snippet-count-key';
import { resolveSnippetTables, type SnippetTables } from './snippet-tables';

/** The `category_id` of the counts over all categories (and none). Category ids start at 1. */
export const ANY_CATEGORY = 0;

/** Bump when a trigger body changes: a missing name makes `prepare` reinstall and recompute. */
const VERSION = 4;
const TRIGGER_NAMES = ['article_ins', 'article_upd', 'article_del', 'link_ins', 'link_upd', 'link_del', 'category_del'].map(
  (name) => `newsroom_cnt${VERSION}_${name}`
);

type Dialect = 'sqlite' | 'postgres' | 'mysql';

interface Names {
  counts: string;
  articles: string;
  links: string;
  categories: string;
  articleId: string;
  publishedAt: string;
  language: string;
  linkArticle: string;
  linkCategory: string;
  categoryId: string;
}

function dialectOf(strapi: Core.Strapi): Dialect {
  const client = strapi.db.dialect.client;
  if (client === 'sqlite' || client === 'postgres') return client;
  return 'mysql';
}

/** Quotes a possibly schema-qualified identifier. Names come from Strapi's metadata, never from users. */
function quoter(dialect: Dialect) {
  const mark = dialect === 'mysql' ? '`' : '"';
  return (name: string) =>
    name
      .split('.')
      .map((part) => `${mark}${part}${mark}`)
      .join('.');
}

function namesOf(strapi: Core.Strapi, tables: SnippetTables, dialect: Dialect): Names {
  const q = quoter(dialect);
  const schema = strapi.db.getSchemaName();
  return {
    counts: q(schema ? `${schema}.${SNIPPET_COUNTS_TABLE}` : SNIPPET_COUNTS_TABLE),
    articles: q(tables.articles),
    links: q(tables.links.table),
    categories: q(tables.categories),
    articleId: q(tables.articleColumns.id),
    publishedAt: q(tables.articleColumns.publishedAt),
    language: q(tables.articleColumns.language),
    linkArticle: q(tables.links.articleColumn),
    linkCategory: q(tables.links.categoryColumn),
    categoryId: q(tables.categoryColumns.id),
  };
}

/**
 * The statements of each trigger, over `NEW`/`OLD`, in SQL the three databases share
 * except for the upsert clause.
 */
function triggerBodies(n: Names, dialect: Dialect): Record<string, { table: string; event: string; condition: string | null; statements: string[] }> {
  // The counts row being changed: an alias where the dialect takes one; SQLite before 3.53 parses no alias
  // after INSERT INTO (a database file must stay readable by older sqlite3 tools), so there the table name.
  const c = dialect === 'sqlite' ? n.counts : 'c';
  const counts = dialect === 'sqlite' ? n.counts : `${n.counts} AS c`;
  const upsert = (select: string) =>
    dialect === 'mysql'
      ? `INSERT INTO ${n.counts} (category_id, language, n) ${select} ON DUPLICATE KEY UPDATE n = n + VALUES(n)`
      : `INSERT INTO ${counts} (category_id, language, n) ${select} ON CONFLICT (category_id, language) DO UPDATE SET n = ${c}.n + excluded.n`;
  const lang = (row: 'NEW' | 'OLD') => `COALESCE(${row}.${n.language}, '')`;
  const published = (row: 'NEW' | 'OLD') => `${row}.${n.publishedAt} IS NOT NULL`;
  const linksOf = (row: 'NEW' | 'OLD') => `${n.links} l WHERE l.${n.linkArticle} = ${row}.${n.articleId}`;

  /** Adds (+) or removes (−) the contribution of article row `row`: its language, and each linked category unless `ownOnly`. */
  const contribution = (row: 'NEW' | 'OLD', sign: '+' | '-', ownOnly = false): string[] => {
    const statements =
      sign === '+'
        ? [
            upsert(`SELECT ${ANY_CATEGORY}, ${lang(row)}, 1 FROM (SELECT 1 AS one) one_row WHERE ${published(row)}`),
            upsert(`SELECT l.${n.linkCategory}, ${lang(row)}, COUNT(*) FROM ${linksOf(row)} AND ${published(row)} GROUP BY l.${n.linkCategory}`),
          ]
        : [
            `UPDATE ${counts} SET n = ${c}.n - 1 WHERE ${published(row)} AND ${c}.category_id = ${ANY_CATEGORY} AND ${c}.language = ${lang(row)}`,
            dialect === 'mysql'
              ? // InnoDB locks every row an UPDATE scans: join from the article's links so only their rows are read.
                `UPDATE ${n.counts} c JOIN (SELECT l.${n.linkCategory} AS category_id, COUNT(*) AS k FROM ${linksOf(row)} GROUP BY l.${n.linkCategory}) x` +
                ` ON c.category_id = x.category_id SET c.n = c.n - x.k WHERE ${published(row)} AND c.language = ${lang(row)}`
              : `UPDATE ${counts} SET n = ${c}.n - (SELECT COUNT(*) FROM ${linksOf(row)} AND l.${n.linkCategory} = ${c}.category_id)` +
                ` WHERE ${published(row)} AND ${c}.language = ${lang(row)} AND ${c}.category_id IN (SELECT l.${n.linkCategory} FROM ${linksOf(row)})`,
          ];
    return ownOnly ? statements.slice(0, 1) : statements;
  };

  /**
   * ±1 for (category of link `row`, language of its article) when that article row is published.
   * The (any category, language) row is locked first, as the article triggers do: every
   * writer takes the rows of a language in one order, so two transactions, one adding an
   * article and its links, one deleting links and then the article, cannot deadlock.
   */
  const link = (row: 'NEW' | 'OLD', sign: '+' | '-'): string[] => {
    const article = `FROM ${n.articles} a WHERE a.${n.articleId} = ${row}.${n.linkArticle} AND a.${n.publishedAt} IS NOT NULL`;
    const read = `(SELECT COALESCE(a.${n.language}, '') ${article})`;
    // On MySQL the language goes through a session variable: compared with a subquery, InnoDB
    // would scan (and lock) every row of the category instead of reading one by its key.
    const mysql = dialect === 'mysql';
    const language = mysql ? '@newsroom_cnt_language' : read;
    const setLanguage = mysql ? [`SET @newsroom_cnt_language = ${read}`] : [];
    const lockAny = `UPDATE ${counts} SET n = ${c}.n WHERE ${c}.category_id = ${ANY_CATEGORY} AND ${c}.language = ${language}`;
    return sign === '+'
      ? [...setLanguage, lockAny, upsert(`SELECT ${row}.${n.linkCategory}, COALESCE(a.${n.language}, ''), 1 ${article}`)]
      : [...setLanguage, lockAny, `UPDATE ${counts} SET n = ${c}.n - 1 WHERE ${c}.category_id = ${row}.${n.linkCategory} AND ${c}.language = ${language}`];
  };

  const articleChanged = `(${published('OLD')}) <> (${published('NEW')}) OR ${lang('OLD')} <> ${lang('NEW')}`;
  const linkChanged = `OLD.${n.linkArticle} <> NEW.${n.linkArticle} OR OLD.${n.linkCategory} <> NEW.${n.linkCategory}`;

  const bodies = {
    // A new article row has no links yet: they arrive through link_ins.
    article_ins: { table: n.articles, event: 'AFTER INSERT', condition: null, statements: contribution('NEW', '+', true) },
    article_upd: { table: n.articles, event: 'AFTER UPDATE', condition: articleChanged, statements: [...contribution('OLD', '-'), ...contribution('NEW', '+')] },
    article_del: { table: n.articles, event: 'BEFORE DELETE', condition: null, statements: contribution('OLD', '-') },
    link_ins: { table: n.links, event: 'AFTER INSERT', condition: null, statements: link('NEW', '+') },
    link_upd: { table: n.links, event: 'AFTER UPDATE', condition: linkChanged, statements: [...link('OLD', '-'), ...link('NEW', '+')] },
    link_del: { table: n.links, event: 'AFTER DELETE', condition: null, statements: link('OLD', '-') },
    category_del: { table: n.categories, event: 'BEFORE DELETE', condition: null, statements: [`DELETE FROM ${n.counts} WHERE category_id = OLD.${n.categoryId}`] },
  };
  return Object.fromEntries(Object.entries(bodies).map(([name, body]) => [`newsroom_cnt${VERSION}_${name}`, body]));
}

/** Statements that (re)create one trigger, and its function on PostgreSQL. */
function createTrigger(
  dialect: Dialect,
  name: string,
  trigger: { table: string; event: string; condition: string | null; statements: string[] },
  qualify: (name: string) => string
): string[] {
  const { table, event, condition } = trigger;
  const inner = trigger.statements.map((statement) => `${statement};`).join(' ');
  const guarded = condition === null ? inner : `IF ${condition} THEN ${inner} END IF;`;
  if (dialect === 'sqlite') {
    return [
      `DROP TRIGGER IF EXISTS ${name}`,
      `CREATE TRIGGER ${name} ${event} ON ${table} FOR EACH ROW${condition === null ? '' : ` WHEN ${condition}`} BEGIN ${inner} END`,
    ];
  }
  if (dialect === 'postgres') {
    const fn = qualify(name);
    return [
      `DROP TRIGGER IF EXISTS ${name} ON ${table}`,
      `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${guarded} RETURN ${event.startsWith('BEFORE') ? 'OLD' : 'NULL'}; END $$`,
      `CREATE TRIGGER ${name} ${event} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    ];
  }
  return [`DROP TRIGGER IF EXISTS ${qualify(name)}`, `CREATE TRIGGER ${qualify(name)} ${event} ON ${table} FOR EACH ROW BEGIN ${guarded} END`];
}

/** `language` is `code` or one of its regional variants (`en` → `en`, `en-gb`); `!` escapes LIKE wildcards in every dialect. */
function matchesCode(qb: Knex.QueryBuilder, code: string): Knex.QueryBuilder {
  const pattern = `${code.replace(/[!%_]/g, (char) => `!${char}`)}-%`;
  return qb.where('language', code).orWhereRaw(`language like ? escape '!'`, [pattern]);
}

export function createSnippetCountsRepository(strapi: Core.Strapi) {
  const dialect = dialectOf(strapi);
  let names: Names | null = null;
  const n = () => (names ??= namesOf(strapi, resolveSnippetTables(strapi), dialect));
  const knex = (): Knex => strapi.db.connection;
  const schema = () => strapi.db.getSchemaName() || undefined;
  const qualify = (name: string) => {
    const s = schema();
    return quoter(dialect)(s ? `${s}.${name}` : name);
  };
  /** False when the triggers could not be installed (a MySQL user without the TRIGGER privilege): totals are counted. */
  let usable = false;

  async function ensureTable(): Promise<boolean> {
    const builder = () => (schema() ? knex().schema.withSchema(schema() as string) : knex().schema);
    if (await builder().hasTable(SNIPPET_COUNTS_TABLE)) return false;
    try {
      await builder().createTable(SNIPPET_COUNTS_TABLE, (table) => {
        table.integer('category_id').notNullable();
        table.string('language', 35).notNullable();
        table.bigInteger('n').notNullable().defaultTo(0);
        table.primary(['category_id', 'language']);
      });
    } catch (error) {
      // Another process sharing the database may have created it first.
      if (!(await builder().hasTable(SNIPPET_COUNTS_TABLE))) throw error;
      return false;
    }
    return true;
  }

  /** The count triggers present, of this version or an earlier one, with their table on PostgreSQL. */
  async function installedTriggers(): Promise<Map<string, string>> {
    let rows: Array<{ name: string; tbl?: string }>;
    if (dialect === 'sqlite') {
      rows = await knex().raw(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'newsroom_cnt%'`);
    } else if (dialect === 'postgres') {
      const result = await knex().raw(`SELECT tgname AS name, tgrelid::regclass::text AS tbl FROM pg_trigger WHERE tgname LIKE 'newsroom_cnt%'`);
      rows = result.rows;
    } else {
      const [result] = await knex().raw(
        `SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME LIKE 'newsroom_cnt%'`
      );
      rows = result;
    }
    return new Map(rows.map((row) => [row.name, row.tbl ?? '']));
  }

  /** Every count from the rows: the same joins the snippet list filters with. */
  async function recompute(trx: Knex.Transaction | Knex): Promise<void> {
    const t = n();
    await trx.raw(`DELETE FROM ${t.counts}`);
    await trx.raw(
      `INSERT INTO ${t.counts} (category_id, language, n) SELECT ${ANY_CATEGORY}, COALESCE(a.${t.language}, ''), COUNT(*) FROM ${t.articles} a WHERE a.${t.publishedAt} IS NOT NULL GROUP BY COALESCE(a.${t.language}, '')`
    );
    await trx.raw(
      `INSERT INTO ${t.counts} (category_id, language, n) SELECT l.${t.linkCategory}, COALESCE(a.${t.language}, ''), COUNT(*) FROM ${t.links} l ` +
        `JOIN ${t.articles} a ON a.${t.articleId} = l.${t.linkArticle} WHERE a.${t.publishedAt} IS NOT NULL GROUP BY l.${t.linkCategory}, COALESCE(a.${t.language}, '')`
    );
  }

  async function installTriggers(present: Map<string, string>): Promise<void> {
    const t = n();
    const bodies = triggerBodies(t, dialect);
    // Triggers of an earlier version go first: two versions would count every change twice.
    const outdated = [...present].filter(([name]) => !TRIGGER_NAMES.includes(name));
    const statements = [
      ...outdated.flatMap(([name, table]) =>
        dialect === 'postgres'
          ? [`DROP TRIGGER IF EXISTS ${name} ON ${table}`, `DROP FUNCTION IF EXISTS ${qualify(name)}()`]
          : [`DROP TRIGGER IF EXISTS ${qualify(name)}`]
      ),
      ...Object.entries(bodies).flatMap(([name, trigger]) => createTrigger(dialect, name, trigger, qualify)),
    ];
    // One transaction where DDL is transactional (SQLite, PostgreSQL): the triggers and the
    // recomputed counts appear together. MySQL commits each CREATE TRIGGER on its own.
    await knex().transaction(async (trx) => {
      for (const statement of statements) await trx.raw(statement);
      await recompute(trx);
    });
  }

  return {
    /** At startup: the table, the triggers, and recomputed counts when anything was missing. */
    async prepare(): Promise<void> {
      const created = await ensureTable();
      const present = await installedTriggers();
      if (!created && present.size === TRIGGER_NAMES.length && TRIGGER_NAMES.every((name) => present.has(name))) {
        usable = true;
        return;
      }
      try {
        await installTriggers(present);
        usable = true;
        strapi.log.info('newsroom: installed the snippet count triggers and counted the published articles');
      } catch (error) {
        usable = false;
        strapi.log.warn(
          `newsroom: could not install the snippet count triggers (${(error as Error).message}); snippet totals are counted on each request instead`
        );
      }
    },

    /** Recounts every key from the rows (a repair; `prepare` does it when triggers were missing). */
    async recompute(): Promise<void> {
      await knex().transaction((trx) => recompute(trx));
    },

    /**
     * The language codes published articles hold that `code` matches (itself and its
     * regional variants), or null when the counts are not kept.
     */
    async languageCodes(code: string): Promise<string[] | null> {
      if (!usable) return null;
      return (await knex()
        .from(knex().raw(n().counts))
        .where('category_id', ANY_CATEGORY)
        .where('n', '>', 0)
        .where((sub) => matchesCode(sub, code))
        .pluck('language')) as string[];
    },

    /** The language codes of the published articles (`''`: none), or null when the counts are not kept. */
    async languages(): Promise<string[] | null> {
      if (!usable) return null;
      return (await knex().from(knex().raw(n().counts)).where('category_id', ANY_CATEGORY).where('n', '>', 0).pluck('language')) as string[];
    },

    /** The number of published articles matching the filter, or null when the counts are not kept. */
    async total(filter: SnippetCountKey): Promise<number | null> {
      if (!usable) return null;
      const t = n();
      const tables = resolveSnippetTables(strapi);
      const qb = knex().from(knex().raw(t.counts));
      if (filter.category === null) {
        qb.where('category_id', ANY_CATEGORY);
      } else {
        qb.whereIn('category_id', (ids) => {
          ids.select(tables.categoryColumns.id).from(tables.categories).where(tables.categoryColumns.slug, filter.category as string);
        });
      }
      if (filter.language !== null) {
        const code = filter.language;
        qb.where((sub) => matchesCode(sub, code));
      }
      const rows = (await qb.sum({ total: 'n' })) as Array<{ total: unknown }>;
      return Number(rows[0]?.total ?? 0);
    },
  };
}

export type SnippetCountsRepository = ReturnType<typeof createSnippetCountsRepository>;
