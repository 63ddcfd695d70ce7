#!/usr/bin/env node
/**
 * Import throughput (SPEC 9: at least 200 documents a second on SQLite), measured,
 * never asserted. Boots the playground with the installed plugin (run
 * `node scripts/install-plugin.js` first) on a fresh database and posts batches of
 * 500 new documents to POST /api/newsroom/import, then the same batch again (all
 * duplicates).
 *
 *   node bench/import.js                  # SQLite in a temporary directory
 *   DATABASE_CLIENT=postgres DATABASE_NAME=bench_import node bench/import.js
 *   DATABASE_CLIENT=mysql DATABASE_NAME=bench_import node bench/import.js
 *
 * For PostgreSQL and MySQL the database must exist and be empty. Options:
 * --batches=N (default 3), --size=N documents a batch (default 500), --publish,
 * --mode=bulk|documentService (the plugin's `importMode`; default auto, which is the
 * bulk path in the playground: nothing else listens to article creates there).
 * `--mode=documentService` measures what imports cost once another plugin's document
 * middleware or lifecycle subscriber listens to articles (SPEC 13).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const PLAYGROUND = path.resolve(__dirname, '../playground');
const option = (name, fallback) => {
  const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const BATCHES = option('batches', 3);
const SIZE = option('size', 500);
const PUBLISH = process.argv.includes('--publish');
const MODE = (process.argv.find((arg) => arg.startsWith('--mode=')) ?? '--mode=auto').split('=')[1];
if (!['auto', 'bulk', 'documentService'].includes(MODE)) throw new Error(`--mode must be auto, bulk or documentService (got ${MODE})`);

const CATEGORIES = ['International', 'Snippets', 'Economy', 'Politics', 'Science', 'Culture', 'Sport', 'Health'];

/** A realistic document: the seed's header layout, five paragraphs of body. */
function document(batch, i) {
  const categories = [CATEGORIES[i % CATEGORIES.length], CATEGORIES[(i * 3 + 1) % CATEGORIES.length]];
  const paragraph =
    'In a significant diplomatic development, officials signalled a shift in their stance towards negotiations. ' +
    'This move marks a potential breakthrough in a tense relationship, particularly regarding long-standing disputes.';
  return [
    `## Bench ${batch}-${i}: parliament debates the regional transport budget`,
    '',
    'Published on April 11, 2025',
    '',
    `Document Date: Mon, Apr 27 2026 0${(i % 9) + 1}:${String(i % 60).padStart(2, '0')}:39 pm`,
    '',
    `Category: ,English,${categories.join(' - ,')}`,
    '',
    'Show on website : [Click Here](#)',
    '',
    '---',
    '',
    'rki.news',
    '',
    Array.from({ length: 5 }, () => paragraph).join('\n\n'),
    '',
  ].join('\n');
}

async function main() {
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  let tmp = null;
  if (client === 'sqlite') {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'));
    process.env.DATABASE_FILENAME = path.join(tmp, 'data.db');
  }
  Object.assign(process.env, {
    APP_KEYS: 'benchKeyA,benchKeyB',
    API_TOKEN_SALT: 'bench-api-token-salt',
    ADMIN_JWT_SECRET: 'bench-admin-jwt-secret',
    JWT_SECRET: 'bench-jwt-secret',
    TRANSFER_TOKEN_SALT: 'bench-transfer-token-salt',
    ENCRYPTION_KEY: 'bench-encryption-key',
    NODE_ENV: 'production',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    STRAPI_STARTUP_LOG: 'false',
    NEWSROOM_IMPORT_MODE: MODE,
  });
  process.chdir(PLAYGROUND);
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: PLAYGROUND, distDir: PLAYGROUND }).load();
  strapi.log.level = 'error';
  await strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = strapi.server.httpServer.address();
  const { accessKey } = await strapi.service('admin::api-token').create({
    name: `bench-${Date.now()}`,
    type: 'full-access',
    lifespan: null,
  });

  const queries = new Map();
  if (process.argv.includes('--profile-queries')) {
    // Time spent per SQL shape (literals stripped), to see where an import goes.
    const started = new Map();
    const shape = (sql) => sql.replace(/\?(, \?)*/g, '?').replace(/'[^']*'/g, "'…'").slice(0, 160);
    strapi.db.connection.on('query', (q) => started.set(q.__knexQueryUid, process.hrtime.bigint()));
    strapi.db.connection.on('query-response', (_r, q) => {
      const t = started.get(q.__knexQueryUid);
      if (t === undefined) return;
      started.delete(q.__knexQueryUid);
      const entry = queries.get(shape(q.sql)) ?? { count: 0, ms: 0 };
      entry.count += 1;
      entry.ms += Number(process.hrtime.bigint() - t) / 1e6;
      queries.set(shape(q.sql), entry);
    });
  }

  const post = async (text) => {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const res = await fetch(`http://127.0.0.1:${port}/api/newsroom/import${PUBLISH ? '?publish=true' : ''}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${accessKey}` },
      body: text,
    });
    const body = await res.json();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    // CPU seconds of this process: on a busy machine, wall time says more about the neighbours.
    return { seconds, cpuSeconds: (used.user + used.system) / 1e6, meta: body.meta };
  };

  console.log(
    `database: ${client}; importMode: ${MODE}; ${BATCHES} batches of ${SIZE} new documents${PUBLISH ? ', published' : ', drafts'}`
  );
  const rates = [];
  for (let batch = 0; batch < BATCHES; batch += 1) {
    const text = Array.from({ length: SIZE }, (_, i) => document(batch, i)).join('\n');
    const fresh = await post(text);
    const again = await post(text);
    rates.push(SIZE / fresh.seconds);
    console.log(
      `batch ${batch + 1}: new ${fresh.seconds.toFixed(2)} s = ${(SIZE / fresh.seconds).toFixed(0)} docs/s ` +
        `[cpu ${fresh.cpuSeconds.toFixed(2)} s = ${(SIZE / fresh.cpuSeconds).toFixed(0)} docs per cpu-second] ` +
        `(${JSON.stringify(fresh.meta)}); re-import ${again.seconds.toFixed(2)} s = ${(SIZE / again.seconds).toFixed(0)} docs/s ` +
        `(${JSON.stringify(again.meta)})`
    );
  }
  const sorted = [...rates].sort((a, b) => a - b);
  console.log(`median of new batches: ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} docs/s`);

  if (queries.size > 0) {
    const top = [...queries.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25);
    for (const [sql, { count, ms }] of top) console.log(`${ms.toFixed(0).padStart(7)} ms ${String(count).padStart(6)}×  ${sql}`);
  }
  await strapi.destroy();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
