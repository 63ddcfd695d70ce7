#!/usr/bin/env node
/**
 * `npm run bench`: the snippet endpoint at scale and side by side with Strapi's own
 * floor and the core REST equivalent (SPEC 9, issues 7 and 15). Measured, never asserted.
 *
 * 1. builds the plugin and installs it from its npm tarball (scripts/install-plugin.js);
 * 2. boots the playground twice on empty SQLite databases, with and without the plugin
 *    (NEWSROOM_ENABLED), for Strapi's memory;
 * 3. for each database of --db, boots it in production mode on a fresh database (a SQLite
 *    file; a PostgreSQL database created on 127.0.0.1:5432 and dropped at the end), grants
 *    the Public role the read actions, makes a full-access token (for the importer) and a
 *    read-only token, and for each article count in turn:
 *    - seeds published articles through the importer (POST /api/newsroom/import, 500 a
 *      request, the bulk path: that is the import measurement; no direct inserts, so
 *      whatever the plugin keeps beside the articles is kept as in production);
 *    - measures every query shape of lib/shapes.js (random values on every request) with
 *      and without the response cache, with the Public role and with the read-only
 *      token, 8 connections, plus `/_health` for the CPU a request beyond Strapi's own;
 *    - at the --side-by-side counts, measures the endpoints of lib/endpoints.js with
 *      autocannon, interleaved over rounds, plus 500-draft import batches (SPEC 9 ratios);
 *    - with --explain, at the largest count, prints the query plans of each shape's SQL;
 * 4. prints markdown tables and writes them into docs/BENCHMARKS.md (between the
 *    `bench:start`/`bench:end` markers; the analysis around them is kept).
 *
 * A run that gets answers other than 200, errors, or no answer within its window is a
 * failure in the table, with its reason; the bench goes on.
 *
 * Options (defaults in brackets):
 *   --articles=1000,10000,100000  article counts, ascending; the database grows from one to the next
 *   --db=sqlite                   comma list of sqlite, postgres, mysql (mysql from DATABASE_* variables, empty)
 *   --shape-seconds=2             seconds a query-shape run; --shape-connections=8
 *   --shapes=list,q-common,…      only these shapes (ids in lib/shapes.js)
 *   --side-by-side=10000          counts at which the side-by-side endpoints run ('none': never)
 *   --rounds=2 --seconds=3        side-by-side rounds and seconds per endpoint and round
 *   --connections=10              side-by-side autocannon connections
 *   --warmup=1                    side-by-side seconds per endpoint before the first round
 *   --auth=public|token           side-by-side: Public role (no header) or a full-access API token
 *   --explain                     print EXPLAIN of each shape's SQL at the largest count
 *   --memory-boots=2              boots with and without the plugin for the memory figures
 *   --no-build                    use the installed plugin as it is
 *   --keep-db                     keep the seeded database (PostgreSQL: not dropped; SQLite: the file is
 *                                 copied to .tmp/bench-<db>.db) and print where, for EXPLAIN by hand
 *   --out=docs/BENCHMARKS.md  --no-write
 *   --smoke                       1,000 articles, 1 s a run, one round, one memory boot; prints, writes nothing
 *   --hostile                     instead: the hostile-input section (bench/hostile.js, which takes the
 *                                 options --sizes, --targets, --fills, --no-build, --out, --no-write)
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startCeiling } = require('./lib/ceiling');
const { onInterrupt } = require('./lib/cleanup');
const { freshDatabase } = require('./lib/database');
const { ENDPOINTS, PUBLIC_ACTIONS, DISTRIBUTION_SETTINGS } = require('./lib/endpoints');
const { explainShapes } = require('./lib/explain');
const { measure } = require('./lib/load');
const { machine, table, integer, shapesTable, shapeTargets, median } = require('./lib/report');
const { seed } = require('./lib/seed');
const { shapes } = require('./lib/shapes');
const { ROOT, startStrapi, request, adminCredentials, adminLogin, grantPublic, putSettings, cpuSecondsOf, sleep } = require('./lib/strapi');

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const found = args.find((arg) => arg.startsWith(`--${name}=`) || arg === `--${name}`);
  if (found === `--${name}`) {
    // `--db sqlite,postgres` as well as `--db=sqlite,postgres`
    const next = args[args.indexOf(found) + 1];
    return next && !next.startsWith('--') ? next : fallback;
  }
  return found ? found.slice(name.length + 3) : fallback;
};
const numbers = (text) =>
  text === 'none'
    ? []
    : text
        .split(',')
        .map(Number)
        .sort((a, b) => a - b);

const SMOKE = flag('smoke');
const settings = {
  articles: numbers(option('articles', SMOKE ? '1000' : '1000,10000,100000')),
  dbs: option('db', 'sqlite').split(','),
  shapeSeconds: Number(option('shape-seconds', SMOKE ? 1 : 2)),
  shapeConnections: Number(option('shape-connections', 8)),
  shapeIds: option('shapes', null)?.split(',') ?? null,
  sideBySide: numbers(option('side-by-side', SMOKE ? '1000' : '10000')),
  rounds: Number(option('rounds', SMOKE ? 1 : 2)),
  seconds: Number(option('seconds', SMOKE ? 1 : 3)),
  warmup: Number(option('warmup', SMOKE ? 0.5 : 1)),
  connections: Number(option('connections', 10)),
  auth: option('auth', 'public'),
  explain: flag('explain'),
  memoryBoots: Number(option('memory-boots', SMOKE ? 1 : 2)),
  build: !flag('no-build'),
  out: flag('no-write') || (SMOKE && !option('out')) ? null : path.resolve(ROOT, option('out', 'docs/BENCHMARKS.md')),
};
if (settings.articles.length === 0 || settings.articles.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--articles takes positive integers');
if (!['public', 'token'].includes(settings.auth)) throw new Error('--auth is public or token');
if (settings.dbs.some((db) => !['sqlite', 'postgres', 'mysql'].includes(db))) throw new Error('--db takes sqlite, postgres, mysql');
if (settings.shapeIds) {
  const known = shapes(1000).map((shape) => shape.id);
  const unknown = settings.shapeIds.filter((id) => !known.includes(id));
  if (unknown.length) throw new Error(`--shapes: unknown ${unknown.join(', ')} (known: ${known.join(', ')})`);
}

const CACHE_MAX_AGE = 60;
const VARIANTS = [
  { cache: false, auth: 'public' },
  { cache: true, auth: 'public' },
  { cache: false, auth: 'token' },
  { cache: true, auth: 'token' },
];
const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const DB_NAMES = { sqlite: 'SQLite (better-sqlite3), file on local disk', postgres: 'PostgreSQL, 127.0.0.1', mysql: 'MySQL/MariaDB' };

const shapesAt = (articles) => shapes(articles).filter((shape) => !settings.shapeIds || settings.shapeIds.includes(shape.id));

/** Optional integrations off: the plugin as in a fresh Strapi project. */
const BASE_ENV = { NEWSROOM_GRAPHQL: 'false', NEWSROOM_DOCUMENTATION: 'false', NEWSROOM_CACHE_MAX_AGE: String(CACHE_MAX_AGE) };

