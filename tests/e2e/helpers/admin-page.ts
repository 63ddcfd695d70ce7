/** Steps in the admin panel that every scenario shares. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Credentials } from './admin-api';

export interface AdminTab {
  context: BrowserContext;
  page: Page;
}

/** A fresh browser context (own storage, so own session) logged in as `user`. */
export async function logIn(browser: Browser, base: string, user: Credentials): Promise<AdminTab> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US', colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${base}/admin/auth/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await mainMenu(page, 'Home').waitFor();
  await dismissAnnouncements(page);
  return { context, page };
}

/** Strapi greets new sessions with a release banner; it would cover the top of every screenshot. */
async function dismissAnnouncements(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'Close the banner.' });
  if ((await close.count()) === 0) return;
  await close.click();
  await close.waitFor({ state: 'detached' });
}

/** A link of the main menu (left), not of a page's own navigation (Settings has one). */
export const mainMenu = (page: Page, name: string) => page.getByRole('navigation').first().getByRole('link', { name, exact: true });

/** The names of the main menu's links, as a screen reader announces them. */
export async function menuLinks(page: Page): Promise<string[]> {
  const names = await page
    .getByRole('navigation')
    .first()
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => (link.getAttribute('aria-label') ?? link.textContent ?? '').trim()));
  return names.filter((name) => name !== '');
}
