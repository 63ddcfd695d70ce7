/**
 * The playground Strapi as a child process (`strapi start`), for tests that need several
 * instances on one database or a browser. Talks HTTP only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const PLAYGROUND = path.join(ROOT, 'playground');
/** The app the tests boot: the playground, or another app (NEWSROOM_APP_DIR, scripts/compat/run.js). */
export const APP_DIR = process.env.NEWSROOM_APP_DIR ? path.resolve(process.env.NEWSROOM_APP_DIR) : PLAYGROUND;
/** The app's own Strapi: the playground shares the repository's node_modules. */
const STRAPI_BIN = path.join(path.dirname(require.resolve('@strapi/strapi/package.json', { paths: [APP_DIR] })), 'bin/strapi.js');

export const TEST_SECRETS = {
  APP_KEYS: 'testKeyA,testKeyB',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  JWT_SECRET: 'test-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  ENCRYPTION_KEY: 'test-encryption-key',
};

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

export interface StrapiProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export interface StrapiProcessOptions {
  /** Serve the admin panel (the app must have been built). */
  serveAdmin?: boolean;
  /** The app directory; the playground by default. */
  cwd?: string;
}

export async function startStrapiProcess(env: Record<string, string>, options: StrapiProcessOptions = {}): Promise<StrapiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [STRAPI_BIN, 'start'], {
    cwd: options.cwd ?? APP_DIR,
    env: {
      ...process.env,
      ...TEST_SECRETS,
      ...env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      SERVE_ADMIN_PANEL: options.serveAdmin ? 'true' : 'false',
      STRAPI_TELEMETRY_DISABLED: 'true',
      STRAPI_LOG_LEVEL: env.STRAPI_LOG_LEVEL ?? process.env.STRAPI_LOG_LEVEL ?? 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Strapi exited during startup (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/_health`)).status === 204) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Strapi did not become healthy in 120 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    url,
    port,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function json(url: string, init: RequestInit): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- test JSON of many shapes
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Registers the first admin (or logs in) and returns an admin JWT and a full-access API token. */
export async function adminCredentials(url: string, admin = { email: 'admin@newsroom.test', password: 'Newsroom-test-2026' }) {
  const post = (route: string, body: unknown, token?: string) =>
    json(`${url}${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token && { Authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });
  const init = await json(`${url}/admin/init`, {});
  if (!init.body.data.hasAdmin) {
    await post('/admin/register-admin', { ...admin, firstname: 'Test', lastname: 'Admin' });
  }
  const login = await post('/admin/login', admin);
  const jwt: string = login.body.data.token;
  const token = await post('/admin/api-tokens', { name: `tests-${Date.now()}`, type: 'full-access', lifespan: null, description: '' }, jwt);
  return { jwt, apiToken: token.body.data.accessKey as string };
}