/** RSS of an idle instance on an empty database after some requests, with or without the plugin. */
async function bootMemory(dir, { plugin }, index) {
  const database = await freshDatabase('sqlite', dir, `memory-${plugin ? 'with' : 'without'}-${index}`);
  const strapi = await startStrapi({ env: { ...BASE_ENV, ...database.env, NEWSROOM_ENABLED: String(plugin) } });
  try {
    for (let i = 0; i < 200; i += 1) await fetch(`${strapi.url}/_health`);
    await sleep(1000);
    return strapi.memory().rss;
  } finally {
    await strapi.stop();
  }
}

/** Waits until the server answers `/_health` promptly again (work left over from a slow run). */
async function settle(url) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const started = Date.now();
    try {
      await (await fetch(`${url}/_health`)).arrayBuffer();
    } catch {
      // answering nothing yet
    }
    if (Date.now() - started < 50) return;
    await sleep(100);
  }
}

/** `--keep-db`: the seeded database stays (a SQLite file is copied out of the run's directory), and where is printed. */
async function keepDatabase(db, database) {
  await database.close();
  if (!database.filename) {
    log(`kept the database: ${JSON.stringify(database.env)}`);
    return;
  }
  const kept = path.join(ROOT, '.tmp', `bench-${db}.db`);
  fs.mkdirSync(path.dirname(kept), { recursive: true });
  fs.copyFileSync(database.filename, kept);
  log(`kept the SQLite database: ${kept}`);
}

