/**
 * A fresh database for one benchmark run: a SQLite file in the run's directory, or a
 * PostgreSQL database created on 127.0.0.1:5432 (user postgres; DATABASE_HOST, _PORT,
 * _USERNAME, _PASSWORD override) and dropped afterwards. MySQL/MariaDB take the
 * DATABASE_* variables as they are (an empty database the caller provides).
 */
const path = require('node:path');
const { onInterrupt } = require('./cleanup');

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
 * @returns {Promise<{ client: string, env: Record<string,string>, filename?: string, pg?: object, drop: () => Promise<void> }>}
 */
async function freshDatabase(client, dir, name) {
  if (client === 'sqlite') {
    const filename = path.join(dir, `${name}.db`);
    return { client, filename, env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename }, drop: async () => {} };
  }
  if (client === 'postgres') {
    const database = `newsroom_bench_${name.replace(/\W/g, '_')}_${process.pid}`;
    const drop = () => onPostgres(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await drop();
    await onPostgres(`CREATE DATABASE ${database}`);
    const forget = onInterrupt(drop);
    const pg = { ...PG(), database };
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
      drop: async () => {
        forget();
        await drop();
      },
    };
  }
  return { client, env: { DATABASE_CLIENT: client }, drop: async () => {} };
}

module.exports = { freshDatabase };
