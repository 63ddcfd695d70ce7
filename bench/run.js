#!/usr/bin/env node
/**
 * `npm run bench`: the snippet endpoint side by side with Strapi's own floor and
 * the core REST equivalent (SPEC 9, issue 7). Measured, never asserted.
 *
 * 1. builds the plugin and installs it from its npm tarball (scripts/install-plugin.js);
 * 2. boots the playground twice on empty databases, with and without the plugin
 *    (NEWSROOM_ENABLED), for Strapi's memory;
 * 3. boots it once more in production mode on a fresh SQLite database, grants the
 *    Public role the read actions, and for each article count in turn seeds published
 *    articles through the importer (500 a request: that is the import measurement)
 *    and measures every endpoint of lib/endpoints.js with autocannon, interleaved over
 *    several rounds, plus 500-draft import batches;
 * 4. prints one markdown table and writes it into docs/BENCHMARKS.md (between the
 *    `bench:start`/`bench:end` markers; the analysis around them is kept).
 *
 * Options (defaults in brackets):
 *   --articles=1000,10000   article counts, ascending; the database grows from one to the next.
 *                           100000 adds about 5 minutes of seeding on a 2-core machine (15 min in all).
 *   --rounds=3 --seconds=5  load rounds and seconds per endpoint and round
 *   --connections=10        autocannon connections
 *   --warmup=2              seconds per endpoint before the first round
 *   --auth=public|token     Public role (no header) or a full-access API token for every Strapi route
 *   --db=sqlite|postgres|mysql  non-SQLite databases come from DATABASE_* variables and must be empty
 *   --memory-boots=2        boots with and without the plugin for the memory figures
 *   --no-build              use the installed plugin as it is
 *   --out=docs/BENCHMARKS.md  --no-write
 *   --smoke                 1,000 articles, 1 round of 1 s, one memory boot; prints, writes nothing
 *   --hostile               instead: the hostile-input section (bench/hostile.js, which takes the
 *                           options --sizes, --targets, --fills, --no-build, --out, --no-write)
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startCeiling } = require('./lib/ceiling');
const { onInterrupt } = require('./lib/cleanup');
const { ENDPOINTS, PUBLIC_ACTIONS, DISTRIBUTION_SETTINGS } = require('./lib/endpoints');
const { measure } = require('./lib/load');
const { machine, table, integer } = require('./lib/report');
const { seed } = require('./lib/seed');
const { ROOT, startStrapi, request, adminCredentials, grantPublic, putSettings, cpuSecondsOf, sleep } = require('./lib/strapi');

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const found = args.find((arg) => arg.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
};

const SMOKE = flag('smoke');
const settings = {
  articles: option('articles', SMOKE ? '1000' : '1000,10000')
    .split(',')
    .map(Number)
    .sort((a, b) => a - b),
  rounds: Number(option('rounds', SMOKE ? 1 : 3)),
  seconds: Number(option('seconds', SMOKE ? 1 : 5)),
  warmup: Number(option('warmup', SMOKE ? 0.5 : 2)),
  connections: Number(option('connections', 10)),
  auth: option('auth', 'public'),
  db: option('db', 'sqlite'),
  memoryBoots: Number(option('memory-boots', SMOKE ? 1 : 2)),
  build: !flag('no-build'),
  out: flag('no-write') || (SMOKE && !option('out')) ? null : path.resolve(ROOT, option('out', 'docs/BENCHMARKS.md')),
};
if (settings.articles.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--articles takes positive integers');
if (!['public', 'token'].includes(settings.auth)) throw new Error('--auth is public or token');

const CACHE_MAX_AGE = 60;
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

/** Database variables for one Strapi: a fresh SQLite file, or the DATABASE_* of the environment. */
function databaseEnv(dir, name) {
  if (settings.db === 'sqlite') return { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, `${name}.db`) };
  return { DATABASE_CLIENT: settings.db };
}

/** Optional integrations off: the plugin as in a fresh Strapi project. */
const BASE_ENV = { NEWSROOM_GRAPHQL: 'false', NEWSROOM_DOCUMENTATION: 'false', NEWSROOM_CACHE_MAX_AGE: String(CACHE_MAX_AGE) };