/** One database: boot, then per article count seed, shapes, side by side, plans. */
async function benchDatabase(db, dir, memory) {
  const database = await freshDatabase(db, dir, 'bench');
  const sqlLog = path.join(dir, `sql-${db}.jsonl`);
  log(`booting Strapi (production, ${db})`);
  const strapi = await startStrapi({
    env: { ...BASE_ENV, ...database.env, NEWSROOM_ENABLED: 'true', ...(settings.explain && { NEWSROOM_BENCH_SQL_LOG: sqlLog }) },
  });
  let ceiling = null;
  const sideResults = [];
  const shapeResults = [];
  const plans = [];
  try {
    log(`Strapi healthy after ${strapi.bootSeconds.toFixed(1)} s, pid ${strapi.pid}`);
    const { jwt, apiToken, readOnlyToken } = await adminCredentials(strapi.url);
    // Strapi's process and, on PostgreSQL, the database backends serving it: the server's CPU.
    const serverCpuSeconds = async () => {
      const own = strapi.cpuSeconds();
      const db = await database.cpuSeconds();
      return own === null ? null : own + (db ?? 0);
    };
    await grantPublic(strapi.url, jwt, PUBLIC_ACTIONS);
    await putSettings(strapi.url, jwt, { cacheMaxAge: CACHE_MAX_AGE, ...DISTRIBUTION_SETTINGS });
    const authHeaders = settings.auth === 'token' ? { Authorization: `Bearer ${apiToken}` } : {};
    let cacheMaxAge = CACHE_MAX_AGE;
    // The admin session of the first login expires during a long run: log in again every 10 minutes.
    let adminJwt = jwt;
    let loggedInAt = Date.now();
    const useCache = async (on) => {
      const wanted = on ? CACHE_MAX_AGE : 0;
      if (cacheMaxAge === wanted) return;
      if (Date.now() - loggedInAt > 10 * 60_000) {
        adminJwt = await adminLogin(strapi.url);
        loggedInAt = Date.now();
      }
      await putSettings(strapi.url, adminJwt, { cacheMaxAge: wanted });
      cacheMaxAge = wanted;
    };

    let seeded = 0;
    let drafts = 0;
    for (const articles of settings.articles) {
      log(`${db}: seeding ${integer(articles - seeded)} published articles through the importer (${integer(seeded)} → ${integer(articles)})`);
      let lastReport = Date.now();
      const seeding = await seed(strapi.url, apiToken, {
        from: seeded,
        to: articles,
        cpuSeconds: strapi.cpuSeconds,
        onBatch: ({ done, of, rate }) => {
          if (Date.now() - lastReport > 15_000 || done === of) {
            log(`  ${integer(done)}/${integer(of)} (last batch ${rate.toFixed(0)} docs/s)`);
            lastReport = Date.now();
          }
        },
      });
      seeded = articles;

      // Query shapes (issue 15): random values on every request, 8 connections.
      const list = shapesAt(articles);
      const shapeRun = (shape, variant) =>
        measure({
          url: strapi.url,
          path: shape.path,
          connections: settings.shapeConnections,
          seconds: settings.shapeSeconds,
          headers: variant.auth === 'token' ? { Authorization: `Bearer ${readOnlyToken}` } : {},
          cpuSeconds: serverCpuSeconds,
        });
      const healthRun = () =>
        measure({ url: `${strapi.url}/_health`, connections: settings.shapeConnections, seconds: settings.shapeSeconds, expectStatus: 204, cpuSeconds: serverCpuSeconds });
      // A few requests of each shape first, so the first run does not pay for warming up.
      for (const shape of list) for (let i = 0; i < 3; i += 1) await (await fetch(`${strapi.url}${shape.path()}`)).arrayBuffer();
      const healthRuns = [await healthRun()];
      const runs = new Map();
      // Cache off, then on; within each, the Public and token runs of a shape follow each other, so their ratio
      // compares runs seconds apart.
      for (const cache of [false, true]) {
        await useCache(cache);
        for (const shape of list) {
          for (const variant of VARIANTS.filter((candidate) => candidate.cache === cache)) {
            const run = await shapeRun(shape, variant);
            runs.set(`${shape.id}|${variant.cache}|${variant.auth}`, run);
            log(
              `  ${db} ${integer(articles)} ${shape.id.padEnd(16)} cache ${variant.cache ? 'on ' : 'off'} ${variant.auth.padEnd(6)} ` +
                (run.requests ? `${integer(run.rps).padStart(5)} rps p95 ${run.p95.toFixed(1)} ms` : '') +
                (run.cpuMicros === null ? '' : `, ${integer(run.cpuMicros)} µs CPU a request`) +
                (run.failure ? `  FAILED: ${run.failure}` : '')
            );
            await settle(strapi.url);
          }
        }
      }
      healthRuns.push(await healthRun());
      const healthMicros = healthRuns.every((run) => run.cpuMicros !== null) ? median(healthRuns.map((run) => run.cpuMicros)) : null;
      shapeResults.push({ articles, runs, healthMicros, health: healthRuns[0], seeding });

      if (settings.explain && articles === settings.articles.at(-1)) {
        log(`${db}: query plans at ${integer(articles)} articles`);
        await useCache(false);
        plans.push(await explainShapes({ url: strapi.url, pid: strapi.pid, file: sqlLog, database, shapes: list, articles }));
        process.stdout.write(`\n${plans.at(-1)}\n`);
      }

      if (!settings.sideBySide.includes(articles)) continue;

      // Side by side (SPEC 9): the slug endpoint asks for the newest article; the ceiling serves the default page's bytes.
      const page = await request(strapi.url, 'GET', '/api/newsroom/snippets', { token: settings.auth === 'token' ? apiToken : undefined });
      const endpoints = ENDPOINTS.map((endpoint) => (endpoint.id === 'slug' ? { ...endpoint, path: `/api/newsroom/snippets/${page.data[0].slug}` } : endpoint));
      const body = await (await fetch(`${strapi.url}/api/newsroom/snippets`, { headers: authHeaders })).text();
      if (ceiling) await ceiling.stop();
      ceiling = await startCeiling(body);

      // A warm-up run is short even for the endpoints measured longer (minSeconds).
      const run = async (endpoint, seconds, { warmup = false } = {}) => {
        const target = endpoint.target === 'ceiling' ? ceiling.url : strapi.url;
        if (endpoint.target !== 'ceiling') await useCache(endpoint.cache !== false);
        return measure({
          url: `${target}${endpoint.path}`,
          connections: endpoint.connections ?? settings.connections,
          seconds: warmup ? seconds : Math.max(seconds, endpoint.minSeconds ?? 0),
          headers:
            endpoint.auth === false || endpoint.target === 'ceiling'
              ? {}
              : endpoint.auth === 'token'
                ? { Authorization: `Bearer ${apiToken}` }
                : authHeaders,
          expectStatus: endpoint.status ?? 200,
          cpuSeconds: endpoint.target === 'ceiling' ? () => cpuSecondsOf(ceiling.pid) : serverCpuSeconds,
        });
      };

      log(`warming up (${settings.warmup} s an endpoint)`);
      for (const endpoint of endpoints) await run(endpoint, settings.warmup, { warmup: true });
      const loads = Object.fromEntries(endpoints.map((endpoint) => [endpoint.id, []]));
      for (let round = 0; round < settings.rounds; round += 1) {
        // Each round starts one endpoint later, so none always runs first or last.
        const order = endpoints.map((_, i) => endpoints[(i + round) % endpoints.length]);
        for (const endpoint of order) {
          const result = await run(endpoint, settings.seconds);
          loads[endpoint.id].push(result);
          log(
            `  ${db} ${integer(articles)} articles, round ${round + 1}: ${endpoint.id.padEnd(16)} ${integer(result.rps).padStart(6)} rps ` +
              (result.requests ? `p50 ${result.p50.toFixed(2)} p95 ${result.p95.toFixed(2)} p99 ${result.p99.toFixed(2)} ms` : '') +
              (result.cpuMicros === null ? '' : `, ${integer(result.cpuMicros)} µs CPU a request`) +
              (result.failure ? `  FAILED: ${result.failure}` : '')
          );
          if (endpoint.target !== 'ceiling') await settle(strapi.url);
        }
      }
      await useCache(true);
      const afterLoad = strapi.memory();

      log('importing 500-document draft batches');
      const draftBatches = SMOKE ? 1 : 2;
      const draftRun = await seed(strapi.url, apiToken, {
        from: drafts,
        to: drafts + 500 * draftBatches,
        tag: 'draft',
        publish: false,
        cpuSeconds: strapi.cpuSeconds,
      });
      drafts += 500 * draftBatches;

      sideResults.push({
        articles,
        loads,
        importRates: seeding.rates,
        importCpuRates: seeding.cpuRates,
        draftRates: draftRun.rates,
        draftCpuRates: draftRun.cpuRates,
        seedSeconds: seeding.seconds,
        memory: { bootRss: memory.with, afterRss: afterLoad.rss, peakRss: afterLoad.peak },
      });
    }
  } catch (error) {
    process.stderr.write(strapi.output().slice(-5000));
    throw error;
  } finally {
    if (ceiling) await ceiling.stop();
    await strapi.stop();
    if (flag('keep-db')) await keepDatabase(db, database);
    else await database.drop();
  }
  return { db, sideResults, shapeResults, plans };
}

