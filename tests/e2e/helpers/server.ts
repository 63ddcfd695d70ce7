/**
 * The e2e app as a child process (`strapi start`, production mode, serving its built
 * admin panel) on a free port with a fresh SQLite file, stopped by the test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStrapiProcess } from '../../support/strapi-process';
import { E2E_APP } from './e2e-app';

export interface E2eServer {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** `env`: more settings of the app, `NEWSROOM_LOCALIZED: 'true'` say. */
export async function startE2eServer(env: Record<string, string> = {}): Promise<E2eServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-db-'));
  try {
    const server = await startStrapiProcess(
      { ...env, DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dataDir, 'data.db') },
      { serveAdmin: true, cwd: E2E_APP }
    );
    return {
      url: server.url,
      output: server.output,
      stop: async () => {
        await server.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
