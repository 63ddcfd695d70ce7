/**
 * PostgreSQL's planner statistics of the article and link tables, kept fresh after
 * the importer's bulk writes.
 *
 * The snippet queries' plans depend on them: how common a language, a category or a
 * search word is (repositories/search.ts reads the search column's lexemes to choose
 * between the date index and the GIN index). PostgreSQL refreshes them by autovacuum,
 * which a server may run late or not at all (`autovacuum = off`); a table that grew
 * from 1,000 to 100,000 articles in one import session is then planned as the small
 * table it was, and its new pages, never vacuumed, make every index-only count visit
 * the table. So, like autovacuum's own rule, once the rows written since the last
 * `ANALYZE` reach a tenth of the table (at least ANALYZE_MIN_ROWS), the plugin runs
 * `VACUUM (ANALYZE)` of both tables (and of the filter rows, which grow with them) itself: in the background, never in a request, at
 * most once every ANALYZE_INTERVAL_MS, and once more after a burst that ended inside
 * it. VACUUM takes no lock that reads or writes wait for. At startup a table that was
 * never analyzed and has rows is analyzed once.
 *
 * SQLite plans without statistics (the plugin's indexes fit its queries) and
 * InnoDB recalculates its own after a tenth of a table changes: nothing to do there.
 * `ANALYZE` needs the table's owner, which Strapi's database user is; a refusal is logged
 * once and the keeper stops trying.
 */
import type { Core } from '@strapi/strapi';
import { filterRowsTable } from './filter-rows';
import { resolveSnippetTables } from './snippet-tables';

/** Fewer new rows than this never call for statistics. */
const ANALYZE_MIN_ROWS = 500;
/** The share of the table's rows written since the last ANALYZE that calls for the next. */
const ANALYZE_SHARE = 0.1;
/** At most one ANALYZE this often. */
const ANALYZE_INTERVAL_MS = 15_000;

export interface TableStatistics {
  /** `rows` article rows were written around the Document Service (the importer's bulk path). */
  noteRows(rows: number): void;
  /** At startup: analyzes tables that have rows and were never analyzed. */
  prepare(): Promise<void>;
}

const keepers = new WeakMap<Core.Strapi, TableStatistics>();

const NOTHING_TO_KEEP: TableStatistics = { noteRows: () => undefined, prepare: async () => undefined };

/** The one keeper of this Strapi instance. */
export function tableStatistics(strapi: Core.Strapi): TableStatistics {
  let keeper = keepers.get(strapi);
  if (!keeper) {
    keeper = strapi.db.dialect.client === 'postgres' ? createPostgresKeeper(strapi) : NOTHING_TO_KEEP;
    keepers.set(strapi, keeper);
  }
  return keeper;
}

function createPostgresKeeper(strapi: Core.Strapi): TableStatistics {
  let pending = 0;
  let tableRows = 0;
  let lastAt = 0;
  let running = false;
  let refused = false;
  let timer: NodeJS.Timeout | null = null;

  // The article table first (its row count is read); the filter rows grow with it (repositories/filter-rows.ts).
  const tables = () => {
    const { articles, links } = resolveSnippetTables(strapi);
    return [articles, links.table, filterRowsTable(strapi)];
  };

  async function analyze(): Promise<void> {
    running = true;
    pending = 0;
    lastAt = Date.now();
    try {
      const names = tables();
      // VACUUM too: it marks the new pages all-visible, so counts read the indexes alone.
      await strapi.db.connection.raw(`vacuum (analyze) ${names.map(() => '??').join(', ')}`, names);
      const rows = (await strapi.db.connection.raw('select reltuples from pg_catalog.pg_class where oid = ?::regclass', [names[0]])) as {
        rows: Array<{ reltuples: number | string }>;
      };
      tableRows = Math.max(0, Number(rows.rows[0]?.reltuples ?? 0));
    } catch (error) {
      refused = true;
      strapi.log.warn(`newsroom: VACUUM (ANALYZE) of the article tables failed; it is left to autovacuum (${(error as Error).message})`);
    } finally {
      running = false;
    }
    consider();
  }

  /** Analyzes when enough rows were written and the interval allows; else looks again when it will. */
  function consider(): void {
    if (refused || running || timer !== null) return;
    if (pending < Math.max(ANALYZE_MIN_ROWS, tableRows * ANALYZE_SHARE)) return;
    const wait = lastAt + ANALYZE_INTERVAL_MS - Date.now();
    if (wait > 0) {
      timer = setTimeout(() => {
        timer = null;
        consider();
      }, wait);
      timer.unref();
      return;
    }
    void analyze();
  }

  return {
    noteRows(rows) {
      pending += rows;
      consider();
    },

    async prepare() {
      const names = tables();
      const found = (await strapi.db.connection.raw(
        `select c.reltuples, coalesce(s.last_analyze, s.last_autoanalyze) as analyzed, s.n_live_tup
         from pg_catalog.pg_class c left join pg_catalog.pg_stat_user_tables s on s.relid = c.oid where c.oid = ?::regclass`,
        [names[0]]
      )) as { rows: Array<{ reltuples: number | string; analyzed: unknown; n_live_tup: number | string | null }> };
      const row = found.rows[0];
      tableRows = Math.max(0, Number(row?.reltuples ?? 0));
      if (row && row.analyzed === null && Number(row.n_live_tup ?? 0) > 0) void analyze();
    },
  };
}
