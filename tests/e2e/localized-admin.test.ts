/**
 * The admin panel with localized articles (SPEC 12) in Chromium: one story published in
 * English and German, a German-only article; the Newsroom page shows each row's locale
 * and filters by locale; the editor shows `language` read-only, in either locale, and the
 * snippet preview beside it shows the locale being edited with its translations; the import
 * preview shows the locale each document goes to and filters by locale.
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

  it('previews the German version in the side panel, listing English as a translation that opens in the editor', async () => {
    const panel = page.getByTestId('newsroom-snippet-preview');
    await panel.getByText('Haushalt beschlossen', { exact: true }).waitFor();
    const translations = panel.getByTestId('newsroom-snippet-translations');
    const english = translations.getByRole('link', { name: /\(en\)$/ });
    await english.waitFor();
    expect(await translations.innerText()).toMatch(/published[\s\S]*Budget passes[\s\S]*budget-passes/i);
    expect(await translations.innerText()).not.toContain('Haushalt');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'localized-editor-de-preview');

    await english.click();
    await page.waitForURL(/plugins\[i18n\]\[locale\]=en|plugins%5Bi18n%5D%5Blocale%5D=en/);
    const title = page.getByRole('textbox', { name: /^title/i });
    // The editor loads the English version in place: its title arrives after the URL changes.
    await panel.getByText('Budget passes', { exact: true }).waitFor();
    expect(await title.inputValue()).toBe('Budget passes');
    await translations.getByRole('link', { name: /\(de\)$/ }).waitFor();
  });

  it('previews an import with the locale each document goes to, and filters the preview by locale', async () => {
    const doc = (title: string, category: string, extra = '') =>
      `## ${title}\n\nDocument Date: 2026-03-03 10:15\nCategory: ${category}\n${extra}---\n\nexample.org\n\nThe text of ${title}.\n`;
    await mainMenu(page, 'Newsroom').click();
    await page.getByRole('link', { name: 'Import documents' }).first().click();
    await page.getByRole('heading', { name: 'Import documents', level: 1 }).waitFor();
    // The language comes from the Category line (SPEC 6): "German" puts the document in the locale de.
    await page
      .getByLabel('Snippet documents')
      .fill(doc('Imported story', 'English, Politics', 'Translation of: nur-auf-deutsch\n') + doc('Importierte Geschichte', 'German, Politics'));
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: 'Preview: 2 of 2 documents ready to import', level: 2 }).waitFor();

    const importRow = (title: string) => page.getByRole('row').filter({ hasText: title });
    const header = await page.getByRole('row').first().innerText();
    expect(header.toLowerCase()).toContain('locale');
    expect(header.toLowerCase()).not.toContain('language');
    const english = await importRow('Imported story').innerText();
    expect(english).toMatch(/ready[\s\S]*Imported story[\s\S]*Translation of\s+Nur auf Deutsch[\s\S]*\ben\b/i);
    expect(await importRow('Importierte Geschichte').innerText()).toMatch(/ready[\s\S]*\bde\b/i);
    await screenshot(page, 'localized-import-preview');

    await page.getByRole('combobox', { name: 'Locale' }).click();
    await page.getByRole('option', { name: /\(de\)$/ }).click();
    await importRow('Imported story').waitFor({ state: 'detached' });
    await importRow('Importierte Geschichte').waitFor();
    expect(await page.getByRole('row').count()).toBe(2);
    await screenshot(page, 'localized-import-preview-de');
  });
});
