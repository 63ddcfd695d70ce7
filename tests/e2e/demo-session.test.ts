/**
 * `npm run demo` is quiet. The demo's app (the e2e copy of the playground with its admin
 * build, production mode, the demo's environment and seed: scripts/lib/demo-session.js)
 * goes through a normal session in Chromium: log in, the Newsroom page, an import,
 * Settings → Newsroom, the Content Manager, the API documentation. No request gets a 5xx,
 * and Strapi logs no error, no warning, no stack trace, and no message the demo contradicts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ADMIN, DEMO_ENV, seedDemo } from '../../scripts/lib/demo-session';
import { startStrapiProcess, type StrapiProcess } from '../support/strapi-process';
import { logIn, mainMenu } from './helpers/admin-page';
import { launchBrowser } from './helpers/browser';
import { E2E_APP, prepareE2eApp } from './helpers/e2e-app';

const SEED_TITLE = "Iran's Supreme Leader shifts Stance on Nuclear talks with the U.S.";
const SETUP_LIMIT_MS = 240_000;

describe('the demo', () => {
  let server: StrapiProcess;
  let dataDir: string;
  let browser: Browser;
  let page: Page;
  const failures: string[] = [];

  beforeAll(async () => {
    prepareE2eApp();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-demo-test-'));
    server = await startStrapiProcess(
      { ...DEMO_ENV, STRAPI_LOG_LEVEL: 'warn', DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dataDir, 'data.db') },
      { serveAdmin: true, cwd: E2E_APP }
    );
    await seedDemo(server.url);
    browser = await launchBrowser();
    ({ page } = await logIn(browser, server.url, DEMO_ADMIN));
    page.on('response', (res) => {
      if (res.status() >= 500) failures.push(`${res.status()} ${res.request().method()} ${res.url()}`);
    });
  }, SETUP_LIMIT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves a favicon, and the OpenAPI document at /documentation as the README says', async () => {
    const favicon = await fetch(`${server.url}/favicon.ico`);
    expect(favicon.status).toBe(200);
    expect((await favicon.arrayBuffer()).byteLength).toBeGreaterThan(0);
    for (const route of ['/documentation', '/documentation/v1.0.0']) {
      const res = await fetch(`${server.url}${route}`);
      expect([route, res.status]).toEqual([route, 200]);
      expect(await res.text()).toContain('/newsroom/snippets');
    }
  });

  it('goes through a normal admin session without a 5xx', async () => {
    await mainMenu(page, 'Newsroom').click();
    await page.getByRole('heading', { name: 'Newsroom', level: 1 }).waitFor();
    await page.getByRole('row').filter({ hasText: SEED_TITLE }).waitFor();

    await page.getByRole('link', { name: 'Import documents' }).first().click();
    await page.getByLabel('Snippet documents').fill('## A note from the desk\n\nAuthor: Demo\n\n---\n\nexample.org\n\nThe body of the note.');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('row').filter({ hasText: 'A note from the desk' }).waitFor();
    await page.getByRole('button', { name: 'Import as drafts' }).click();
    await page.getByText(/1 article created/).waitFor();

    await page.goto(`${server.url}/admin/settings/newsroom`);
    await page.getByLabel(/excerpt length/i).waitFor();

    await page.goto(`${server.url}/admin/content-manager/collection-types/plugin::newsroom.article`);
    await page.getByRole('row').filter({ hasText: SEED_TITLE }).first().click();
    await page.getByRole('textbox', { name: /title/i }).first().waitFor();

    await page.goto(`${server.url}/admin/plugins/documentation`);
    await page.getByText('1.0.0').first().waitFor();

    expect(failures).toEqual([]);
  });

  it('logs no error, warning or stack trace, and never asks to create the administrator it created', () => {
    // Strapi colours its level names even when the output is not a terminal.
    const lines = server.output().replace(/\x1b\[[0-9;]*m/g, '').split('\n');
    const problems = lines.filter((line) => /\b(error|warn)\b|^\s+at .+:\d+:\d+\)?$|^\w*Error:|Create your first administrator/.test(line));
    expect(problems).toEqual([]);
  });
});
