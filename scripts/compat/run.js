#!/usr/bin/env node
/**
 * The compatibility matrix (SPEC 13, README Compatibility): the packed plugin installed into
 * fresh create-strapi-app projects, TypeScript and JavaScript, at the oldest Strapi release in
 * `peerDependencies` and at the release the playground runs. For each app: install the tarball
 * with npm (one copy of the design system, icons and react-intl: the app's), `strapi build`
 * (admin included), boot with `strapi start` (health, admin page, snippet endpoint), then
 * integration tests (testsOf; the whole suite but PLAYGROUND_ONLY with --full) on SQLite
 * against that app (tests/integration/helpers/strapi.ts, NEWSROOM_APP_DIR). Each step is timed.
 *
 *   node scripts/compat/run.js [--app 5.5.0-ts,...] [--full] [--pack]
 *   node scripts/compat/run.js --list      the apps' names
 *
 * Apps are made once and kept, with their node_modules, under NEWSROOM_COMPAT_CACHE
 * (default ~/.cache/newsroom-compat/apps/<version>-<ts|js>); only the plugin is installed
 * again each run. The tarball is the one `npm test` packed (strapi-plugin-newsroom.tgz at the
 * repository root); --pack builds and packs it first.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freePort } = require('../lib/strapi-process');

const root = path.resolve(__dirname, '../..');
const pkg = require(path.join(root, 'package.json'));
const TARBALL = path.join(root, 'strapi-plugin-newsroom.tgz');
const CACHE = process.env.NEWSROOM_COMPAT_CACHE || path.join(os.homedir(), '.cache', 'newsroom-compat', 'apps');
const RESULTS = path.join(root, '.tmp', 'test-results');

/** The oldest release `peerDependencies` admits, and the release the playground (and so the full suite) runs. */
const OLDEST = pkg.peerDependencies['@strapi/strapi'].replace(/^[\^>=~]+/, '');
const MAIN = pkg.devDependencies['@strapi/strapi'];
const APPS = [OLDEST, MAIN].flatMap((version) => ['ts', 'js'].map((lang) => ({ version, lang, name: `${version}-${lang}` })));

/** Changes to how an app is made, so cached apps made the old way are made again. */
const RECIPE = 2;

/**
 * The integration tests run against each app, within CI's time. The oldest release's
 * TypeScript app runs the whole suite but PLAYGROUND_ONLY (null here); its JavaScript app the
 * snippet endpoint, the importer, the admin API the Newsroom pages call and the plugin
 * settings; the playground's release, whose whole suite the playground runs on three
 * databases, the snippet endpoint and the admin API.
 */
const SUBSET = ['snippets', 'import', 'admin-api', 'settings-config', 'settings-store'];
const testsOf = (app) => {
  if (app.version !== OLDEST) return ['snippets', 'admin-api'];
  return app.lang === 'ts' ? null : SUBSET;
};

/**
 * Tests that need what only the playground has, so --full leaves them out for other apps.
 * The reason is printed with each; nothing else is left out.
 */
const PLAYGROUND_ONLY = {
  'graphql': 'needs @strapi/plugin-graphql, which a fresh app does not have',
  'openapi': 'needs @strapi/plugin-documentation, which a fresh app does not have',
  'integrations': 'turns the playground\'s GraphQL and documentation plugins off and on',
  'import-listeners': 'needs the playground\'s test-listeners plugin (playground/src/plugins)',
  'snippets-extra-auth': 'needs the playground\'s test-header-auth plugin (playground/src/plugins)',
  'readme-examples': 'runs the README examples, some of which use GraphQL',
};

/** The app's newsroom settings, read from the same variables as the playground's (the tests set them). */
const PLUGIN_CONFIG = `{
  newsroom: {
    config: {
      excerptLength: env.int('NEWSROOM_EXCERPT_LENGTH', 280),
      defaultLanguage: env('NEWSROOM_DEFAULT_LANGUAGE', 'en'),
      importTimeZone: env('NEWSROOM_IMPORT_TIME_ZONE', 'UTC'),
      cacheMaxAge: env.int('NEWSROOM_CACHE_MAX_AGE', 60),
      siteUrl: env('NEWSROOM_SITE_URL', null),
      articleUrl: env('NEWSROOM_ARTICLE_URL', '{siteUrl}/news/{slug}'),
      feedTitle: env('NEWSROOM_FEED_TITLE', 'Newsroom'),
      redis: env('NEWSROOM_REDIS_URL', null),
      revalidation: env.json('NEWSROOM_REVALIDATION', undefined),
      importMode: env('NEWSROOM_IMPORT_MODE', 'auto'),
      localized: env.bool('NEWSROOM_LOCALIZED', false),
    },
  },
}`;

