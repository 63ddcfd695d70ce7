/** Debian's Chromium driven by playwright-core (never a downloaded browser), and screenshots for the docs. */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { tempAppDir } from '../../../scripts/lib/app-copy';
import { ROOT } from '../../support/strapi-process';

/**
 * The README's screenshots are replaced only on request (NEWSROOM_UPDATE_SCREENSHOTS=1):
 * a plain test run writes its own to the temp directory (a folder per checkout) and leaves the tree as it was.
 */
export const SCREENSHOTS =
  process.env.NEWSROOM_UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs/screenshots') : tempAppDir('newsroom-e2e-screenshots');
const CHROMIUM = process.env.NEWSROOM_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Saves the viewport as <SCREENSHOTS>/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
