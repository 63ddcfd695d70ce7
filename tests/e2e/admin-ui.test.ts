/**
 * The admin panel in Chromium (SPEC 7), against the e2e app (helpers/e2e-app.ts): one
 * story, in order, as an admin and then an editor live it. Each step leaves a screenshot
 * (docs/screenshots for the README with NEWSROOM_UPDATE_SCREENSHOTS=1, the temp directory otherwise).
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { EDITOR, SUPER_ADMIN, createDraftArticle, createEditor, registerSuperAdmin } from './helpers/admin-api';
import { isFocused, isInViewport } from './helpers/viewport';
import { logIn, mainMenu, menuLinks, type AdminTab } from './helpers/admin-page';
import { launchBrowser, screenshot } from './helpers/browser';
import { EXAMPLE_TEMPLATE_TYPES, prepareE2eApp } from './helpers/e2e-app';
import { startE2eServer, type E2eServer } from './helpers/server';

const SEED = path.resolve(__dirname, '../fixtures/seed-khamenei-nuclear-talks.txt');
const SEED_TITLE = "Iran's Supreme Leader shifts Stance on Nuclear talks with the U.S.";
/** A document the editor adds by hand: no body, and a header line the format does not know. */
const BROKEN = '## Notes for the desk\n\nAuthor: Nobody\nCategory: Politics\n\n---\n';
/** A header line the format does not know, added to the seed: its article is created with a warning. */
const AUTHOR_LINE = 'Author: Newsroom desk';
const SETUP_LIMIT_MS = 240_000;