const SECRETS = {
  APP_KEYS: 'compatKeyA,compatKeyB',
  API_TOKEN_SALT: 'compat-api-token-salt',
  ADMIN_JWT_SECRET: 'compat-admin-jwt-secret',
  JWT_SECRET: 'compat-jwt-secret',
  TRANSFER_TOKEN_SALT: 'compat-transfer-token-salt',
  ENCRYPTION_KEY: 'compat-encryption-key',
};

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const only = option('--app')?.split(',');
const full = args.includes('--full');

const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
const timings = [];

/** Runs a step, times it, and throws with its output's tail when it fails. */
function run(label, command, commandArgs, options = {}) {
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 1 << 28, ...options, env: { ...process.env, ...options.env } });
  const took = Date.now() - started;
  timings.push({ label, took });
  console.log(`  ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} (${seconds(took)})`);
  if (result.status !== 0) {
    const out = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    throw new Error(`${label} failed (exit ${result.status}):\n${out.slice(-4000)}`);
  }
  return result.stdout ?? '';
}

const semverLess = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i += 1) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
};

/**
 * The app's `config/plugins` with the newsroom settings, written at every run so a cached app
 * gets settings added since it was made.
 */
function writeAppConfig(app, dir) {
  // Written as the template writes its other config files: newer TypeScript templates are
  // strict and type `env` with `Core.Config.Shared.ConfigParams`, which older releases lack.
  const typed = app.lang === 'ts' && fs.readFileSync(path.join(dir, 'config', 'server.ts'), 'utf8').includes('Core.Config.Shared.ConfigParams');
  const config =
    app.lang === 'js'
      ? `module.exports = ({ env }) => (${PLUGIN_CONFIG});\n`
      : typed
        ? `import type { Core } from '@strapi/strapi';\n\nexport default ({ env }: Core.Config.Shared.ConfigParams) => (${PLUGIN_CONFIG});\n`
        : `export default ({ env }) => (${PLUGIN_CONFIG});\n`;
  fs.writeFileSync(path.join(dir, 'config', `plugins.${app.lang}`), config);
}

/** A fresh create-strapi-app project at `version`, installed, kept in the cache. */
function ensureApp(app) {
  const dir = path.join(CACHE, app.name);
  const marker = path.join(dir, '.newsroom-compat');
  const key = JSON.stringify({ recipe: RECIPE, version: app.version, lang: app.lang });
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === key) {
    console.log(`  app: cached at ${dir}`);
    writeAppConfig(app, dir);
    return dir;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(CACHE, { recursive: true });
  run(
    `create-strapi-app@${app.version}`,
    'npx',
    ['-y', `create-strapi-app@${app.version}`, app.name, `--${app.lang}`, '--use-npm', '--no-install', '--skip-cloud', '--no-example', '--no-git-init', '--no-run', '--skip-db'],
    { cwd: CACHE, env: { CI: 'true' } }
  );
  const file = path.join(dir, 'package.json');
  const appPkg = JSON.parse(fs.readFileSync(file, 'utf8'));
  // The SQLite driver the playground uses: older templates pin better-sqlite3 releases with no
  // binary for this Node in the registry package, whose install would fetch or compile one.
  appPkg.dependencies['better-sqlite3'] = pkg.devDependencies['better-sqlite3'];
  // Before 5.20, @strapi/upload takes sharp 0.32, whose install downloads libvips from outside
  // the registry; 0.33 ships its binaries as npm packages (STRAPI5-NOTES, same API for Strapi).
  if (semverLess(app.version, '5.20.0')) appPkg.overrides = { ...appPkg.overrides, sharp: '0.33.5' };
  fs.writeFileSync(file, `${JSON.stringify(appPkg, null, 2)}\n`);
  writeAppConfig(app, dir);
  run('npm install (Strapi)', 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir });
  fs.writeFileSync(marker, key);
  return dir;
}

