/**
 * The playground Strapi for the benchmark: the shared starter of
 * scripts/lib/strapi-process.js (the tests use it too) with the bench's quiet
 * settings and cleanup on Ctrl-C, plus the admin calls the bench needs: first admin,
 * API tokens, Public role permissions and the plugin's settings.
 */
const shared = require('../../scripts/lib/strapi-process');
const { onInterrupt } = require('./cleanup');

const { ROOT, PLAYGROUND, memoryOf, cpuSecondsOf, sleep, createApiToken } = shared;

const ADMIN = { email: 'bench@newsroom.test', password: 'Newsroom-bench-2026', firstname: 'Bench', lastname: 'Admin' };

/**
 * Starts Strapi and waits for /_health. `nodeArgs` go to the Strapi node process
 * (e.g. `--cpu-prof`); `env` overrides the playground's configuration.
 */
async function startStrapi({ env = {}, nodeArgs = [], timeoutMs = 180_000 } = {}) {
  let forget = () => {};
  const strapi = await shared.startStrapiProcess(
    { STRAPI_LOG_LEVEL: 'error', STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true', STRAPI_STARTUP_LOG: 'false', ...env },
    // SIGTERM lets Strapi shut down and exit, which also writes a --cpu-prof profile.
    { nodeArgs, timeoutMs, killAfterMs: 30_000, outputLimit: 200_000, onStop: () => forget() }
  );
  forget = onInterrupt(() => strapi.stop());
  return strapi;
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

/** Registers the first admin; returns an admin JWT, a full-access and a read-only API token. */
async function adminCredentials(url) {
  const { jwt, apiToken } = await shared.adminCredentials(url, ADMIN);
  return { jwt, apiToken, readOnlyToken: await createApiToken(url, jwt, 'read-only', `bench-read-only-${Date.now()}`) };
}

/** A fresh admin JWT: Strapi's admin sessions expire (after 30 minutes), and a full run takes longer. */
async function adminLogin(url) {
  const login = await request(url, 'POST', '/admin/login', { body: { email: ADMIN.email, password: ADMIN.password } });
  return login.data.token;
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

module.exports = { ROOT, PLAYGROUND, startStrapi, request, adminCredentials, adminLogin, grantPublic, putSettings, memoryOf, cpuSecondsOf, sleep };
