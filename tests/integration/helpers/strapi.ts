/**
 * Boots the playground Strapi app in this process, with the plugin installed from its
 * packed tarball (scripts/install-plugin.js, run by `npm test` before Jest), on a fresh
 * database. Tests talk HTTP through supertest and may use the Document Service directly.
 *
 * NEWSROOM_APP_DIR boots another app instead (scripts/compat/run.js: a fresh
 * create-strapi-app project, built, with the plugin installed from the same tarball),
 * with that app's own Strapi; a TypeScript app runs from its `dist`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { getService } from '../../../server/src/utils/get-service';
import { APP_DIR, TEST_SECRETS } from '../../support/strapi-process';
import { createTestDatabase, type TestDatabase } from './databases';

export const PLAYGROUND = APP_DIR;

/** Where Strapi loads the app's code from: `dist` for a built TypeScript app. */
const DIST_DIR = fs.existsSync(path.join(APP_DIR, 'tsconfig.json')) ? path.join(APP_DIR, 'dist') : APP_DIR;

/** `@strapi/strapi` as the app resolves it: the playground's is the repository's, another app has its own. */
const loadStrapi = (): Promise<typeof import('@strapi/strapi')> => import(require.resolve('@strapi/strapi', { paths: [APP_DIR] }));

export interface TestApp {
  strapi: Core.Strapi;
  database: TestDatabase;
  /** A full-access API token. */
  token: string;
  http(): ReturnType<typeof request>;
  stop(): Promise<void>;
}

export async function startStrapi(extraEnv: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  Object.assign(process.env, TEST_SECRETS, database.env, extraEnv, {
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'error',
    STRAPI_STARTUP_LOG: 'false',
  });
  process.chdir(APP_DIR);
  const { createStrapi } = await loadStrapi();
  let strapi: Core.Strapi;
  try {
    strapi = await createStrapi({ appDir: APP_DIR, distDir: DIST_DIR }).load();
  } catch (error) {
    await database.drop();
    throw error;
  } finally {
    for (const key of Object.keys(extraEnv)) delete process.env[key];
  }
  strapi.log.level = process.env.STRAPI_LOG_LEVEL ?? 'error';
  await strapi.server.mount();

  const apiToken = (await strapi.service('admin::api-token').create({
    name: `newsroom-tests-${Date.now()}`,
    type: 'full-access',
    lifespan: null,
  })) as { accessKey: string };

  return {
    strapi,
    database,
    token: apiToken.accessKey,
    http: () => request(strapi.server.httpServer),
    async stop() {
      await strapi.destroy();
      await database.drop();
    },
  };
}

export interface UseStrapiOptions {
  /** Environment of this Strapi (the playground's config reads it). */
  env?: Record<string, string>;
  /** Clean-up that needs the app, before it stops (files it generated, say). */
  beforeStop?: (app: TestApp) => void | Promise<void>;
}

/**
 * One Strapi for the tests of the describe block (or file) it is called in: started
 * in a `beforeAll` (declare it before the block's other hooks, which then see it
 * started), stopped in an `afterAll`. The app returned forwards to it, so hooks and
 * tests use it as they would the result of `startStrapi`.
 */
export function useStrapi(options: UseStrapiOptions = {}): TestApp {
  let started: TestApp | null = null;
  const current = (): TestApp => {
    if (!started) throw new Error('useStrapi: Strapi is not running here; use the app inside hooks and tests');
    return started;
  };
  const stop = async () => {
    const app = started;
    started = null;
    if (!app) return;
    try {
      await options.beforeStop?.(app);
    } finally {
      await app.stop();
    }
  };
  beforeAll(async () => {
    started = await startStrapi(options.env);
  });
  afterAll(stop);
  return {
    get strapi() {
      return current().strapi;
    },
    get database() {
      return current().database;
    },
    get token() {
      return current().token;
    },
    http: () => current().http(),
    stop,
  };
}

/** The plugin's settings service, typed as the server declares it (services/settings.ts). */
export const settingsOf = (app: TestApp) => getService(app.strapi, 'settings');
