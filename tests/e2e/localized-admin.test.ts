/**
 * The admin panel with localized articles (SPEC 12) in Chromium: one story published in
 * English and German, a German-only article; the Newsroom page shows each row's locale
 * and filters by locale; the editor shows `language` read-only, in either locale.
 */
import type { Browser, Page } from 'playwright-core';
import { SUPER_ADMIN, registerSuperAdmin } from './helpers/admin-api';
import { logIn, mainMenu } from './helpers/admin-page';
import { launchBrowser, screenshot } from './helpers/browser';
import { prepareE2eApp } from './helpers/e2e-app';
import { startE2eServer, type E2eServer } from './helpers/server';
import { createLocales } from '../support/strapi-process';

const SETUP_LIMIT_MS = 240_000;
const BODY = 'A body long enough to publish, in any language.';

describe('newsroom admin panel with localized articles', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let storyId = '';

  /** The Content Manager's API as its Save and Publish buttons call it. */
  async function cm(adminToken: string, method: string, route: string, data: Record<string, unknown>): Promise<string> {
    const res = await fetch(`${server.url}/content-manager/collection-types/plugin::newsroom.article${route}`, {
      method,
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(data),
    });
    const body = (await res.json()) as { data?: { documentId: string } };
    if (!res.ok || !body.data) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(body)}`);
    return body.data.documentId;
  }

  /** Saves a draft in `locale` (a translation when `documentId` is given), then publishes it. */
  async function publish(adminToken: string, locale: string, data: Record<string, unknown>, documentId = ''): Promise<string> {
    const saved = await cm(adminToken, documentId ? 'PUT' : 'POST', `${documentId ? `/${documentId}` : ''}?locale=${locale}`, data);
    return cm(adminToken, 'POST', `/${saved}/actions/publish?locale=${locale}`, {});
  }

  beforeAll(async () => {
    prepareE2eApp();
    server = await startE2eServer({ NEWSROOM_LOCALIZED: 'true' });
    const adminToken = await registerSuperAdmin(server.url);
    await createLocales(server.url, adminToken, [{ code: 'de', name: 'German (de)' }]);
    storyId = await publish(adminToken, 'en', { title: 'Budget passes', body: BODY });
    await publish(adminToken, 'de', { title: 'Haushalt beschlossen', body: BODY }, storyId);
    await publish(adminToken, 'de', { title: 'Nur auf Deutsch', body: BODY });
    browser = await launchBrowser();
    page = (await logIn(browser, server.url, SUPER_ADMIN)).page;
  }, SETUP_LIMIT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const rowOf = (title: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });

  it('lists every locale on the Newsroom page, each row with its locale', async () => {
    await mainMenu(page, 'Newsroom').click();
    await page.getByRole('heading', { name: 'Newsroom', level: 1 }).waitFor();
    await rowOf('Nur auf Deutsch').waitFor();
    await screenshot(page, 'localized-newsroom-all');
    const rows = await page.getByRole('row').allInnerTexts();
    expect(rows).toHaveLength(4);
    expect(rows[0].toLowerCase()).toContain('locale');
    expect(await rowOf('Budget passes').innerText()).toMatch(/\ben\b/);
    expect(await rowOf('Haushalt beschlossen').innerText()).toMatch(/\bde\b/);
  });

  it('filters by locale', async () => {
    await page.getByRole('combobox', { name: 'Locale' }).click();
    await page.getByRole('option', { name: /\(de\)$/ }).click();
    await rowOf('Budget passes').waitFor({ state: 'detached' });
    await rowOf('Haushalt beschlossen').waitFor();
    await rowOf('Nur auf Deutsch').waitFor();
    expect(page.url()).toContain('locale=de');
    await screenshot(page, 'localized-newsroom-de');
  });

  it('opens a translation in its locale, with language read-only', async () => {
    await rowOf('Haushalt beschlossen').getByRole('link', { name: /Haushalt beschlossen/ }).click();
    const title = page.getByRole('textbox', { name: /^title/i });
    await title.waitFor();
    expect(await title.inputValue()).toBe('Haushalt beschlossen');
    const language = page.getByRole('textbox', { name: /^language/i });
    expect(await language.inputValue()).toBe('de');
    expect(await language.isDisabled()).toBe(true);
    await screenshot(page, 'localized-editor-de');
  });
});
