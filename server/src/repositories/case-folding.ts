/**
 * The SQL function that lower-cases text for the snippet search (`q`).
 *
 * PostgreSQL's and MySQL's `lower()` know Unicode. SQLite's `lower()` (and its
 * `LIKE`) folds ASCII only, so `q=über` would miss `Über`. On SQLite we add a
 * function of our own to each better-sqlite3 connection as the pool hands it
 * out, and fall back to `lower()` where that is not possible (another driver).
 */
import type { Core } from '@strapi/strapi';

export interface CaseFolding {
  /** The SQL function to apply to the column and to `pattern` alike. */
  fnFor(pattern: string): string;
}

const LOWER: CaseFolding = { fnFor: () => 'lower' };
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

const SQLITE_FUNCTION = 'newsroom_casefold';

interface SqliteConnection {
  function(name: string, options: { deterministic: boolean }, fn: (value: unknown) => unknown): unknown;
}

interface KnexClient {
  pool?: { on?(event: 'acquireSuccess', listener: (eventId: number, resource: unknown) => void): unknown };
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

const isSqliteConnection = (value: unknown): value is SqliteConnection =>
  typeof value === 'object' && value !== null && typeof (value as { function?: unknown }).function === 'function';

const casefold = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value);

/** True when every connection the pool hands out from now on has the function. */
async function registerOnSqlitePool(strapi: Core.Strapi): Promise<boolean> {
  // knex keeps its tarn pool on the client; neither is typed for this use.
  const client = (strapi.db.connection as unknown as { client: KnexClient }).client;
  const pool = client.pool;
  if (!pool || typeof pool.on !== 'function') return false;
  const probe = await client.acquireConnection();
  try {
    if (!isSqliteConnection(probe)) return false;
    const done = new WeakSet<object>();
    const register = (connection: SqliteConnection) => {
      if (done.has(connection)) return;
      connection.function(SQLITE_FUNCTION, { deterministic: true }, casefold);
      done.add(connection);
    };
    register(probe);
    // Runs before knex receives the connection, also for connections the pool creates later.
    pool.on('acquireSuccess', (_eventId, resource) => {
      if (isSqliteConnection(resource)) register(resource);
    });
    return true;
  } finally {
    await client.releaseConnection(probe);
  }
}

export async function caseFolding(strapi: Core.Strapi): Promise<CaseFolding> {
  if (strapi.db.dialect.client !== 'sqlite') return LOWER;
  try {
    if (!(await registerOnSqlitePool(strapi))) return LOWER;
  } catch {
    return LOWER; // ASCII-only folding still answers; never fail a search over this.
  }
  // An ASCII pattern matches the same rows either way, and the built-in is several times faster.
  return { fnFor: (pattern) => (ASCII.test(pattern) ? 'lower' : SQLITE_FUNCTION) };
}