/** The tarball, installed by npm as a user would; the app's design system, icons and react-intl stay the only copies. */
function installPlugin(dir) {
  fs.copyFileSync(TARBALL, path.join(dir, 'strapi-plugin-newsroom.tgz'));
  fs.rmSync(path.join(dir, 'node_modules', 'strapi-plugin-newsroom'), { recursive: true, force: true });
  run('npm install strapi-plugin-newsroom.tgz', 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', './strapi-plugin-newsroom.tgz'], { cwd: dir });
  const installed = path.join(dir, 'node_modules', 'strapi-plugin-newsroom');
  const built = spawnSync('tar', ['-xzOf', TARBALL, 'package/dist/server/index.js'], { maxBuffer: 1 << 28 }).stdout;
  if (!built.equals(fs.readFileSync(path.join(installed, 'dist', 'server', 'index.js')))) {
    throw new Error('the installed plugin is not the tarball just packed');
  }
  for (const shared of ['@strapi/design-system', '@strapi/icons', 'react-intl']) {
    if (fs.existsSync(path.join(installed, 'node_modules', shared))) {
      throw new Error(`npm gave the plugin its own copy of ${shared}: the admin would have two`);
    }
  }
}


/** `strapi start` with the built admin: healthy, the admin page served, the snippet endpoint answering. */
async function boot(dir) {
  const started = Date.now();
  const port = await freePort();
  fs.mkdirSync(path.join(dir, '.tmp'), { recursive: true });
  const dbDir = fs.mkdtempSync(path.join(dir, '.tmp', 'boot-'));
  const child = spawn(process.execPath, [path.join(dir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
    cwd: dir,
    env: {
      ...process.env,
      ...SECRETS,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.relative(dir, path.join(dbDir, 'data.db')),
      STRAPI_TELEMETRY_DISABLED: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Strapi exited during startup (${child.exitCode}):\n${output.slice(-4000)}`);
      const health = await fetch(`${url}/_health`).catch(() => null);
      if (health?.status === 204) break;
      if (Date.now() > deadline) throw new Error(`Strapi did not become healthy in 180 s:\n${output.slice(-4000)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const admin = await fetch(`${url}/admin/`);
    const html = await admin.text();
    if (admin.status !== 200 || !/<div id="strapi"/.test(html)) throw new Error(`GET /admin/ answered ${admin.status}, not the admin page`);
    // Public access to snippets is off until a project turns it on: a 403 with a reason, not a 404 or 500.
    const snippets = await fetch(`${url}/api/newsroom/snippets`);
    if (snippets.status !== 200 && snippets.status !== 403) throw new Error(`GET /api/newsroom/snippets answered ${snippets.status}`);
  } finally {
    await new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
    fs.rmSync(dbDir, { recursive: true, force: true });
  }
  const took = Date.now() - started;
  timings.push({ label: 'boot', took });
  console.log(`  boot (strapi start, /_health, /admin/, /api/newsroom/snippets): ok (${seconds(took)})`);
}

/** The integration tests against the app; gives the counts from Jest's JSON report. */
function integration(app, dir) {
  const all = fs.readdirSync(path.join(root, 'tests', 'integration')).filter((f) => f.endsWith('.test.ts')).map((f) => f.replace(/\.test\.ts$/, ''));
  const whole = full || testsOf(app) === null;
  const names = whole ? all.filter((name) => !(name in PLAYGROUND_ONLY)) : testsOf(app);
  if (whole) for (const [name, reason] of Object.entries(PLAYGROUND_ONLY)) console.log(`  left out: ${name} (${reason})`);
  const files = names.map((name) => `tests/integration/${name}.test.ts`);
  const outputFile = path.join(RESULTS, `compat-${app.name}.json`);
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.rmSync(outputFile, { force: true });
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [require.resolve('jest/bin/jest', { paths: [root] }), '--selectProjects', 'integration', '--runInBand', '--forceExit', '--json', `--outputFile=${outputFile}`, ...files],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NEWSROOM_APP_DIR: dir, NEWSROOM_TEST_DB: 'sqlite' } }
  );
  const took = Date.now() - started;
  let passed = 0;
  let failed = 0;
  if (fs.existsSync(outputFile)) {
    const report = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
  }
  if (result.status !== 0 && failed === 0) failed = 1;
  timings.push({ label: 'integration', took });
  console.log(`  integration on SQLite (${whole ? 'full suite' : names.join(', ')}): ${passed} passed, ${failed} failed (${seconds(took)})`);
  if (failed > 0) console.log(`${result.stdout}${result.stderr}`.slice(-8000));
  return { passed, failed };
}

async function main() {
  if (args.includes('--list')) {
    console.log(APPS.map((app) => app.name).join('\n'));
    return;
  }
  if (args.includes('--pack') || !fs.existsSync(TARBALL)) {
    run('build and pack the plugin', process.execPath, [path.join(root, 'scripts', 'install-plugin.js')], { cwd: root });
  }
  const selected = only ? APPS.filter((app) => only.includes(app.name)) : APPS;
  if (selected.length === 0) throw new Error(`no app named ${only}; apps: ${APPS.map((a) => a.name).join(', ')}`);
  const rows = [];
  for (const app of selected) {
    console.log(`\n--- Strapi ${app.version}, ${app.lang === 'ts' ? 'TypeScript' : 'JavaScript'} app ---`);
    const started = Date.now();
    const row = { app: app.name, ok: false, passed: 0, failed: 0 };
    try {
      const dir = ensureApp(app);
      installPlugin(dir);
      run('strapi build (server and admin)', process.execPath, [path.join(dir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'build'], {
        cwd: dir,
        env: { NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
      });
      await boot(dir);
      Object.assign(row, integration(app, dir));
      row.ok = row.failed === 0;
    } catch (error) {
      console.log(`  ${error.message}`);
      row.failed += 1;
    }
    row.took = Date.now() - started;
    rows.push(row);
  }
  console.log('\n=== compatibility summary ===');
  for (const row of rows) console.log(`${row.app.padEnd(12)} ${row.ok ? 'ok    ' : 'FAILED'} ${row.passed} passed, ${row.failed} failed  (${seconds(row.took)})`);
  process.exit(rows.every((row) => row.ok) ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
