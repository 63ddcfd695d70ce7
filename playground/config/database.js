const path = require('path');

/**
 * Strapi's internal migration 5.0.0-01 (convert identifiers longer than the maximum length)
 * renames some 37 indexes inside a transaction at every boot on a fresh MySQL/MariaDB
 * database. Each RENAME INDEX is DDL, which commits the transaction implicitly, and knex
 * then warns for the savepoint that went with it. That is Strapi's migration, not this
 * plugin: only this message, only while Strapi is loading, is dropped. Every other knex
 * warning, and this one once Strapi is up (where it would point at our own queries),
 * prints as knex prints it.
 */
const STRAPI_MIGRATION_DDL_WARNING = /^Transaction was implicitly committed, do not mix transactions and DDL with MySQL \(#805\)$/;

function knexWarning(message) {
  const loading = !(globalThis.strapi && globalThis.strapi.isLoaded);
  if (loading && typeof message === 'string' && STRAPI_MIGRATION_DDL_WARNING.test(message)) return;
  console.log(message);
}

// DATABASE_CLIENT selects sqlite (default), postgres or mysql (MariaDB too).
module.exports = ({ env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  const connections = {
    sqlite: {
      connection: { filename: path.resolve(__dirname, '..', env('DATABASE_FILENAME', '.tmp/data.db')) },
      useNullAsDefault: true,
    },
    postgres: {
      connection: {
        host: env('DATABASE_HOST', '127.0.0.1'),
        port: env.int('DATABASE_PORT', 5432),
        database: env('DATABASE_NAME', 'newsroom'),
        user: env('DATABASE_USERNAME', 'postgres'),
        password: env('DATABASE_PASSWORD', ''),
        schema: env('DATABASE_SCHEMA', 'public'),
      },
      pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
    },
    mysql: {
      connection: {
        host: env('DATABASE_HOST', '127.0.0.1'),
        port: env.int('DATABASE_PORT', 3306),
        database: env('DATABASE_NAME', 'newsroom'),
        user: env('DATABASE_USERNAME', 'root'),
        password: env('DATABASE_PASSWORD', ''),
      },
      pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
    },
  };
  return {
    connection: {
      client,
      ...connections[client],
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      log: { warn: knexWarning },
    },
  };
};