describe('newsroom admin panel in a browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let adminToken: string;
  let admin: AdminTab;
  let page: Page;
  let excerptBefore = '';
  let articleUrl = '';

  beforeAll(async () => {
    prepareE2eApp();
    server = await startE2eServer();
    adminToken = await registerSuperAdmin(server.url);
    await createEditor(server.url, adminToken);
    browser = await launchBrowser();
    admin = await logIn(browser, server.url, SUPER_ADMIN);
    page = admin.page;
  }, SETUP_LIMIT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const text = (testId: string) => page.getByTestId(testId).innerText();

  it('opens the Newsroom page from the left menu', async () => {
    await mainMenu(page, 'Newsroom').click();
    await page.getByRole('heading', { name: 'Newsroom', level: 1 }).waitFor();
    await page.getByText('No published snippets yet.').waitFor();
  });

  it('previews a chosen .txt file and pasted text, with problems by line, before anything is saved', async () => {
    await page.getByRole('link', { name: 'Import documents' }).first().click();
    await page.getByRole('heading', { name: 'Import documents', level: 1 }).waitFor();
    // The file picker and drag and drop share one path: the file's text joins the text area.
    await page.locator('input[type="file"]').setInputFiles(SEED);
    // The browser reads the file asynchronously: wait for its text to arrive.
    await page.waitForFunction(
      (heading) => Array.from(document.querySelectorAll('textarea')).some((area) => area.value.includes(heading)),
      `## ${SEED_TITLE}`
    );
    const source = page.getByLabel('Snippet documents');
    const fileText = await source.inputValue();
    expect(fileText).toContain(`## ${SEED_TITLE}`);
    const seedText = fileText.replace('\nCategory:', `\n${AUTHOR_LINE}\n\nCategory:`);
    await source.fill(`${seedText.trimEnd()}\n\n${BROKEN}`);
    const brokenLine = seedText.trimEnd().split('\n').length + 2;
    await page.getByRole('button', { name: 'Preview' }).click();

    // The preview starts below the text: the page brings it into view, moves focus there and announces it.
    const heading = page.getByRole('heading', { name: 'Preview: 1 of 2 documents ready to import', level: 2 });
    await heading.waitFor();
    await page.waitForFunction(isInViewport, await heading.elementHandle());
    expect(await heading.evaluate(isFocused)).toBe(true);
    expect(await page.getByTestId('import-announcement').innerText()).toBe('Preview: 1 of 2 documents ready to import');

    const row = page.getByRole('row').filter({ hasText: SEED_TITLE });
    await row.waitFor();
    expect(await row.innerText()).toEqual(expect.stringMatching(/Ready[\s\S]*en[\s\S]*International[\s\S]*Snippets[\s\S]*rki\.news/i));
    expect(await row.innerText()).toContain(`unknown header line "${AUTHOR_LINE}" is ignored`);
    const broken = await page.getByRole('row').filter({ hasText: 'Notes for the desk' }).innerText();
    expect(broken).toMatch(/invalid/i);
    expect(broken).toContain(`From line ${brokenLine}`);
    expect(broken).toMatch(/Line \d+: .*body/i);
    expect(broken).toMatch(/Line \d+: .*Author/);
    await page.getByRole('button', { name: 'Import and publish' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'import-preview');
  });

  it('imports and publishes it, showing the result with a link to the article', async () => {
    await page.getByRole('button', { name: 'Import and publish' }).click();
    await page.getByText('1 article created, 0 duplicates, 1 invalid.').waitFor();
    const result = page.getByRole('row').filter({ hasText: SEED_TITLE });
    expect(await result.innerText()).toMatch(/created/i);
    // Created, yet a line of it was left out: the result says so, as the preview did.
    expect(await result.innerText()).toMatch(new RegExp(`Line \\d+: unknown header line "${AUTHOR_LINE}" is ignored`));
    const heading = page.getByRole('heading', { name: 'Import result', level: 2 });
    await page.waitForFunction(isInViewport, await heading.elementHandle());
    expect(await heading.evaluate(isFocused)).toBe(true);
    expect(await page.getByTestId('import-announcement').innerText()).toBe('Import finished: 1 created, 0 duplicates, 1 invalid');
    expect(await result.getByRole('link', { name: SEED_TITLE }).getAttribute('href')).toMatch(
      /\/admin\/content-manager\/collection-types\/plugin::newsroom\.article\/[a-z0-9]+$/
    );
    expect(await page.getByRole('row').filter({ hasText: 'Notes for the desk' }).innerText()).toMatch(/invalid[\s\S]*Line \d+: .*body/i);
    await screenshot(page, 'import-result');
  });

  it('lists the published snippet, with working filters', async () => {
    await mainMenu(page, 'Newsroom').click();
    const row = page.getByRole('row').filter({ hasText: SEED_TITLE });
    await row.waitFor();
    expect(await row.innerText()).toEqual(expect.stringMatching(/International[\s\S]*Snippets[\s\S]*en[\s\S]*rki\.news[\s\S]*2 min/i));

    await page.getByPlaceholder('Search titles and excerpts').fill('no such words');
    await page.getByText('No published snippet matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await page.getByRole('combobox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Snippets' }).click();
    await row.waitFor();
    expect(page.url()).toContain('category=snippets');
    await screenshot(page, 'newsroom-page');
  });

  it('shows the snippet preview beside the article in the Content Manager', async () => {
    await page.getByRole('link', { name: SEED_TITLE }).click();
    const panel = page.getByTestId('newsroom-snippet-preview');
    await panel.waitFor();
    articleUrl = page.url();
    excerptBefore = await text('newsroom-snippet-excerpt');
    expect(excerptBefore.startsWith("In a significant diplomatic development, Iran's Supreme Leader")).toBe(true);
    expect(Array.from(excerptBefore).length).toBeLessThanOrEqual(280);
    expect(await panel.innerText()).toEqual(expect.stringMatching(/Served[\s\S]*International[\s\S]*Snippets[\s\S]*irans-supreme-leader/i));
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'preview-panel');
  });

  it('marks the preview of an article that is not published yet', async () => {
    const documentId = await createDraftArticle(server.url, adminToken, {
      title: 'Council approves the new tram line',
      body: 'The city council approved the tram line on Tuesday. Construction starts next spring and takes three years.',
      source: 'example.org',
    });
    await page.goto(`${server.url}/admin/content-manager/collection-types/plugin::newsroom.article/${documentId}`);
    const panel = page.getByTestId('newsroom-snippet-preview');
    await panel.waitFor();
    expect(await panel.innerText()).toEqual(
      expect.stringMatching(/Not published[\s\S]*Computed from the draft[\s\S]*Council approves the new tram line[\s\S]*council-approves-the-new-tram-line/i)
    );
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'preview-panel-draft');
  });

  it('validates the settings form at the field before saving', async () => {
    await mainMenu(page, 'Settings').click();
    await page.waitForURL('**/admin/settings/**');
    // The settings menu's own link: the main menu has a "Newsroom" link too.
    await page.locator('a[href$="/settings/newsroom"]').click();
    const excerptLength = page.getByLabel('Excerpt length');
    await excerptLength.waitFor();
    await screenshot(page, 'settings');
    await excerptLength.fill('50');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Enter a whole number from 80 to 1000.').waitFor();
    await screenshot(page, 'settings-validation');
  });

  it('saves a new excerpt length, and the preview follows it', async () => {
    await page.getByLabel('Excerpt length').fill('100');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved. They apply from the next request on.').waitFor();

    await page.goto(articleUrl);
    const excerpt = page.getByTestId('newsroom-snippet-excerpt');
    await excerpt.waitFor();
    const after = await excerpt.innerText();
    expect(Array.from(after).length).toBeLessThanOrEqual(100);
    expect(after.endsWith('…')).toBe(true);
    expect(excerptBefore.startsWith(after.slice(0, -1).trimEnd())).toBe(true);
  });

  it('checks a settings field as soon as the editor leaves it, before Save', async () => {
    await page.goto(`${server.url}/admin/settings/newsroom`);
    const cacheMaxAge = page.getByLabel('Cache max age');
    await cacheMaxAge.fill('-5');
    const cacheMessage = page.getByText('Enter a whole number of seconds from 0 to 86400.');
    // Typing alone does not nag; leaving the field does.
    expect(await cacheMessage.count()).toBe(0);
    await cacheMaxAge.press('Tab');
    await cacheMessage.waitFor();
    expect(await cacheMaxAge.getAttribute('aria-invalid')).toBe('true');

    // Leaving the language list also checks the default language, which must be one of them.
    const languages = page.getByLabel('Languages');
    await languages.fill('de, fr');
    await languages.press('Tab');
    await page.getByText('Enter a language code such as en or de; when languages are listed, it must be one of them.').waitFor();
    await screenshot(page, 'settings-checked-on-leave');

    await languages.fill('');
    await languages.press('Tab');
    await cacheMaxAge.fill('60');
    await cacheMaxAge.press('Tab');
    await cacheMessage.waitFor({ state: 'detached' });
    expect(await page.getByText('when languages are listed, it must be one of them').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
  });

  it('finds a time zone by typing part of its name, and saves it', async () => {
    const zone = page.getByRole('combobox', { name: 'Import time zone' });
    expect(await zone.inputValue()).toBe('UTC');
    await zone.click();
    await zone.pressSequentially('Berl');
    // What was typed searches the list: it is not appended to the current zone.
    expect(await zone.inputValue()).toBe('Berl');
    const berlin = page.getByRole('option', { name: 'Europe/Berlin' });
    await berlin.waitFor();
    expect(await page.getByText('No time zone matches').count()).toBe(0);
    await screenshot(page, 'settings-time-zone');
    await berlin.click();
    expect(await zone.inputValue()).toBe('Europe/Berlin');

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved. They apply from the next request on.').waitFor();
    await page.reload();
    expect(await zone.inputValue()).toBe('Europe/Berlin');

    // By keyboard alone: Tab in, type, Enter takes the only match.
    await page.getByLabel('Languages').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.type('new york');
    await page.getByRole('option', { name: 'America/New_York' }).waitFor();
    await page.keyboard.press('Enter');
    expect(await zone.inputValue()).toBe('America/New_York');
  });

  it('checks the feed settings when a field is left, and saves the site URL', async () => {
    await page.goto(`${server.url}/admin/settings/newsroom`);
    await page.getByRole('heading', { name: 'Feeds and sitemaps' }).waitFor();
    const siteUrl = page.getByLabel('Site URL');
    await siteUrl.fill('www.example.com');
    await siteUrl.press('Tab');
    await page.getByText('Enter an absolute http(s) address without a query, such as https://www.example.com.').waitFor();
    const articleUrl = page.getByLabel('Article URL');
    await articleUrl.fill('{siteUrl}/news/{title}');
    await articleUrl.press('Tab');
    const templateMessage = page.getByText('Use known placeholders only, include {slug} or {documentId}, and start with {siteUrl} or https://.');
    await templateMessage.waitFor();
    expect(await articleUrl.getAttribute('aria-invalid')).toBe('true');

    await siteUrl.fill('https://www.example.com/');
    await articleUrl.fill('{siteUrl}/{yyyy}/{slug}');
    await articleUrl.press('Tab');
    await templateMessage.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved. They apply from the next request on.').waitFor();
    await page.reload();
    expect(await page.getByLabel('Site URL').inputValue()).toBe('https://www.example.com');
    expect(await page.getByLabel('Article URL').inputValue()).toBe('{siteUrl}/{yyyy}/{slug}');
  });

  it("names its content types apart from an app's own Article and Category in the Content Manager", async () => {
    await mainMenu(page, 'Content Manager').click();
    const nav = page.getByRole('navigation', { name: 'Content Manager' });
    await nav.getByRole('link', { name: 'Newsroom article' }).waitFor();
    const names = (await nav.getByRole('link').allInnerTexts()).map((name) => name.trim());
    // The app's types, as create-strapi-app's example template names them, are there too.
    for (const { schema } of EXAMPLE_TEMPLATE_TYPES) expect(names).toContain(schema.info.displayName);
    expect(names).toEqual(expect.arrayContaining(['Newsroom article', 'Newsroom category']));
    // Every entry of the list is one type: no name appears twice.
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);

    await nav.getByRole('link', { name: 'Newsroom article' }).click();
    await page.getByRole('heading', { name: 'Newsroom article', level: 1 }).waitFor();
    await page.getByRole('row').filter({ hasText: SEED_TITLE }).waitFor();
    await screenshot(page, 'content-manager-types');
  });

  it('follows the dark theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    // Opened by address, so no focused menu link shows its tooltip over the page.
    await page.goto(`${server.url}/admin/plugins/newsroom`);
    await page.getByRole('row').filter({ hasText: SEED_TITLE }).waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [red, green, blue] = (background.match(/\d+/g) ?? []).map(Number);
    expect(red + green + blue).toBeLessThan(3 * 80);
    await screenshot(page, 'newsroom-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows an editor without Newsroom permissions no Newsroom menu entry or settings link', async () => {
    const editor = await logIn(browser, server.url, EDITOR);
    try {
      const links = await menuLinks(editor.page);
      expect(links).toContain('Content Manager');
      expect(links).not.toContain('Newsroom');

      await editor.page.goto(`${server.url}/admin/settings`);
      await editor.page.getByRole('heading', { name: 'Settings' }).first().waitFor();
      expect(await editor.page.getByRole('link', { name: 'Newsroom' }).count()).toBe(0);

      // Typing the address is no way around it: the page itself checks the permission.
      await editor.page.goto(`${server.url}/admin/plugins/newsroom`);
      await editor.page.getByText("You don't have the permissions to access that content").waitFor();
      await screenshot(editor.page, 'editor-without-permission');
    } finally {
      await editor.context.close();
    }
  });
});
