/**
 * The databases the integration suite runs on. NEWSROOM_TEST_DB picks one for a run
 * (sqlite, postgres or mysql); each test file gets a fresh database, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type DatabaseClient = 'sqlite' | 'postgres' | 'mysql';

export interface TestDatabase {
  client: DatabaseClient;
  env: Record<string, string>;
  drop(): Promise<void>;
}

export const selectedClient = (): DatabaseClient => {
  const value = process.env.NEWSROOM_TEST_DB ?? 'sqlite';
  if (value === 'sqlite' || value === 'postgres' || value === 'mysql') return value;
  throw new Error(`NEWSROOM_TEST_DB must be sqlite, postgres or mysql (got "${value}")`);
};

const uniqueName = () => `newsroom_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

const pgConfig = () => ({
  host: process.env.NEWSROOM_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.NEWSROOM_PG_PORT ?? 5432),
  user: process.env.NEWSROOM_PG_USER ?? 'postgres',
  password: process.env.NEWSROOM_PG_PASSWORD ?? '',
});

const mysqlConfig = () => ({
  host: process.env.NEWSROOM_MYSQL_HOST ?? '127.0.0.1',
  port: Number(process.env.NEWSROOM_MYSQL_PORT ?? 3306),
  user: process.env.NEWSROOM_MYSQL_USER ?? 'root',
  password: process.env.NEWSROOM_MYSQL_PASSWORD ?? '',
});

async function withPg<T>(work: (client: import('pg').Client) => Promise<T>): Promise<T> {
  const { Client } = await import('pg');
  const client = new Client({ ...pgConfig(), database: 'postgres' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function withMysql<T>(work: (connection: import('mysql2/promise').Connection) => Promise<T>): Promise<T> {
  const mysql = await import('mysql2/promise');
  const connection = await mysql.createConnection(mysqlConfig());
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

/**
 * The playground resolves DATABASE_FILENAME, so an absolute path stays as it is; an app made
 * by create-strapi-app joins it to the app's root (`path.join`), so it gets a path relative
 * to that root (NEWSROOM_APP_DIR, scripts/compat/run.js).
 */
const sqliteFilename = (file: string): string =>
  process.env.NEWSROOM_APP_DIR ? path.relative(path.resolve(process.env.NEWSROOM_APP_DIR), file) : file;

export async function createTestDatabase(client: DatabaseClient = selectedClient()): Promise<TestDatabase> {
  const name = uniqueName();
  if (client === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-'));
    return {
      client,
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: sqliteFilename(path.join(dir, 'data.db')) },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (client === 'postgres') {
    const config = pgConfig();
    await withPg((pg) => pg.query(`CREATE DATABASE ${name}`));
    return {
      client,
      env: {
        DATABASE_CLIENT: 'postgres',
        DATABASE_HOST: config.host,
        DATABASE_PORT: String(config.port),
        DATABASE_USERNAME: config.user,
        DATABASE_PASSWORD: config.password,
        DATABASE_NAME: name,
      },
      drop: () => withPg((pg) => pg.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    };
  }
  const config = mysqlConfig();
  await withMysql((db) => db.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
  return {
    client,
    env: {
      DATABASE_CLIENT: 'mysql',
      DATABASE_HOST: config.host,
      DATABASE_PORT: String(config.port),
      DATABASE_USERNAME: config.user,
      DATABASE_PASSWORD: config.password,
      DATABASE_NAME: name,
    },
    drop: () => withMysql((db) => db.query(`DROP DATABASE IF EXISTS ${name}`)).then(() => undefined),
  };
}
