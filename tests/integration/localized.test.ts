/**
 * Localization (SPEC 12) over HTTP, with the database kept across restarts: articles
 * written while `localized` is false go to the locales of their languages when it is
 * switched on (the startup log says how many went where); slugs are unique per locale
 * and frozen per locale; switching back keeps every article.
 */
import { adminCredentials, appHasPackage, createLocales, startStrapiProcess, type StrapiProcess } from '../support/strapi-process';
import { createTestDatabase, type TestDatabase } from './helpers/databases';

jest.setTimeout(300_000);

let database: TestDatabase;
let strapi: StrapiProcess | null = null;
let token = '';
let jwt = '';

interface Article {
  documentId: string;
  title: string;
  slug: string;
  language: string;
  locale?: string | null;
  publishedAt: string | null;
}

const start = async (localized: boolean) => {
  strapi = await startStrapiProcess({
    ...database.env,
    NEWSROOM_LOCALIZED: String(localized),
    NEWSROOM_SITE_URL: 'https://example.org',
    STRAPI_LOG_LEVEL: 'info',
  });
  const credentials = await adminCredentials(strapi.url);
  token = credentials.apiToken;
  jwt = credentials.jwt;
  return credentials;
};

const stop = async () => {
  await strapi?.stop();
  strapi = null;
};

async function call(method: string, route: string, body?: unknown): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- REST answers of several shapes
  if (!strapi) throw new Error('Strapi is not running');
  const res = await fetch(`${strapi.url}${route}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const write = async (method: 'POST' | 'PUT', route: string, data: Record<string, unknown>): Promise<Article> => {
  const res = await call(method, route, { data });
  if (res.status !== 200 && res.status !== 201) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as Article;
};

/** Every version of every article (drafts, so each document once per locale). */
const drafts = async (query = ''): Promise<Article[]> => {
  const res = await call('GET', `/api/newsroom/articles?status=draft&pagination[pageSize]=100&sort=id:asc${query}`);
  if (res.status !== 200) throw new Error(`list: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as Article[];
};

const body = 'A body long enough to publish, in any language.';

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await stop();
  await database.drop();
});

describe('a database filled while localized is false', () => {
  const written: Record<string, Article> = {};

  it('is written without locales', async () => {
    const { jwt } = await start(false);
    await createLocales(strapi!.url, jwt, [
      { code: 'de', name: 'German (de)' },
      { code: 'fa', name: 'Persian (fa)' },
    ]);
    written.en = await write('POST', '/api/newsroom/articles?status=published', { title: 'Same story', body, language: 'en' });
    written.de = await write('POST', '/api/newsroom/articles?status=published', { title: 'Eine Geschichte', body, language: 'German' });
    written.fa = await write('POST', '/api/newsroom/articles?status=draft', { title: 'Persian story', body, language: 'fa' });
    written.fr = await write('POST', '/api/newsroom/articles?status=draft', { title: 'Une histoire', body, language: 'fr' });
    expect((await drafts()).map((article) => article.language)).toEqual(['en', 'de', 'fa', 'fr']);
    await stop();
  });

  it('goes to the locales of the languages when localized is switched on, and the log says so', async () => {
    await start(true);
    expect(strapi!.output()).toContain(
      'newsroom: articles are localized now: 4 articles in locales: 1 to "de", 2 to "en", 1 to "fa"; 1 of them have a language without a locale and went to the default locale "en"'
    );
    const byLocale = async (locale: string) => (await drafts(`&locale=${locale}`)).map((article) => [article.title, article.documentId]);
    expect(await byLocale('en')).toEqual([
      ['Same story', written.en.documentId],
      ['Une histoire', written.fr.documentId],
    ]);
    expect(await byLocale('de')).toEqual([['Eine Geschichte', written.de.documentId]]);
    expect(await byLocale('fa')).toEqual([['Persian story', written.fa.documentId]]);
  });
});