/** RSS of an idle instance on an empty database after some requests, with or without the plugin. */
async function bootMemory(dir, { plugin }, index) {
  const strapi = await startStrapi({
    env: { ...BASE_ENV, ...databaseEnv(dir, `memory-${plugin ? 'with' : 'without'}-${index}`), NEWSROOM_ENABLED: String(plugin) },
  });
  try {
    for (let i = 0; i < 200; i += 1) await fetch(`${strapi.url}/_health`);
    await sleep(1000);
    return strapi.memory().rss;
  } finally {
    await strapi.stop();
  }
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
    if (settings.db !== 'sqlite' && settings.memoryBoots > 0) {
      log('memory boots need fresh databases: skipped on a non-SQLite database');
      settings.memoryBoots = 0;
    }

    const memory = { with: [], without: [] };
    for (let i = 0; i < settings.memoryBoots; i += 1) {
      // Alternated, so a neighbour's load skews both alike.
      memory.without.push(await bootMemory(dir, { plugin: false }, i));
      memory.with.push(await bootMemory(dir, { plugin: true }, i));
      log(`memory boot ${i + 1}: RSS without the plugin ${integer(memory.without.at(-1) / 2 ** 20)} MiB, with ${integer(memory.with.at(-1) / 2 ** 20)} MiB`);
    }

    log(`booting Strapi (production, ${settings.db})`);
    const strapi = await startStrapi({ env: { ...BASE_ENV, ...databaseEnv(dir, 'bench'), NEWSROOM_ENABLED: 'true' } });
    let ceiling = null;
    const results = [];
    try {
      log(`Strapi healthy after ${strapi.bootSeconds.toFixed(1)} s, pid ${strapi.pid}`);
      const { jwt, apiToken } = await adminCredentials(strapi.url);
      await grantPublic(strapi.url, jwt, PUBLIC_ACTIONS);
      await putSettings(strapi.url, jwt, { cacheMaxAge: CACHE_MAX_AGE, ...DISTRIBUTION_SETTINGS });
      const authHeaders = settings.auth === 'token' ? { Authorization: `Bearer ${apiToken}` } : {};
      let cacheMaxAge = CACHE_MAX_AGE;
      const useCache = async (on) => {
        const wanted = on ? CACHE_MAX_AGE : 0;
        if (cacheMaxAge === wanted) return;
        await putSettings(strapi.url, jwt, { cacheMaxAge: wanted });
        cacheMaxAge = wanted;
      };

      let seeded = 0;
      let drafts = 0;
      for (const articles of settings.articles) {
        log(`seeding ${integer(articles - seeded)} published articles through the importer (${integer(seeded)} → ${integer(articles)})`);
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

        // The slug endpoint asks for the newest article; the ceiling serves the default page's bytes.
        const page = await request(strapi.url, 'GET', '/api/newsroom/snippets', { token: settings.auth === 'token' ? apiToken : undefined });
        const endpoints = ENDPOINTS.map((endpoint) =>
          endpoint.id === 'slug' ? { ...endpoint, path: `/api/newsroom/snippets/${page.data[0].slug}` } : endpoint
        );
        const body = await (await fetch(`${strapi.url}/api/newsroom/snippets`, { headers: authHeaders })).text();
        if (ceiling) await ceiling.stop();
        ceiling = await startCeiling(body);

        const run = async (endpoint, seconds) => {
          const target = endpoint.target === 'ceiling' ? ceiling.url : strapi.url;
          if (endpoint.target !== 'ceiling') await useCache(endpoint.cache !== false);
          return measure({
            url: `${target}${endpoint.path}`,
            connections: endpoint.connections ?? settings.connections,
            seconds: Math.max(seconds, endpoint.minSeconds ?? 0),
            headers:
              endpoint.auth === false || endpoint.target === 'ceiling'
                ? {}
                : endpoint.auth === 'token'
                  ? { Authorization: `Bearer ${apiToken}` }
                  : authHeaders,
            expectStatus: endpoint.status ?? 200,
            cpuSeconds: endpoint.target === 'ceiling' ? () => cpuSecondsOf(ceiling.pid) : strapi.cpuSeconds,
          });
        };

        log(`warming up (${settings.warmup} s an endpoint)`);
        for (const endpoint of endpoints) await run(endpoint, settings.warmup);
        const loads = Object.fromEntries(endpoints.map((endpoint) => [endpoint.id, []]));
        for (let round = 0; round < settings.rounds; round += 1) {
          // Each round starts one endpoint later, so none always runs first or last.
          const order = endpoints.map((_, i) => endpoints[(i + round) % endpoints.length]);
          for (const endpoint of order) {
            const result = await run(endpoint, settings.seconds);
            loads[endpoint.id].push(result);
            log(
              `  ${integer(articles)} articles, round ${round + 1}: ${endpoint.id.padEnd(16)} ${integer(result.rps).padStart(6)} rps ` +
                `p50 ${result.p50.toFixed(2)} p95 ${result.p95.toFixed(2)} p99 ${result.p99.toFixed(2)} ms` +
                (result.cpuMicros === null ? '' : `, ${integer(result.cpuMicros)} µs CPU a request`)
            );
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

        results.push({
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
    }

    const described = machine({ database: settings.db === 'sqlite' ? 'SQLite (better-sqlite3), file on local disk' : settings.db });
    const markdown = table(results, { withoutPlugin: memory.without, endpoints: ENDPOINTS });
    const setup =
      `${settings.rounds} round(s) × ${settings.seconds} s an endpoint, interleaved; ${settings.connections} connections; ` +
      `auth: ${settings.auth === 'token' ? 'a full-access API token on every Strapi route' : 'the Public role (no Authorization header) on every Strapi route'}; ` +
      `cacheMaxAge ${CACHE_MAX_AGE} s (TTL 5 s without Redis); ${Math.round((Date.now() - started) / 1000)} s in all`;
    const machineLine =
      `${described.cpu}, ${described.cores} cores, ${described.ram} RAM, Node ${described.node}, ${described.os}; ` +
      `database: ${described.database}; @strapi/strapi ${require(path.join(ROOT, 'node_modules/@strapi/strapi/package.json')).version}`;
    const generated = [
      `Run ${new Date().toISOString()} with \`node bench/run.js ${args.join(' ')}\`.`,
      '',
      `Machine: ${machineLine}.`,
      '',
      `Setup: ${setup}.`,
      '',
      'Cells: requests a second, median of the rounds (min–max), then the medians of p50/p95/p99 latency. ' +
        'Ratios are computed per round, from endpoints measured minutes apart at most.',
      '',
      markdown,
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
