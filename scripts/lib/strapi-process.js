/**
 * The playground Strapi as a child process (`strapi start`, production mode, a free
 * 127.0.0.1 port), for the tests that need several instances or a browser and for the
 * benchmark. One starter for both: plain JavaScript so the bench runs it under node, typed
 * by strapi-process.d.ts for the TypeScript tests. Talks HTTP only.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const PLAYGROUND = path.join(ROOT, 'playground');
/** The app the tests boot: the playground, or another app (NEWSROOM_APP_DIR, scripts/compat/run.js). */
const APP_DIR = process.env.NEWSROOM_APP_DIR ? path.resolve(process.env.NEWSROOM_APP_DIR) : PLAYGROUND;
/** The app's own Strapi: the playground shares the repository's node_modules. */
const STRAPI_BIN = path.join(path.dirname(require.resolve('@strapi/strapi/package.json', { paths: [APP_DIR] })), 'bin/strapi.js');

/** Fixed secrets: these instances are throwaway and local. */
const TEST_SECRETS = {
  APP_KEYS: 'testKeyA,testKeyB',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  JWT_SECRET: 'test-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  ENCRYPTION_KEY: 'test-encryption-key',
};

const DEFAULT_ADMIN = { email: 'admin@newsroom.test', password: 'Newsroom-test-2026' };

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident and peak resident memory of a Linux process, in bytes (null elsewhere). */
function memoryOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => Number((status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm')) ?? [])[1]) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: null, peak: null };
  }
}

let clockTicks = null;
/**
 * CPU seconds (user + system) a Linux process has used so far, or null elsewhere. Unlike
 * wall time, it hardly changes when neighbours load the machine.
 */
function cpuSecondsOf(pid) {
  try {
    clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return null;
  }
}

/**
 * Starts Strapi and waits for /_health (204). `env` overrides the playground's
 * configuration; see strapi-process.d.ts for the options.
 */
async function startStrapiProcess(env = {}, options = {}) {
  const { serveAdmin = false, cwd = APP_DIR, nodeArgs = [], timeoutMs = 120_000, killAfterMs = 10_000, outputLimit = Infinity, onStop } = options;
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, STRAPI_BIN, 'start'], {
    cwd,
    env: {
      ...process.env,
      ...TEST_SECRETS,
      ...env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      SERVE_ADMIN_PANEL: serveAdmin ? 'true' : 'false',
      STRAPI_TELEMETRY_DISABLED: 'true',
      STRAPI_LOG_LEVEL: env.STRAPI_LOG_LEVEL ?? process.env.STRAPI_LOG_LEVEL ?? 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output += chunk.toString();
    if (output.length > outputLimit) output = output.slice(-Math.ceil(outputLimit / 2));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;

  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Strapi exited during startup (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/_health`)).status === 204) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`Strapi did not become healthy in ${timeoutMs / 1000} s:\n${output}`);
    }
    await sleep(250);
  }

  const stop = () =>
    new Promise((resolve) => {
      onStop?.();
      if (child.exitCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });

  return {
    url,
    port,
    pid: child.pid,
    child,
    bootSeconds: (Date.now() - started) / 1000,
    output: () => output,
    memory: () => memoryOf(child.pid),
    cpuSeconds: () => cpuSecondsOf(child.pid),
    stop,
  };
}

/** JSON over fetch: status and parsed body (null when empty). */
async function fetchJson(url, init = {}) {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Creates an API token (`full-access` or `read-only`) with an admin JWT; returns its access key. */
async function createApiToken(url, jwt, type = 'full-access', name = `${type}-${Date.now()}`) {
  const res = await fetchJson(`${url}/admin/api-tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${jwt}` },
    body: JSON.stringify({ name, type, lifespan: null, description: '' }),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`creating a ${type} API token answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.data.accessKey;
}

/** Registers the first admin (or logs in) and returns an admin JWT and a full-access API token. */
async function adminCredentials(url, admin = DEFAULT_ADMIN) {
  const post = (route, body) =>
    fetchJson(`${url}${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const init = await fetchJson(`${url}/admin/init`);
  if (!init.body.data.hasAdmin) await post('/admin/register-admin', { firstname: 'Test', lastname: 'Admin', ...admin });
  const login = await post('/admin/login', { email: admin.email, password: admin.password });
  if (login.status !== 200) throw new Error(`admin login answered ${login.status}: ${JSON.stringify(login.body)}`);
  const jwt = login.body.data.token;
  return { jwt, apiToken: await createApiToken(url, jwt, 'full-access', `tests-${Date.now()}`) };
}

module.exports = {
  APP_DIR,
  ROOT,
  PLAYGROUND,
  TEST_SECRETS,
  freePort,
  sleep,
  memoryOf,
  cpuSecondsOf,
  startStrapiProcess,
  fetchJson,
  createApiToken,
  adminCredentials,
};
