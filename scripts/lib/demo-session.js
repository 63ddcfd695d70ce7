/**
 * What `npm run demo` does to a running playground (the first admin, an API token, the seed
 * document imported and published) and the environment it runs it in. Shared with the tests
 * that check the demo (tests/e2e/demo-session.test.ts) and the README's examples against it.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const SEED_FILE = path.join(ROOT, 'tests', 'fixtures', 'seed-khamenei-nuclear-talks.txt');

const DEMO_ADMIN = {
  email: process.env.NEWSROOM_DEMO_EMAIL || 'admin@newsroom.local',
  password: process.env.NEWSROOM_DEMO_PASSWORD || 'Newsroom-demo-2026',
};

/**
 * Production mode, as a deployed app runs. Strapi's startup box is left out: on a fresh
 * database it ends "Create your first administrator", a step the demo takes itself, and
 * the demo prints where to log in. The playground writes the OpenAPI document at startup
 * (NEWSROOM_WRITE_DOCUMENTATION), which the documentation plugin does only outside production.
 */
const DEMO_ENV = {
  NODE_ENV: 'production',
  STRAPI_TELEMETRY_DISABLED: 'true',
  STRAPI_STARTUP_LOG: 'false',
  NEWSROOM_WRITE_DOCUMENTATION: 'true',
};

async function request(base, method, url, { body, token, type = 'application/json' } = {}) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...(body !== undefined && { 'Content-Type': type }), ...(token && { Authorization: `Bearer ${token}` }) },
    body: body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : body,
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

/** An admin JWT: the first admin is registered on a fresh database, then logged in. */
async function adminToken(base, admin = DEMO_ADMIN) {
  const init = await request(base, 'GET', '/admin/init');
  if (!init.data.hasAdmin) {
    await request(base, 'POST', '/admin/register-admin', { body: { ...admin, firstname: 'Demo', lastname: 'Admin' } });
  }
  const login = await request(base, 'POST', '/admin/login', { body: admin });
  return login.data.token;
}

/** A new full-access API token, valid for a week: the one the README's examples send. */
async function createApiToken(base, jwt) {
  const token = await request(base, 'POST', '/admin/api-tokens', {
    token: jwt,
    body: { name: `demo-${Date.now()}`, type: 'full-access', lifespan: 7 * 24 * 3600 * 1000, description: 'npm run demo' },
  });
  return token.data.accessKey;
}

/** Imports and publishes the seed document through the import endpoint; returns its answer. */
function importSeed(base, apiToken) {
  return request(base, 'POST', '/api/newsroom/import?publish=true', { token: apiToken, body: fs.readFileSync(SEED_FILE, 'utf8'), type: 'text/plain' });
}

/** The frontend address the demo's feeds and sitemaps link to (the `siteUrl` setting; there is no frontend). */
const DEMO_SITE_URL = 'http://localhost:3000';

/** The demo's steps after Strapi answers: admin, API token, siteUrl, seed. */
async function seedDemo(base, admin = DEMO_ADMIN) {
  const jwt = await adminToken(base, admin);
  const apiToken = await createApiToken(base, jwt);
  await request(base, 'PUT', '/newsroom/settings', { token: jwt, body: { siteUrl: DEMO_SITE_URL } });
  const seed = await importSeed(base, apiToken);
  return { jwt, apiToken, seed };
}

module.exports = { DEMO_ADMIN, DEMO_ENV, DEMO_SITE_URL, SEED_FILE, request, adminToken, createApiToken, importSeed, seedDemo };
