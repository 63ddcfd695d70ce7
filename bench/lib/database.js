/**
 * A fresh database for one benchmark run: a SQLite file in the run's directory, or a
 * PostgreSQL database created on 127.0.0.1:5432 (user postgres; DATABASE_HOST, _PORT,
 * _USERNAME, _PASSWORD override) and dropped afterwards. MySQL/MariaDB take the
 * DATABASE_* variables as they are (an empty database the caller provides).
 */
const path = require('node:path');
const { onInterrupt } = require('./cleanup');
const { cpuSecondsOf } = require('./strapi');

const PG = () => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 5432),
  user: process.env.DATABASE_USERNAME ?? 'postgres',
  password: process.env.DATABASE_PASSWORD ?? '',
});

/** Runs `sql` on PostgreSQL's maintenance database. */
async function onPostgres(sql) {
  const { Client } = require('pg');
  const client = new Client({ ...PG(), database: 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * `cpuSeconds()` is the CPU the database's server processes have used so far for this
 * database (PostgreSQL backends on this machine, from /proc; 0 for SQLite, which runs inside
 * Strapi), so CPU a request counts the queries too.
 * @returns {Promise<{ client: string, env: Record<string,string>, filename?: string, pg?: object,
 *   cpuSeconds: () => Promise<number | null>, close: () => Promise<void>, drop: () => Promise<void> }>}
 */
async function freshDatabase(client, dir, name) {
  if (client === 'sqlite') {
    const filename = path.join(dir, `${name}.db`);
    return { client, filename, env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename }, cpuSeconds: async () => 0, close: async () => {}, drop: async () => {} };
  }
  if (client === 'postgres') {
    const database = `newsroom_bench_${name.replace(/\W/g, '_')}_${process.pid}`;
    const drop = () => onPostgres(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await drop();
    await onPostgres(`CREATE DATABASE ${database}`);
    const forget = onInterrupt(drop);
    const pg = { ...PG(), database };
    let monitor = null;
    const cpuSeconds = async () => {
      if (!['127.0.0.1', 'localhost'].includes(pg.host)) return null;
      if (!monitor) {
        const { Client } = require('pg');
        monitor = new Client(pg);
        await monitor.connect();
      }
      const { rows } = await monitor.query('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
      let total = 0;
      for (const { pid } of rows) total += cpuSecondsOf(pid) ?? 0;
      return total;
    };
    return {
      client,
      pg,
      env: {
        DATABASE_CLIENT: 'postgres',
        DATABASE_HOST: pg.host,
        DATABASE_PORT: String(pg.port),
        DATABASE_USERNAME: pg.user,
        DATABASE_PASSWORD: pg.password,
        DATABASE_NAME: database,
      },
      cpuSeconds,
      /** Ends this run's own connection and keeps the database (`--keep-db`). */
      close: async () => {
        forget();
        await monitor?.end();
      },
      drop: async () => {
        forget();
        await monitor?.end();
        await drop();
      },
    };
  }
  return { client, env: { DATABASE_CLIENT: client }, cpuSeconds: async () => null, close: async () => {}, drop: async () => {} };
}

module.exports = { freshDatabase };
