/**
 * SPEC 10: RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the published articles, read back with
 * real feed parsers (feedsmith for each format's own elements, @rowanmanning/feed-parser as
 * a feed reader sees them) and a strict XML 1.0 parser.
 */
import { registerSuperAdmin } from './helpers/admin';
import { articles, categories } from './helpers/documents';
import {
  API_HOST,
  SITE_URL,
  atomOf,
  distributionApi,
  expectWellFormed,
  jsonFeedOf,
  readerOf,
  rssOf,
  xmlTextsOf,
  type FeedFormat,
} from './helpers/feeds';
import { createCategory, draftArticle, publishArticle, uniqueWord } from './helpers/snippets';
import { settingsOf, startStrapi, type TestApp } from './helpers/strapi';

const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('feeds', () => {
  let app: TestApp;
  let api: ReturnType<typeof distributionApi>;

  beforeAll(async () => {
    app = await startStrapi({ NEWSROOM_SITE_URL: SITE_URL });
    api = distributionApi(app);
  });
  afterAll(async () => app?.stop());

  /** Items of one feed, as a reader sees them, for the articles whose title holds `word`. */
  const rssItems = async (query: string) => {
    const res = await api.feed('rss', query);
    expect(res.status).toBe(200);
    return rssOf(res.body).items ?? [];
  };

  describe('RSS 2.0', () => {
    it('is served as application/rss+xml with every required channel and item element', async () => {
      const word = uniqueWord('rss');
      const category = await createCategory(app, `International ${word}`);
      const article = await publishArticle(app, {
        title: `Talks resume ${word}`,
        excerpt: `Negotiators met again ${word}.`,
        language: 'de',
        documentDate: '2026-04-27T20:43:39.000Z',
        categories: [category.documentId],
      });

      const res = await api.feed('rss', `category=${category.slug}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      expectWellFormed(res.body);

      const feed = rssOf(res.body);
      expect(feed).toMatchObject({ title: 'Newsroom', link: SITE_URL, description: expect.any(String) });
      expect(feed.atom?.links?.[0]).toMatchObject({ rel: 'self', href: `http://${API_HOST}/api/newsroom/feeds/rss?category=${category.slug}` });
      expect(feed.lastBuildDate).toMatch(RFC_822);
      expect(feed.items).toHaveLength(1);
      const [item] = feed.items!;
      expect(item).toMatchObject({
        title: `Talks resume ${word}`,
        link: `${SITE_URL}/news/${article.slug}`,
        description: `Negotiators met again ${word}.`,
        guid: { value: expect.stringMatching(URN_UUID), isPermaLink: false },
        pubDate: 'Mon, 27 Apr 2026 20:43:39 GMT',
        categories: [{ name: `International ${word}` }],
        dc: { languages: ['de'] },
      });
      expect(item.dcterms?.modified?.[0]).toMatch(RFC_3339);

      const reader = readerOf(res.body);
      expect(reader.items[0]).toMatchObject({
        id: item.guid?.value,
        url: `${SITE_URL}/news/${article.slug}`,
        published: new Date('2026-04-27T20:43:39.000Z'),
      });
    });
  });

  describe('Atom 1.0', () => {
    it('is served as application/atom+xml with id, title, updated and author, and complete entries', async () => {
      const word = uniqueWord('atom');
      const category = await createCategory(app, `Science ${word}`);
      const article = await publishArticle(app, {
        title: `Comet seen ${word}`,
        language: 'en-GB',
        documentDate: '2026-05-01T08:00:00.000Z',
        categories: [category.documentId],
      });

      const res = await api.feed('atom', `category=${category.slug}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      expectWellFormed(res.body);
      expect(res.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');

      const feed = atomOf(res.body);
      expect(feed.id).toMatch(URN_UUID);
      expect(feed.title).toEqual({ type: 'text', value: 'Newsroom' });
      expect(feed.updated).toMatch(RFC_3339);
      expect(feed.authors?.[0]?.name).toBe('Newsroom');
      expect(feed.links).toEqual(
        expect.arrayContaining([expect.objectContaining({ rel: 'self' }), expect.objectContaining({ rel: 'alternate', href: SITE_URL })])
      );
      expect(feed.entries).toHaveLength(1);
      const [entry] = feed.entries!;
      expect(entry).toMatchObject({
        id: expect.stringMatching(URN_UUID),
        title: { type: 'text', value: `Comet seen ${word}` },
        published: '2026-05-01T08:00:00.000Z',
        links: [{ rel: 'alternate', href: `${SITE_URL}/news/${article.slug}` }],
        categories: [{ term: category.slug, label: `Science ${word}` }],
      });
      expect(entry.updated).toMatch(RFC_3339);
      expect(new Date(entry.updated!).getTime()).toBeGreaterThanOrEqual(new Date(entry.published!).getTime());
      expect(res.body).toContain('<entry xml:lang="en-gb">');
      expect(readerOf(res.body).items[0]).toMatchObject({ id: entry.id, title: `Comet seen ${word}` });
    });
  });

  describe('JSON Feed 1.1', () => {
    it('is served as application/feed+json with version, title and complete items', async () => {
      const word = uniqueWord('json');
      const category = await createCategory(app, `Culture ${word}`);
      const article = await publishArticle(app, {
        title: `Museum opens ${word}`,
        excerpt: 'Doors open on Sunday.',
        language: 'fr',
        documentDate: '2026-05-02T10:30:00.000Z',
        categories: [category.documentId],
      });

      const res = await api.feed('json', `category=${category.slug}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
      expect(JSON.parse(res.body as string)).toMatchObject({ version: 'https://jsonfeed.org/version/1.1' });
      const feed = jsonFeedOf(res.body);
      expect(feed).toMatchObject({
        title: 'Newsroom',
        home_page_url: SITE_URL,
        feed_url: `http://${API_HOST}/api/newsroom/feeds/json?category=${category.slug}`,
      });
      expect(feed.items).toEqual([
        expect.objectContaining({
          id: expect.stringMatching(URN_UUID),
          url: `${SITE_URL}/news/${article.slug}`,
          title: `Museum opens ${word}`,
          content_text: 'Doors open on Sunday.',
          summary: 'Doors open on Sunday.',
          date_published: '2026-05-02T10:30:00.000Z',
          date_modified: expect.stringMatching(RFC_3339),
          tags: [`Culture ${word}`],
          language: 'fr',
        }),
      ]);
    });
  });

  describe('content', () => {
    it('lists published articles only, newest documentDate first, in every format', async () => {
      const word = uniqueWord('order');
      const category = await createCategory(app, `Order ${word}`);
      const inCategory = { categories: [category.documentId] };
      await publishArticle(app, { title: `Older ${word}`, documentDate: '2026-01-01T00:00:00.000Z', ...inCategory });
      await publishArticle(app, { title: `Newer ${word}`, documentDate: '2026-03-01T00:00:00.000Z', ...inCategory });
      await draftArticle(app, { title: `Draft ${word}`, documentDate: '2026-06-01T00:00:00.000Z', ...inCategory });
      const changed = await publishArticle(app, { title: `Published ${word}`, documentDate: '2026-02-01T00:00:00.000Z', ...inCategory });
      await articles(app).update({ documentId: changed.documentId, data: { title: `Unpublished change ${word}` } });

      const expected = [`Newer ${word}`, `Published ${word}`, `Older ${word}`];
      expect((await rssItems(`category=${category.slug}`)).map((item) => item.title)).toEqual(expected);
      const atom = atomOf((await api.feed('atom', `category=${category.slug}`)).body);
      expect(atom.entries?.map((entry) => entry.title?.value)).toEqual(expected);
      const json = jsonFeedOf((await api.feed('json', `category=${category.slug}`)).body);
      expect(json.items?.map((item) => item.title)).toEqual(expected);
    });

    it('keeps an item id when the title and the slug change, and links to the new slug', async () => {
      const word = uniqueWord('ids');
      const category = await createCategory(app, `Ids ${word}`);
      const article = await publishArticle(app, { title: `First title ${word}`, categories: [category.documentId] });
      const before = (await rssItems(`category=${category.slug}`))[0];

      await articles(app).update({ documentId: article.documentId, data: { title: `Second title ${word}`, slug: `renamed-${word}` }, status: 'published' });
      const after = (await rssItems(`category=${category.slug}`))[0];

      expect(after.title).toBe(`Second title ${word}`);
      expect(after.link).toBe(`${SITE_URL}/news/renamed-${word}`);
      expect(after.guid?.value).toBe(before.guid?.value);
      const atomIds = atomOf((await api.feed('atom', `category=${category.slug}`)).body).entries?.map((entry) => entry.id);
      const jsonIds = jsonFeedOf((await api.feed('json', `category=${category.slug}`)).body).items?.map((item) => item.id);
      expect(atomIds).toEqual([before.guid?.value]);
      expect(jsonIds).toEqual([before.guid?.value]);
    });

    it('builds links from the articleUrl template: first category by name, date in UTC, no double slash', async () => {
      const word = uniqueWord('links');
      const zulu = await createCategory(app, `Zulu ${word}`);
      const alpha = await createCategory(app, `Alpha ${word}`);
      const tagged = await publishArticle(app, {
        title: `Tagged ${word}`,
        language: 'de',
        documentDate: '2026-04-30T23:30:00.000-02:00',
        categories: [zulu.documentId, alpha.documentId],
      });
      const bare = await publishArticle(app, { title: `Bare ${word}`, language: 'de', documentDate: '2026-04-02T10:00:00.000Z' });
      await settingsOf(app).update({ articleUrl: '{siteUrl}/{language}/{category}/{yyyy}/{mm}/{dd}/{slug}' });
      try {
        const items = await rssItems('language=de&limit=100');
        const linkOf = (slug: unknown) => items.find((item) => item.link?.endsWith(`/${String(slug)}`))?.link;
        expect(linkOf(tagged.slug)).toBe(`${SITE_URL}/de/${alpha.slug}/2026/05/01/${String(tagged.slug)}`);
        expect(linkOf(bare.slug)).toBe(`${SITE_URL}/de/2026/04/02/${String(bare.slug)}`);
      } finally {
        await settingsOf(app).update({ articleUrl: '{siteUrl}/news/{slug}' });
      }
    });

    it('filters by category and language as the snippet list does, and takes a limit', async () => {
      const word = uniqueWord('filter');
      const category = await createCategory(app, `Filter ${word}`);
      const other = await createCategory(app, `Other ${word}`);
      await publishArticle(app, { title: `English ${word}`, language: 'en-GB', categories: [category.documentId] });
      await publishArticle(app, { title: `German ${word}`, language: 'de', categories: [category.documentId] });
      await publishArticle(app, { title: `Elsewhere ${word}`, language: 'en', categories: [other.documentId] });

      const titles = async (query: string) => (await rssItems(query)).map((item) => item.title).sort();
      expect(await titles(`category=${category.slug}`)).toEqual([`English ${word}`, `German ${word}`]);
      expect(await titles(`category=${category.slug}&language=English`)).toEqual([`English ${word}`]);
      expect(await titles(`category=${category.slug},${other.slug}&language=en`)).toEqual([`Elsewhere ${word}`, `English ${word}`]);
      expect(await titles(`category=${category.slug}&category=${other.slug}&limit=1`)).toHaveLength(1);
      const channel = rssOf((await api.feed('rss', `category=${category.slug}&language=en`)).body);
      expect(channel.language).toBe('en');
    });

    it('serves 50 items by default and at most the limit', async () => {
      const word = uniqueWord('limit');
      const category = await createCategory(app, `Limit ${word}`);
      for (let i = 0; i < 52; i += 1) await publishArticle(app, { title: `Item ${i} ${word}`, categories: [category.documentId] });
      expect(await rssItems(`category=${category.slug}`)).toHaveLength(50);
      expect(await rssItems(`category=${category.slug}&limit=100`)).toHaveLength(52);
      expect(await rssItems(`category=${category.slug}&limit=3`)).toHaveLength(3);
    });

    it('writes hostile titles, excerpts and category names as well-formed documents, without the characters XML forbids', async () => {
      const word = uniqueWord('hostile');
      const hostile = `A ]]> <script>alert("x")</script> &amp; &nbsp; &#169; & \u0001\u0008\u000B\u001F\uFFFE end ${word} ☃ 🎉`;
      const cleaned = `A ]]> <script>alert("x")</script> &amp; &nbsp; &#169; &  end ${word} ☃ 🎉`;
      const category = await createCategory(app, `Cat ]]> <b>&amp; ${word}`);
      const storedName = String(category.name);
      await publishArticle(app, { title: hostile, excerpt: `<![CDATA[ x ]]> ${hostile}`, categories: [category.documentId] });

      const rss = (await api.feed('rss', `category=${category.slug}`)).body as string;
      expect(xmlTextsOf(rss, 'title').slice(1)).toEqual([cleaned]);
      expect(xmlTextsOf(rss, 'description').slice(1)).toEqual([`<![CDATA[ x ]]> ${cleaned}`]);
      expect(xmlTextsOf(rss, 'category')).toEqual([storedName]);
      expect(rssOf(rss).items).toHaveLength(1);
      expect(readerOf(rss).items).toHaveLength(1);

      const atom = (await api.feed('atom', `category=${category.slug}`)).body as string;
      expect(xmlTextsOf(atom, 'title').slice(1)).toEqual([cleaned]);
      expect(xmlTextsOf(atom, 'summary')).toEqual([`<![CDATA[ x ]]> ${cleaned}`]);
      expect(readerOf(atom).items).toHaveLength(1);

      const json = jsonFeedOf((await api.feed('json', `category=${category.slug}`)).body).items![0];
      expect(json.title).toBe(cleaned);
      expect(json.tags).toEqual([storedName]);
    });
  });

  describe('query', () => {
    it.each([
      ['x=1', 'x'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=1e2', 'limit'],
      ['limit=05', 'limit'],
      ['limit=5&limit=6', 'limit'],
      ['limit[$gt]=5', 'limit'],
      ['category=', 'category'],
      ['category[$ne]=x', 'category'],
      ['category=Not%20A%20Slug', 'category'],
      ['language=klingon', 'language'],
      ['page=2', 'page'],
      ['pageSize=5', 'pageSize'],
      ['filters[title]=x', 'filters'],
      ['q=nuclear', 'q'],
      ['constructor=1', 'constructor'],
    ])('refuses %p with a 400 naming %p', async (query, parameter) => {
      for (const format of ['rss', 'atom', 'json'] as FeedFormat[]) {
        const res = await api.feed(format, query);
        expect({ format, status: res.status }).toEqual({ format, status: 400 });
        const body = JSON.parse(res.body) as { error: { name: string; message: string; details: { parameter: string } } };
        expect(body.error).toMatchObject({ name: 'ValidationError', details: { parameter } });
        expect(body.error.message).toContain(`"${parameter}"`);
      }
    });
  });

  describe('freshness and conditional requests', () => {
    it('answers 304 to a matching If-None-Match, and to If-Modified-Since at or after Last-Modified', async () => {
      for (const format of ['rss', 'atom', 'json'] as FeedFormat[]) {
        const first = await api.feed(format);
        expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
        expect(first.headers['last-modified']).toMatch(RFC_822);
        const byTag = await api.feed(format).set('If-None-Match', first.headers.etag as string);
        expect(byTag.status).toBe(304);
        expect(byTag.body).toBe('');
        expect(byTag.headers.etag).toBe(first.headers.etag);
        const byDate = await api.feed(format).set('If-Modified-Since', first.headers['last-modified'] as string);
        expect(byDate.status).toBe(304);
        const earlier = new Date(Date.parse(first.headers['last-modified'] as string) - 1000).toUTCString();
        expect((await api.feed(format).set('If-Modified-Since', earlier)).status).toBe(200);
        // If-None-Match decides when both are sent (RFC 9110).
        expect((await api.feed(format).set('If-None-Match', '"other"').set('If-Modified-Since', first.headers['last-modified'] as string)).status).toBe(200);
      }
    });

    it('shows every article and category write in the next answer, and then no longer answers 304 to the old validators', async () => {
      const word = uniqueWord('fresh');
      const category = await createCategory(app, `Before ${word}`);
      const query = `category=${category.slug}`;
      const article = await publishArticle(app, { title: `Fresh ${word}`, categories: [category.documentId] });
      const first = await api.feed('rss', query);
      expect(rssOf(first.body).items?.map((item) => item.categories)).toEqual([[{ name: `Before ${word}` }]]);

      await categories(app).update({ documentId: category.documentId, data: { name: `After ${word}` } });
      const renamed = await api.feed('rss', query).set('If-None-Match', first.headers.etag as string);
      expect(renamed.status).toBe(200);
      expect(rssOf(renamed.body).items?.map((item) => item.categories)).toEqual([[{ name: `After ${word}` }]]);
      const since = await api.feed('rss', query).set('If-Modified-Since', first.headers['last-modified'] as string);
      expect(since.status).toBe(200);

      await articles(app).unpublish({ documentId: article.documentId });
      const unpublished = await api.feed('rss', query).set('If-Modified-Since', renamed.headers['last-modified'] as string);
      expect(unpublished.status).toBe(200);
      expect(rssOf(unpublished.body).items ?? []).toEqual([]);
    });

    it('says Vary: Authorization and Cache-Control private with credentials', async () => {
      const res = await api.feed('atom');
      expect(res.headers.vary).toMatch(/Authorization/);
      expect(res.headers['cache-control']).toBe('private, max-age=60');
      expect((await api.feed('atom', 'limit=0')).headers.vary).toMatch(/Authorization/);
    });
  });

  describe('settings', () => {
    it('use feedTitle for the title and publicationName, or the title, for the author', async () => {
      await settingsOf(app).update({ feedTitle: 'Daily <Wire> & Co' });
      try {
        expect(rssOf((await api.feed('rss', 'limit=1')).body).title).toBe('Daily <Wire> & Co');
        expect(atomOf((await api.feed('atom', 'limit=1')).body).authors?.[0]?.name).toBe('Daily <Wire> & Co');
        await settingsOf(app).update({ publicationName: 'The Wire' });
        expect(atomOf((await api.feed('atom', 'limit=1')).body).authors?.[0]?.name).toBe('The Wire');
        expect(jsonFeedOf((await api.feed('json', 'limit=1')).body).authors).toEqual([{ name: 'The Wire' }]);
      } finally {
        await settingsOf(app).update({ feedTitle: 'Newsroom', publicationName: null });
      }
    });

    it('are checked by PUT /newsroom/settings, which answers 400 naming the field', async () => {
      const admin = await registerSuperAdmin(app);
      const bad = await admin.put('/newsroom/settings', { articleUrl: '{siteUrl}/news/{title}' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.errors).toEqual([expect.objectContaining({ path: ['articleUrl'], message: expect.stringContaining('{title}') })]);
      expect((await admin.put('/newsroom/settings', { siteUrl: 'example.com' })).body.error.details.errors[0].path).toEqual(['siteUrl']);
      const good = await admin.put('/newsroom/settings', { feedTitle: ' The Wire ', articleUrl: '{siteUrl}/{yyyy}/{slug}' });
      expect(good.status).toBe(200);
      expect(good.body.data).toMatchObject({ siteUrl: SITE_URL, feedTitle: 'The Wire', articleUrl: '{siteUrl}/{yyyy}/{slug}', publicationName: null });
      await admin.put('/newsroom/settings', { feedTitle: 'Newsroom', articleUrl: '{siteUrl}/news/{slug}' });
    });

    it('answer 404 naming siteUrl on every feed and sitemap route until it is set', async () => {
      await settingsOf(app).update({ siteUrl: null });
      try {
        const paths = ['/api/newsroom/feeds/rss', '/api/newsroom/feeds/atom', '/api/newsroom/feeds/json', '/api/newsroom/sitemap.xml', '/api/newsroom/sitemap-1.xml', '/api/newsroom/news-sitemap.xml'];
        for (const path of paths) {
          const res = await api.get(path);
          expect({ path, status: res.status }).toEqual({ path, status: 404 });
          const body = JSON.parse(res.body) as { error: { message: string; details: { setting: string } } };
          expect(body.error.details).toEqual({ setting: 'siteUrl' });
          expect(body.error.message).toContain('siteUrl');
        }
      } finally {
        await settingsOf(app).update({ siteUrl: SITE_URL });
      }
      expect((await api.feed('rss')).status).toBe(200);
    });
  });
});
