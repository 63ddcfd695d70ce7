/**
 * The playground Strapi as a child process for the benchmark: `strapi start` in
 * production mode on a free 127.0.0.1 port, without the admin build. The JS twin of
 * tests/support/strapi-process.ts (the bench runs under plain node), plus the
 * admin calls the bench needs: first admin, API token, Public role permissions and
 * the plugin's settings.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { onInterrupt } = require('./cleanup');

const ROOT = path.resolve(__dirname, '../..');
const PLAYGROUND = path.join(ROOT, 'playground');
const STRAPI_BIN = path.join(ROOT, 'node_modules/@strapi/strapi/bin/strapi.js');

const SECRETS = {
  APP_KEYS: 'benchKeyA,benchKeyB',
  API_TOKEN_SALT: 'bench-api-token-salt',
  ADMIN_JWT_SECRET: 'bench-admin-jwt-secret',
  JWT_SECRET: 'bench-jwt-secret',
  TRANSFER_TOKEN_SALT: 'bench-transfer-token-salt',
  ENCRYPTION_KEY: 'bench-encryption-key',
};

const ADMIN = { email: 'bench@newsroom.test', password: 'Newsroom-bench-2026', firstname: 'Bench', lastname: 'Admin' };

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
 * wall time, it hardly changes when neighbours load the machine: the benchmark reports it
 * per request and per imported document next to the rates.
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
 * Starts Strapi and waits for /_health. `nodeArgs` go to the Strapi node process
 * (e.g. `--cpu-prof`); `env` overrides the playground's configuration.
 */
async function startStrapi({ env = {}, nodeArgs = [], timeoutMs = 180_000 } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, STRAPI_BIN, 'start'], {
    cwd: PLAYGROUND,
    env: {
      ...process.env,
      ...SECRETS,
      STRAPI_LOG_LEVEL: 'error',
      ...env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      SERVE_ADMIN_PANEL: 'false',
      STRAPI_TELEMETRY_DISABLED: 'true',
      STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
      STRAPI_STARTUP_LOG: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
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

  const forget = onInterrupt(() => stop());
  const stop = () =>
    new Promise((resolve) => {
      forget();
      if (child.exitCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });

  return {
    url,
    pid: child.pid,
    bootSeconds: (Date.now() - started) / 1000,
    output: () => output,
    memory: () => memoryOf(child.pid),
    cpuSeconds: () => cpuSecondsOf(child.pid),
    /** SIGTERM (Strapi shuts down and exits, which also writes a --cpu-prof profile); SIGKILL after 30 s. */
    stop,
  };
}

/** JSON over fetch; throws on a non-2xx answer. */
async function request(url, method, route, { body, token, type = 'application/json' } = {}) {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: {
      ...(body !== undefined && { 'Content-Type': type }),
      ...(token && { Authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : body,
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${text.slice(0, 500)}`);
  return json;
}

/** Registers the first admin and returns an admin JWT and a full-access API token. */
async function adminCredentials(url) {
  const init = await request(url, 'GET', '/admin/init');
  if (!init.data.hasAdmin) await request(url, 'POST', '/admin/register-admin', { body: ADMIN });
  const login = await request(url, 'POST', '/admin/login', { body: { email: ADMIN.email, password: ADMIN.password } });
  const jwt = login.data.token;
  const token = await request(url, 'POST', '/admin/api-tokens', {
    token: jwt,
    body: { name: `bench-${Date.now()}`, type: 'full-access', lifespan: null, description: '' },
  });
  return { jwt, apiToken: token.data.accessKey };
}

/**
 * Allows the Public role `actions` (`plugin::newsroom.snippet.find`, …), as an admin does in
 * Settings → Users & Permissions → Roles → Public.
 */
async function grantPublic(url, jwt, actions) {
  const { roles } = await request(url, 'GET', '/users-permissions/roles', { token: jwt });
  const role = roles.find((candidate) => candidate.type === 'public');
  const permissions = {};
  for (const action of actions) {
    const [type, controller, name] = [action.slice(0, action.indexOf('.')), ...action.slice(action.indexOf('.') + 1).split('.')];
    permissions[type] ??= { controllers: {} };
    permissions[type].controllers[controller] ??= {};
    permissions[type].controllers[controller][name] = { enabled: true };
  }
  await request(url, 'PUT', `/users-permissions/roles/${role.id}`, {
    token: jwt,
    body: { name: role.name, description: role.description, permissions },
  });
}

/** Saves plugin settings (Settings → Newsroom); effective at once on this instance. */
const putSettings = (url, jwt, settings) => request(url, 'PUT', '/newsroom/settings', { token: jwt, body: settings });

module.exports = { ROOT, PLAYGROUND, startStrapi, request, adminCredentials, grantPublic, putSettings, memoryOf, cpuSecondsOf, sleep };