describe('with localized true', () => {
  let story: Article;
  let translation: Article;

  it('gives a translation the same slug in its own locale, and its language is its locale', async () => {
    story = await write('POST', '/api/newsroom/articles?status=published&locale=en', { title: 'Breaking news', body });
    expect(story).toMatchObject({ slug: 'breaking-news', locale: 'en', language: 'en' });
    translation = await write('PUT', `/api/newsroom/articles/${story.documentId}?locale=de&status=draft`, { title: 'Breaking news', body, language: 'fa' });
    expect(translation).toMatchObject({ documentId: story.documentId, slug: 'breaking-news', locale: 'de', language: 'de' });
  });

  it('keeps slugs unique within a locale', async () => {
    const other = await write('POST', '/api/newsroom/articles?locale=de&status=draft', { title: 'Breaking news', body });
    expect(other).toMatchObject({ slug: 'breaking-news-2', locale: 'de' });
    const persian = await write('POST', '/api/newsroom/articles?locale=fa&status=draft', { title: 'Breaking news', body });
    expect(persian).toMatchObject({ slug: 'breaking-news', locale: 'fa', language: 'fa' });
  });

  it('freezes each locale’s slug at that locale’s first publication, not before', async () => {
    const draftRetitled = await write('PUT', `/api/newsroom/articles/${story.documentId}?locale=de&status=draft`, { title: 'Eilmeldung' });
    expect(draftRetitled.slug).toBe('eilmeldung');
    await write('PUT', `/api/newsroom/articles/${story.documentId}?locale=de&status=published`, { title: 'Eilmeldung heute' });
    const published = await write('PUT', `/api/newsroom/articles/${story.documentId}?locale=de&status=draft`, { title: 'Eilmeldung morgen' });
    expect(published.slug).toBe('eilmeldung-heute');
    const english = await write('PUT', `/api/newsroom/articles/${story.documentId}?locale=en&status=draft`, { title: 'Breaking news today' });
    expect(english.slug).toBe('breaking-news');
  });

  it('derives the excerpt and the counts per locale', async () => {
    const en = await write('PUT', `/api/newsroom/articles/${story.documentId}?locale=en&status=draft`, { body: 'one two three' });
    const de = await write('PUT', `/api/newsroom/articles/${story.documentId}?locale=de&status=draft`, { body: 'eins zwei drei vier fünf' });
    expect(en).toMatchObject({ excerpt: 'one two three', wordCount: 3 });
    expect(de).toMatchObject({ excerpt: 'eins zwei drei vier fünf', wordCount: 5 });
  });

  it('refuses a translation without a title, as any article', async () => {
    const res = await call('POST', '/api/newsroom/articles?locale=de&status=draft', { data: { title: '' } });
    expect(res.status).toBe(400);
  });
});

