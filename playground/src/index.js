const fs = require('fs');

/**
 * For `node bench/run.js --explain`: with NEWSROOM_BENCH_SQL_LOG set, SIGUSR2 turns on
 * (and off again) writing every SQL statement knex sends, with its bindings, as JSON lines
 * to that file; `<file>.state` says which. Off, it costs one boolean test a query.
 */
function benchSqlLog(strapi) {
  const file = process.env.NEWSROOM_BENCH_SQL_LOG;
  if (!file) return;
  let on = false;
  process.on('SIGUSR2', () => {
    on = !on;
    fs.writeFileSync(`${file}.state`, on ? 'on' : 'off');
  });
  strapi.db.connection.on('query', (query) => {
    if (!on) return;
    const bindings = (query.bindings ?? []).map((value) => (value instanceof Date ? { $date: value.toISOString() } : value));
    fs.appendFileSync(file, `${JSON.stringify({ sql: query.sql, bindings })}\n`);
  });
}

module.exports = {
  register() {},

  /**
   * In production the documentation plugin only reads its OpenAPI document, written at
   * the last boot outside production. The demo runs a fresh copy in production: with
   * NEWSROOM_WRITE_DOCUMENTATION=true the playground writes the document at startup, so
   * /documentation and the admin's Documentation page work there.
   */
  async bootstrap({ strapi }) {
    benchSqlLog(strapi);
    const documentation = strapi.plugin('documentation');
    if (!documentation || strapi.config.environment !== 'production') return;
    if (process.env.NEWSROOM_WRITE_DOCUMENTATION !== 'true') return;
    await documentation.service('documentation').generateFullDoc();
  },
};
