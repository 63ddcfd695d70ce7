/**
 * Frontend revalidation in Settings → Newsroom (SPEC 11), in Chromium: an admin adds a
 * frontend, sends it a test, and sees the delivery arrive, signed; the secret is never
 * shown again. Screenshots in light and dark.
 */
import type { Browser, Page } from 'playwright-core';
import { startReceiver, type Receiver } from '../support/revalidation-receiver';
import { SUPER_ADMIN, registerSuperAdmin } from './helpers/admin-api';
import { logIn, type AdminTab } from './helpers/admin-page';
import { launchBrowser, screenshot } from './helpers/browser';
import { prepareE2eApp } from './helpers/e2e-app';
import { startE2eServer, type E2eServer } from './helpers/server';

const SECRET = 'e2e-frontend-secret-4242';

describe('frontend revalidation in the admin panel', () => {
  let server: E2eServer;
  let browser: Browser;
  let receiver: Receiver;
  let admin: AdminTab;
  let page: Page;

  beforeAll(async () => {
    prepareE2eApp();
    receiver = await startReceiver(SECRET);
    server = await startE2eServer();
    await registerSuperAdmin(server.url);
    browser = await launchBrowser();
    admin = await logIn(browser, server.url, SUPER_ADMIN);
    page = admin.page;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await receiver?.close();
  });

  const dialog = () => page.getByRole('dialog');

  it('adds a frontend, checking its fields first', async () => {
    await page.goto(`${server.url}/admin/settings/newsroom`);
    await page.getByRole('heading', { name: 'Frontend revalidation' }).waitFor();
    await page.getByText('No frontend is told of changes yet.').waitFor();
    await page.getByRole('button', { name: 'Add a frontend' }).click();

    await dialog().getByLabel('Name').fill('Website');
    await dialog().getByLabel('URL').fill('not a url');
    await dialog().getByLabel('Secret').fill('short');
    await dialog().getByLabel('Paths').fill('/news\nnews/{title}');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await dialog().getByText('Enter an absolute http or https URL.').waitFor();
    await dialog().getByText('Enter a secret of 16 to 1024 characters.').waitFor();
    await dialog().getByText('Start every path with / and use only the placeholders {slug}, {documentId}, {language}, {category}, {yyyy}, {mm}, {dd}.').waitFor();
    await screenshot(page, 'settings-revalidation-target');

    await dialog().getByLabel('URL').fill(receiver.url);
    await dialog().getByLabel('Secret').fill(SECRET);
    await dialog().getByLabel('Paths').fill('/news\n/news/{slug}');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await page.getByText('Frontends saved. Changes from now on are sent to them.').waitFor();
    await dialog().waitFor({ state: 'detached' });

    const row = page.getByRole('row').filter({ hasText: 'Website' });
    await row.waitFor();
    expect(await row.innerText()).toContain('…4242');
    expect(await page.content()).not.toContain(SECRET);
  });

  it('sends a test and sees it delivered, signed with the secret', async () => {
    await page.getByRole('button', { name: 'Send a test to Website' }).click();
    await page.getByText('Website answered HTTP 200.').waitFor();
    const delivered = page.getByRole('row').filter({ hasText: 'Delivered' }).filter({ hasText: 'test' });
    await delivered.waitFor();
    expect(await delivered.innerText()).toContain('HTTP 200');

    expect(receiver.receipts).toHaveLength(1);
    expect(receiver.receipts[0]).toMatchObject({ signed: true, answer: 200, payload: { event: 'test' } });
    await page.getByRole('heading', { name: 'Recent deliveries' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-revalidation');
  });

  it('keeps the secret when the frontend is edited without retyping it', async () => {
    await page.getByRole('button', { name: 'Edit Website' }).click();
    const secret = dialog().getByLabel('Secret');
    expect(await secret.inputValue()).toBe('');
    expect(await secret.getAttribute('placeholder')).toContain('…4242');
    await dialog().getByLabel('Paths').fill('/news\n/news/{slug}\n/category/{category}');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await dialog().waitFor({ state: 'detached' });

    receiver.answerNext(500);
    await page.getByRole('button', { name: 'Send a test to Website' }).click();
    await page.getByText('The test to Website failed: HTTP 500.').waitFor();
    // Still signed with the secret typed when the frontend was added.
    expect(receiver.receipts[1]).toMatchObject({ signed: true, answer: 500 });
    await page.getByRole('row').filter({ hasText: 'Failed' }).waitFor();
  });

  it('follows the dark theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await page.getByRole('heading', { name: 'Recent deliveries' }).scrollIntoViewIfNeeded();
    await page.getByRole('row').filter({ hasText: 'Failed' }).waitFor();
    await screenshot(page, 'settings-revalidation-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('removes the frontend after asking', async () => {
    await page.getByRole('button', { name: 'Remove Website' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    await page.getByText('No frontend is told of changes yet.').waitFor();
  });
});