describe('snippets with localized true', () => {
  const get = (route: string) => call('GET', `/api/newsroom/snippets${route}`);

  it('lists one locale, each snippet with its locale and its published translations', async () => {
    const de = await get('?locale=de');
    expect(de.status).toBe(200);
    const titles = de.body.data.map((snippet: { title: string }) => snippet.title);
    expect(titles).toEqual(expect.arrayContaining(['Eilmeldung heute', 'Eine Geschichte']));
    expect(titles).not.toContain('Same story');
    const translated = de.body.data.find((snippet: { title: string }) => snippet.title === 'Eilmeldung heute');
    expect(translated).toMatchObject({ slug: 'eilmeldung-heute', locale: 'de', language: 'de', localizations: [{ locale: 'en', slug: 'breaking-news' }] });
    const en = await get('?locale=en');
    const english = en.body.data.find((snippet: { slug: string }) => snippet.slug === 'breaking-news');
    expect(english).toMatchObject({ locale: 'en', localizations: [{ locale: 'de', slug: 'eilmeldung-heute' }] });
  });

  it('maps language to its locale, and without either serves the default locale', async () => {
    expect((await get('?language=German')).body).toEqual((await get('?locale=de')).body);
    const plain = await get('');
    expect(plain.body.data.every((snippet: { locale: string }) => snippet.locale === 'en')).toBe(true);
  });

  it('finds a slug in its locale only', async () => {
    const found = await get('/eilmeldung-heute?locale=de');
    expect(found.status).toBe(200);
    expect(found.body.data).toMatchObject({ locale: 'de', localizations: [{ locale: 'en', slug: 'breaking-news' }] });
    expect((await get('/eilmeldung-heute?locale=en')).status).toBe(404);
    expect((await get('/eilmeldung-heute')).status).toBe(404);
    expect((await get('/breaking-news')).status).toBe(200);
  });

  it('follows a translation unpublished and published again in the Content Manager; its slug stays', async () => {
    const story = (await get('/breaking-news?locale=en')).body.data as { documentId: string };
    const action = (name: 'publish' | 'unpublish') =>
      fetch(`${strapi!.url}/content-manager/collection-types/plugin::newsroom.article/${story.documentId}/actions/${name}?locale=de`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
    expect((await action('unpublish')).status).toBe(200);
    expect((await get('/eilmeldung-heute?locale=de')).status).toBe(404);
    expect((await get('/breaking-news?locale=en')).body.data.localizations).toEqual([]);
    expect((await action('publish')).status).toBe(200);
    expect((await get('/eilmeldung-heute?locale=de')).status).toBe(200);
    expect((await get('/breaking-news?locale=en')).body.data.localizations).toEqual([{ locale: 'de', slug: 'eilmeldung-heute' }]);
  });

  it('refuses a locale that is not configured and a language without a locale, naming the parameter', async () => {
    const locale = await get('?locale=xx');
    expect(locale.status).toBe(400);
    expect(locale.body.error.details).toEqual({ parameter: 'locale' });
    const language = await get('?language=French');
    expect(language.status).toBe(400);
    expect(language.body.error.message).toContain('no locale serves "fr"');
  });
});

describe('import with localized true', () => {
  const doc = (title: string, language: string, extra = '') =>
    `## ${title}\n\nDocument Date: 2026-03-03 10:15\nCategory: ${language}, Politics\n${extra}---\n\nexample.org\n\nThe text of ${title}.\n`;
  const post = (text: string) =>
    fetch(`${strapi!.url}/api/newsroom/import?publish=true`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain; charset=utf-8' },
      body: text,
    }).then(async (res) => ({ status: res.status, body: (await res.json()) as { data: Array<{ status: string; slug: string | null; errors: unknown }> } }));

  it('puts each document in the locale of its language; a language without a locale is invalid, naming it', async () => {
    const res = await post(doc('Budget passed', 'English') + doc('Budget passed', 'German') + doc('Budget passed', 'Persian') + doc('Budget voté', 'French'));
    expect(res.status).toBe(200);
    expect(res.body.data.map((entry) => entry.status)).toEqual(['created', 'created', 'created', 'invalid']);
    expect(res.body.data.slice(0, 3).map((entry) => entry.slug)).toEqual(['budget-passed', 'budget-passed', 'budget-passed']);
    expect(JSON.stringify(res.body.data[3].errors)).toContain('add the locale \\"fr\\"');
    for (const locale of ['en', 'de', 'fa']) {
      const found = (await drafts(`&locale=${locale}`)).filter((article) => article.title === 'Budget passed');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ locale, language: locale });
    }
  });

  it('is idempotent per locale', async () => {
    const res = await post(doc('Budget passed', 'German') + doc('Budget passed', 'English'));
    expect(res.body.data.map((entry) => entry.status)).toEqual(['duplicate', 'duplicate']);
  });

  it('adds a document with "Translation of" as a translation of the article it names', async () => {
    const res = await post(
      doc('Keine Geschichte', 'German', 'Translation of: no-such-article\n') +
        doc('Dieselbe Geschichte', 'German', 'Translation of: same-story\n') +
        doc('Noch einmal', 'German', 'Translation of: same-story\n')
    );
    expect(res.body.data.map((entry) => entry.status)).toEqual(['invalid', 'created', 'invalid']);
    expect(JSON.stringify(res.body.data[0].errors)).toContain('no article has the slug or documentId');
    expect(JSON.stringify(res.body.data[2].errors)).toContain('has a \\"de\\" version already');
    expect(res.body.data[1].slug).toBe('dieselbe-geschichte');
    const snippet = await call('GET', '/api/newsroom/snippets/same-story?locale=en');
    expect(snippet.body.data.localizations).toEqual([{ locale: 'de', slug: 'dieselbe-geschichte' }]);
  });

  it('previews each document with the locale it goes to, and a translation with the article it translates', async () => {
    // "same-story" has an English and a German version by now.
    const story = (await call('GET', '/api/newsroom/snippets/same-story?locale=en')).body.data as { documentId: string };
    const text =
      doc('Gleiche Geschichte', 'German', 'Translation of: same-story\n') +
      doc('Preview in Persian', 'Persian', 'Translation of: same-story\n') +
      doc('Fresh preview story', 'English') +
      doc('Frische Vorschau', 'German', 'Translation of: fresh-preview-story\n') +
      doc('Aperçu', 'French');
    const before = await drafts('&locale=*');
    const res = await asAdmin('/newsroom/import/preview', { documents: [text] });
    expect(res.status).toBe(200);
    const rows = res.body.data as Array<{ status: string; locale: string | null; translationOf: unknown; errors: unknown }>;
    expect(rows.map((row) => [row.status, row.locale])).toEqual([
      ['invalid', 'de'],
      ['new', 'fa'],
      ['new', 'en'],
      ['new', 'de'],
      ['invalid', null],
    ]);
    const existing = { reference: 'same-story', documentId: story.documentId, title: 'Same story', slug: 'same-story' };
    expect(rows.map((row) => row.translationOf)).toEqual([
      existing,
      existing,
      null,
      // The article of the same import it will translate (written first).
      { reference: 'fresh-preview-story', documentId: null, title: 'Fresh preview story', slug: 'fresh-preview-story' },
      null,
    ]);
    expect(JSON.stringify(rows[0].errors)).toContain('has a \\"de\\" version already');
    expect(res.body.meta).toEqual({ new: 3, duplicates: 0, invalid: 2, locales: ['en', 'de', 'fa'] });
    expect(await drafts('&locale=*')).toHaveLength(before.length);
  });

  it('imports a translation from the admin as the importing editor: creator and last editor', async () => {
    const me = (await asAdmin('/admin/users/me')).body.data as { id: number };
    const res = await asAdmin('/newsroom/import', { documents: [doc('Persian same story', 'Persian', 'Translation of: same-story\n')] });
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({ status: 'created', slug: 'persian-same-story' });
    const documentId = res.body.data[0].documentId as string;
    const persian = await asAdmin(`/content-manager/collection-types/plugin::newsroom.article/${documentId}?locale=fa`);
    expect(persian.status).toBe(200);
    expect(persian.body.data).toMatchObject({ locale: 'fa', title: 'Persian same story' });
    expect([persian.body.data.createdBy?.id, persian.body.data.updatedBy?.id]).toEqual([me.id, me.id]);
  });
});