/** The markdown of one database's results. */
function databaseSection({ db, sideResults, shapeResults, plans }, memory) {
  const list = shapesAt(settings.articles.at(-1));
  const tally = shapeTargets(shapeResults, list, VARIANTS);
  const parts = [`### ${DB_NAMES[db]}`, ''];
  const seedingLine = shapeResults
    .map((r) => `${integer(r.articles)} articles: ${integer(r.seeding.seconds)} s, median ${integer(median(r.seeding.rates.length ? r.seeding.rates : [0]))} docs/s`)
    .join('; ');
  parts.push(`Seeding through the importer (500 published documents a request): ${seedingLine}.`, '');
  parts.push(
    `Targets (issue 15): p95 within 2× — ${tally.p95[0]} of ${tally.p95[1]} rows that ran at both ends; ` +
      `CPU under 5 ms beyond \`/_health\` — ${tally.cpu[0]} of ${tally.cpu[1]}; token ≥ 0.6× Public on cached answers — ${tally.token[0]} of ${tally.token[1]}; ` +
      `rows with a failed run: ${tally.failed}.`,
    ''
  );
  parts.push(`#### Query shapes, ${DB_NAMES[db]}`, '', shapesTable(shapeResults, list, VARIANTS), '');
  if (sideResults.length) {
    parts.push(`#### Side by side, ${DB_NAMES[db]}`, '', table(sideResults, { withoutPlugin: memory.without, endpoints: ENDPOINTS }), '');
  }
  for (const text of plans) {
    const [title, ...rest] = text.split('\n');
    parts.push('<details>', `<summary>${title.replace(/^#+\s*/, '')} (--explain)</summary>`, '', ...rest.map((line) => line.replace(/^#### /, '##### ')), '</details>', '');
  }
  return parts.join('\n');
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'));
  onInterrupt(() => fs.rmSync(dir, { recursive: true, force: true }));
  const started = Date.now();
  try {
    if (settings.build) {
      log('building and installing the plugin from its tarball');
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/install-plugin.js')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    const memory = { with: [], without: [] };
    for (let i = 0; i < settings.memoryBoots; i += 1) {
      // Alternated, so a neighbour's load skews both alike.
      memory.without.push(await bootMemory(dir, { plugin: false }, i));
      memory.with.push(await bootMemory(dir, { plugin: true }, i));
      log(`memory boot ${i + 1}: RSS without the plugin ${integer(memory.without.at(-1) / 2 ** 20)} MiB, with ${integer(memory.with.at(-1) / 2 ** 20)} MiB`);
    }

    const databases = [];
    for (const db of settings.dbs) databases.push(await benchDatabase(db, dir, memory));

    const described = machine({ database: settings.dbs.map((db) => DB_NAMES[db]).join('; ') });
    const setup =
      `query shapes: ${settings.shapeSeconds} s a run, ${settings.shapeConnections} connections, random values on every request, ` +
      `each with cacheMaxAge 0 and ${CACHE_MAX_AGE} s, with the Public role (no Authorization header) and with a read-only API token; ` +
      `side by side at ${settings.sideBySide.map(integer).join(', ') || 'no count'}: ${settings.rounds} round(s) × ${settings.seconds} s an endpoint, interleaved, ` +
      `${settings.connections} connections, auth ${settings.auth === 'token' ? 'a full-access API token' : 'the Public role'}; ` +
      `${Math.round((Date.now() - started) / 1000)} s in all`;
    const machineLine =
      `${described.cpu}, ${described.cores} cores, ${described.ram} RAM, Node ${described.node}, ${described.os}; ` +
      `databases: ${described.database}; @strapi/strapi ${require(path.join(ROOT, 'node_modules/@strapi/strapi/package.json')).version}`;
    const generated = [
      `Run ${new Date().toISOString()} with \`node bench/run.js ${args.join(' ')}\`.`,
      '',
      `Machine: ${machineLine}.`,
      '',
      `Setup: ${setup}.`,
      '',
      'Query-shape cells: requests a second, p95 latency, and the server process CPU a request beyond `/_health` ' +
        '(from `/proc/<pid>/stat`: CPU over the run ÷ answers, minus the same for `/_health` at that count). ' +
        '✗ marks a failed run with its reason: answers other than 200, or none in the window. ' +
        'Side-by-side cells: requests a second, median of the rounds (min–max), then the medians of p50/p95/p99 latency.',
      '',
      ...databases.map((result) => databaseSection(result, memory)),
    ].join('\n');
    process.stdout.write(`\n${generated}\n`);
    if (settings.out) {
      writeSection(settings.out, generated);
      log(`written to ${path.relative(ROOT, settings.out)}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const START = '<!-- bench:start (written by bench/run.js) -->';
const END = '<!-- bench:end -->';

/** Replaces the generated section of `file`, keeping the text around it. */
function writeSection(file, generated) {
  const section = `${START}\n${generated}\n${END}`;
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  if (existing && existing.includes(START) && existing.includes(END)) {
    const before = existing.slice(0, existing.indexOf(START));
    const after = existing.slice(existing.indexOf(END) + END.length);
    fs.writeFileSync(file, `${before}${section}${after}`);
  } else {
    fs.writeFileSync(file, `# Benchmarks\n\nRerun with \`npm run bench\` (see bench/run.js for the options).\n\n${section}\n${existing ? `\n${existing}` : ''}`);
  }
}

const run = flag('hostile') ? () => require('./hostile').main(args.filter((arg) => arg !== '--hostile')) : main;
run().catch((error) => {
  console.error(error);
  process.exit(1);
});
