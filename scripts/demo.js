#!/usr/bin/env node
/**
 * `npm run demo`: builds the plugin, installs it into the playground from its tarball,
 * builds the admin panel, boots the playground Strapi on SQLite, creates the first admin
 * (NEWSROOM_DEMO_EMAIL / NEWSROOM_DEMO_PASSWORD to choose them), imports and publishes the
 * seed document through the import endpoint (scripts/lib/demo-session.js, which the tests
 * share), and prints where to log in and an API token for the README's examples.
 *
 * The playground runs from a copy in the temp directory (NEWSROOM_DEMO_DIR to choose it):
 * see scripts/lib/app-copy.js for why. Its SQLite database stays there between runs.
 */
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const { copyPlayground, tempAppDir } = require('./lib/app-copy');
const { DEMO_ADMIN, DEMO_ENV, seedDemo } = require('./lib/demo-session');

const root = path.resolve(__dirname, '..');
const app = process.env.NEWSROOM_DEMO_DIR || tempAppDir('newsroom-demo');
const strapiBin = path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const port = Number(process.env.PORT || 1337);
const base = `http://127.0.0.1:${port}`;
const env = { ...process.env, ...DEMO_ENV, STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL || 'warn' };

function run(label, command, args, options = {}) {
  console.log(`› ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env, ...options });
  if (result.status !== 0) {
    console.error(`${label} failed`);
    process.exit(result.status || 1);
  }
}

async function waitForHealth(child) {
  for (let i = 0; i < 240; i += 1) {
    if (child.exitCode !== null) throw new Error('Strapi exited during startup');
    try {
      const res = await fetch(`${base}/_health`);
      if (res.status === 204) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('Strapi did not answer /_health in 2 minutes');
}

async function main() {
  run('build the plugin and install its tarball into the playground', process.execPath, [path.join(__dirname, 'install-plugin.js')]);
  copyPlayground(app);
  run(`build the admin panel (${app})`, process.execPath, [strapiBin, 'build'], { cwd: app });

  console.log('› start Strapi (playground, SQLite, production mode)');
  const child = spawn(process.execPath, [strapiBin, 'start'], { cwd: app, stdio: 'inherit', env: { ...env, PORT: String(port) } });
  const stop = () => child.kill('SIGINT');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await waitForHealth(child);

  const { apiToken, seed } = await seedDemo(base);
  for (const item of seed.data) console.log(`  seed document ${item.index}: ${item.status}${item.slug ? ` (${item.slug})` : ''}`);

  console.log(`
Newsroom demo is running.
  Admin panel: ${base}/admin
  Login:       ${DEMO_ADMIN.email}
  Password:    ${DEMO_ADMIN.password}
  API docs:    ${base}/documentation
  Snippets:    ${base}/api/newsroom/snippets (allow it for the Public role, or send the API token)
For the README's examples, from the repository root in another terminal:
  export STRAPI_API_TOKEN=${apiToken}
Change the login with NEWSROOM_DEMO_EMAIL and NEWSROOM_DEMO_PASSWORD on a fresh database (rm -rf ${path.join(app, '.tmp')}),
or in the admin panel under your profile.
Press Ctrl+C to stop.`);
  await new Promise((resolve) => child.on('exit', resolve));
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