describe('feeds, sitemaps and GraphQL with localized true', () => {
  // The import above published three articles "Budget passed", in en, de and fa, all with the slug budget-passed.
  const link = (locale: string) => `https://example.org/${locale}/news/budget-passed`;
  const items = async (query: string) => {
    const res = await call('GET', `/api/newsroom/feeds/json${query}`);
    expect(res.status).toBe(200);
    return res.body as { language?: string; items: Array<{ url: string; title: string; language?: string }> };
  };

  it('gives a feed per locale, with links that carry the locale', async () => {
    const de = await items('?locale=de');
    expect(de.language).toBe('de');
    expect(de.items.every((item) => item.language === 'de')).toBe(true);
    expect(de.items.find((item) => item.title === 'Budget passed')?.url).toBe(link('de'));
    expect((await items('?language=Persian')).items).toEqual((await items('?locale=fa')).items);
    const plain = await items('');
    expect(plain.items.map((item) => item.language)).toEqual(plain.items.map(() => 'en'));
    expect(plain.items.find((item) => item.title === 'Budget passed')?.url).toBe(link('en'));
    const bad = await call('GET', '/api/newsroom/feeds/rss?locale=xx');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual({ parameter: 'locale' });
  });

  it('lists each translation once in the sitemap, with hreflang alternates of the others', async () => {
    const res = await fetch(`${strapi!.url}/api/newsroom/sitemap.xml`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    const urls = xml.split('<url>').slice(1);
    const locs = urls.map((url) => url.slice(url.indexOf('<loc>') + 5, url.indexOf('</loc>')));
    expect(new Set(locs).size).toBe(locs.length);
    // Three articles share the slug budget-passed, one per locale: three URLs.
    expect(locs).toEqual(expect.arrayContaining([link('en'), link('de'), link('fa')]));
    const german = urls.find((url) => url.includes('<loc>https://example.org/de/news/eilmeldung-heute</loc>'));
    const alternates = [...(german ?? '').matchAll(/hreflang="([a-z]+)" href="([^"]+)"/g)].map((match) => [match[1], match[2]]);
    expect(alternates).toEqual([
      ['de', 'https://example.org/de/news/eilmeldung-heute'],
      ['en', 'https://example.org/en/news/breaking-news'],
    ]);
    // An article in one locale only has no alternates.
    const alone = urls.find((url) => url.includes('<loc>https://example.org/de/news/eine-geschichte</loc>'));
    expect(alone).toBeDefined();
    expect(alone).not.toContain('xhtml:link');
  });

  // Where the app has the GraphQL plugin (the playground; not a fresh app of the compatibility matrix).
  (appHasPackage('@strapi/plugin-graphql') ? it : it.skip)('takes locale in GraphQL and gives each snippet its locale and translations', async () => {
    const gql = async (query: string) => {
      const res = await call('POST', '/graphql', { query });
      expect(res.status).toBe(200);
      return res.body as { data: any; errors?: Array<{ message: string; extensions?: { code?: string } }> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers of several shapes
    };
    const list = await gql('{ newsroomSnippets(locale: "de", pageSize: 100) { data { slug locale localizations { locale slug } } } }');
    expect(list.data.newsroomSnippets.data).toContainEqual({ slug: 'eilmeldung-heute', locale: 'de', localizations: [{ locale: 'en', slug: 'breaking-news' }] });
    expect(list.data.newsroomSnippets.data).toContainEqual({ slug: 'budget-passed', locale: 'de', localizations: [] });
    const one = await gql('{ newsroomSnippet(slug: "eilmeldung-heute", locale: "de") { locale title } }');
    // Published again in the Content Manager above, with the draft's title.
    expect(one.data.newsroomSnippet).toEqual({ locale: 'de', title: 'Eilmeldung morgen' });
    expect((await gql('{ newsroomSnippet(slug: "eilmeldung-heute") { locale } }')).data.newsroomSnippet).toBeNull();
    const bad = await gql('{ newsroomSnippets(locale: "xx") { data { slug } } }');
    expect(bad.errors?.[0]).toMatchObject({ message: expect.stringContaining('Invalid argument "locale"'), extensions: { code: 'BAD_USER_INPUT' } });
  });
});

/** An admin API call as the super admin: a GET, or a POST of `body`. */
const asAdmin = async (route: string, body?: unknown) => {
  const res = await fetch(`${strapi!.url}${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- admin answers of several shapes
};

const languageEditable = async () =>
  (await asAdmin(`/content-manager/content-types/plugin::newsroom.article/configuration`)).body.data.contentType.metadatas.language.edit.editable;

describe('the admin with localized true', () => {
  it('lists every locale on the Newsroom page, each row with its locale, and filters by locale', async () => {
    const filters = await asAdmin('/newsroom/filters');
    expect(filters.body.data.locales).toEqual(['en', 'de', 'fa']);
    const all = await asAdmin('/newsroom/snippets?pageSize=100');
    expect(all.status).toBe(200);
    const budget = all.body.data.filter((snippet: { slug: string }) => snippet.slug === 'budget-passed');
    expect(budget.map((snippet: { locale: string }) => snippet.locale).sort()).toEqual(['de', 'en', 'fa']);
    const persian = await asAdmin('/newsroom/snippets?pageSize=100&locale=fa');
    expect(persian.body.data.length).toBeGreaterThan(0);
    expect(persian.body.data.every((snippet: { locale: string }) => snippet.locale === 'fa')).toBe(true);
    expect((await asAdmin('/newsroom/snippets?locale=xx')).status).toBe(400);
  });

  it('previews the locale being edited in the side panel, listing the article’s other locales', async () => {
    const { documentId } = (await call('GET', '/api/newsroom/snippets/breaking-news?locale=en')).body.data as { documentId: string };
    const preview = (locale?: string) => asAdmin(`/newsroom/articles/${documentId}/preview${locale === undefined ? '' : `?locale=${locale}`}`);
    const de = await preview('de');
    expect(de.status).toBe(200);
    // Published again in the Content Manager above, with the draft's title.
    expect(de.body.data).toMatchObject({ title: 'Eilmeldung morgen', slug: 'eilmeldung-heute', locale: 'de' });
    expect(de.body.meta).toMatchObject({ published: true, locale: 'de' });
    // English was published as "Breaking news", its draft retitled since: the status is the one the Content Manager
    // shows for it ("modified" where the draft was saved last; Strapi 5.5 also stamps the published version when
    // another locale's shared fields are written, and its Content Manager then says "published").
    const english = await asAdmin(`/content-manager/collection-types/plugin::newsroom.article/${documentId}?locale=en`);
    expect(['modified', 'published']).toContain(english.body.data.status);
    expect(de.body.meta.translations).toEqual([{ locale: 'en', title: 'Breaking news', slug: 'breaking-news', status: english.body.data.status }]);
    const en = await preview('en');
    expect(en.body.data).toMatchObject({ title: 'Breaking news', slug: 'breaking-news', locale: 'en' });
    expect(en.body.meta.translations).toEqual([expect.objectContaining({ locale: 'de', title: 'Eilmeldung morgen', slug: 'eilmeldung-heute' })]);
    // Without a locale: the default one, as the Content Manager opens it.
    expect((await preview()).body).toEqual(en.body);
  });

  it('refuses a preview locale that is not configured with a 400 naming it, and a locale the article lacks with a 404', async () => {
    const { documentId } = (await call('GET', '/api/newsroom/snippets/breaking-news?locale=en')).body.data as { documentId: string };
    const unknown = await asAdmin(`/newsroom/articles/${documentId}/preview?locale=xx`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual({ parameter: 'locale' });
    expect(unknown.body.error.message).toContain('must be one of the configured locales: en, de, fa');
    const missing = await asAdmin(`/newsroom/articles/${documentId}/preview?locale=fa`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('in the locale "fa"');
  });

  it('shows language read-only in the editor: it is the locale', async () => {
    expect(await languageEditable()).toBe(false);
  });
});

describe('switching localized back to false', () => {
  it('keeps every article: each translation becomes an article of its own with a slug free among all', async () => {
    const before = await drafts('&locale=*');
    await stop();
    await start(false);
    expect(strapi!.output()).toContain('translations became articles of their own');
    expect(await languageEditable()).toBe(true);
    const after = await drafts();
    expect(after).toHaveLength(before.length);
    expect(after.map((article) => article.title).sort()).toEqual(before.map((article) => article.title).sort());
    const slugs = after.map((article) => article.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(new Set(after.map((article) => article.documentId)).size).toBe(after.length);
    // Slugs are claimed anew across all articles: a new one takes the next free suffix.
    const next = await write('POST', '/api/newsroom/articles', { title: 'Breaking news', body });
    expect(slugs).not.toContain(next.slug);
    expect(next.slug).toMatch(/^breaking-news-\d+$/);
  });
});
