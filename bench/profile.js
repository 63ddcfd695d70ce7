#!/usr/bin/env node
/**
 * CPU profiles of Strapi under the benchmark's load, one endpoint at a time:
 * seeds a SQLite database through the importer once (kept in the temp directory
 * for the next run), then for each endpoint boots Strapi with `node --cpu-prof`,
 * loads that endpoint, stops Strapi and summarizes the samples taken during the
 * load (self time by package and function, inclusive time). The .cpuprofile files
 * stay in --out-dir for a flame graph (Chrome DevTools → Performance, or speedscope).
 *
 *   node bench/profile.js --articles=10000 --endpoints=health,snippets,core
 *
 * Options: --articles=10000 --endpoints=health,snippets --seconds=10 --connections=10
 * --auth=public|token --top=20 --fresh (reseed) --no-build --out-dir=<dir>
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { summarize, format } = require('./lib/cpuprofile');
const { ENDPOINTS, PUBLIC_ACTIONS } = require('./lib/endpoints');
const { measure } = require('./lib/load');
const { seed } = require('./lib/seed');
const { ROOT, startStrapi, request, adminCredentials, grantPublic, sleep } = require('./lib/strapi');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const found = args.find((arg) => arg.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
};
const articles = Number(option('articles', 10000));
const ids = option('endpoints', 'health,snippets').split(',');
const seconds = Number(option('seconds', 10));
const connections = Number(option('connections', 10));
const auth = option('auth', 'public');
const top = Number(option('top', 20));
const outDir = path.resolve(option('out-dir', path.join(os.tmpdir(), 'newsroom-profiles')));
const database = path.join(os.tmpdir(), `newsroom-bench-profile-${articles}.db`);
const log = (message) => process.stderr.write(`[profile] ${message}\n`);

const BASE_ENV = { NEWSROOM_GRAPHQL: 'false', NEWSROOM_DOCUMENTATION: 'false', DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: database };
const CREDENTIALS = `${database}.credentials.json`;

async function prepare() {
  if (args.includes('--fresh')) for (const file of [database, CREDENTIALS]) fs.rmSync(file, { force: true });
  if (fs.existsSync(database) && fs.existsSync(CREDENTIALS)) return JSON.parse(fs.readFileSync(CREDENTIALS, 'utf8'));
  fs.rmSync(database, { force: true });
  log(`seeding ${articles} articles into ${database}`);
  const strapi = await startStrapi({ env: BASE_ENV });
  try {
    const credentials = await adminCredentials(strapi.url);
    await grantPublic(strapi.url, credentials.jwt, PUBLIC_ACTIONS);
    const { seconds: took } = await seed(strapi.url, credentials.apiToken, { to: articles });
    log(`seeded in ${took.toFixed(0)} s`);
    const page = await request(strapi.url, 'GET', '/api/newsroom/snippets', { token: credentials.apiToken });
    const saved = { apiToken: credentials.apiToken, slug: page.data[0].slug };
    fs.writeFileSync(CREDENTIALS, JSON.stringify(saved));
    return saved;
  } finally {
    await strapi.stop();
  }
}

async function main() {
  if (!args.includes('--no-build')) {
    log('building and installing the plugin');
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/install-plugin.js')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const { apiToken, slug } = await prepare();
  fs.mkdirSync(outDir, { recursive: true });
  for (const id of ids) {
    const endpoint = ENDPOINTS.find((candidate) => candidate.id === id);
    if (!endpoint || endpoint.target === 'ceiling') throw new Error(`unknown Strapi endpoint "${id}"`);
    const route = id === 'slug' ? `/api/newsroom/snippets/${slug}` : endpoint.path;
    const dir = fs.mkdtempSync(path.join(outDir, `${id}-`));
    const strapi = await startStrapi({
      env: { ...BASE_ENV, NEWSROOM_CACHE_MAX_AGE: endpoint.cache === false ? '0' : '60' },
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    });
    const token = endpoint.auth === 'token' || (auth === 'token' && endpoint.auth !== false);
    const headers = token ? { Authorization: `Bearer ${apiToken}` } : {};
    const load = (s) => measure({ url: `${strapi.url}${route}`, connections, seconds: s, headers, expectStatus: endpoint.status ?? 200 });
    let result;
    let stopMs;
    try {
      await load(2);
      await sleep(500);
      result = await load(seconds);
      if (result.failure) throw new Error(`${route}: ${result.failure}`);
    } finally {
      const stopping = Date.now();
      await strapi.stop();
      stopMs = Date.now() - stopping;
    }
    const file = fs.readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no .cpuprofile written in ${dir}`);
    // Samples of the load only: it ended `stopMs` before the process did (give or take a few ms).
    const summary = summarize(path.join(dir, file), { top, window: { endGapMs: stopMs + 20, lengthMs: seconds * 1000 - 40 } });
    console.log(
      `\n${format(summary, {
        title: `${id} (${route}) at ${articles} articles: ${Math.round(result.rps)} rps, p95 ${result.p95.toFixed(2)} ms; ${path.join(dir, file)}`,
      })}`
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
