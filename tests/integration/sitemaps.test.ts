/**
 * SPEC 10: the sitemap of every published article (an index of parts past the part size,
 * lowered to 3 here with NEWSROOM_SITEMAP_PART_SIZE) and the Google News sitemap, parsed
 * with a strict XML parser and checked against the elements the sitemaps.org and Google
 * News schemas require.
 */
import { articles } from './helpers/documents';
import { API_HOST, SITE_URL, distributionApi, sitemapOf } from './helpers/feeds';
import { draftArticle, publishArticle, uniqueWord } from './helpers/snippets';
import { settingsOf, startStrapi, type TestApp } from './helpers/strapi';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const PART_SIZE = 3;
const HOUR = 60 * 60 * 1000;

/** `Mon, Apr 27 2026 08:43:39 pm`, the snippet document format's date (read in UTC, the default importTimeZone). */
function documentDateLine(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][date.getUTCMonth()];
  const hours = date.getUTCHours();
  const clock = `${pad(hours % 12 || 12)}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours >= 12 ? 'pm' : 'am'}`;
  return `Document Date: ${day}, ${month} ${date.getUTCDate()} ${date.getUTCFullYear()} ${clock}`;
}

interface UrlEntry {
  loc: string;
  lastmod?: string;
  'news:news'?: {
    'news:publication': { 'news:name': string; 'news:language': string };
    'news:publication_date': string;
    'news:title': string;
  };
}

describe('sitemaps', () => {
  let app: TestApp;
  let api: ReturnType<typeof distributionApi>;

  beforeAll(async () => {
    app = await startStrapi({ NEWSROOM_SITE_URL: SITE_URL, NEWSROOM_SITEMAP_PART_SIZE: String(PART_SIZE) });
    api = distributionApi(app);
  });
  afterAll(async () => app?.stop());

  const fetchXml = async (path: string) => {
    const res = await api.get(path);
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    return sitemapOf(res.body as string);
  };
  const urlsOf = (doc: Record<string, unknown>) => ((doc.urlset as { url?: UrlEntry[] }).url ?? []);

  /** Every URL of the sitemap, following the index when there is one. */
  const allUrls = async (): Promise<UrlEntry[]> => {
    const root = await fetchXml('/api/newsroom/sitemap.xml');
    if (!root.sitemapindex) return urlsOf(root);
    const parts = (root.sitemapindex as { sitemap: Array<{ loc: string }> }).sitemap;
    const urls: UrlEntry[] = [];
    for (const part of parts) urls.push(...urlsOf(await fetchXml(new URL(part.loc).pathname)));
    return urls;
  };

  describe('sitemap.xml', () => {
    it('is one urlset with every published article and its lastmod while they fit in one part', async () => {
      const first = await publishArticle(app);
      await draftArticle(app);
      const doc = await fetchXml('/api/newsroom/sitemap.xml');
      expect(doc.urlset).toMatchObject({ '@xmlns': SITEMAP_NS });
      const urls = urlsOf(doc);
      expect(urls).toEqual([{ loc: `${SITE_URL}/news/${String(first.slug)}`, lastmod: expect.stringMatching(W3C_DATETIME) }]);
    });

    it('becomes an index of numbered parts past the part size; the parts hold every published article once, drafts never', async () => {
      const published = [];
      for (let i = 0; i < 6; i += 1) published.push(await publishArticle(app, { title: `Part ${i} ${uniqueWord()}` }));
      const draft = await draftArticle(app);
      const unpublished = await publishArticle(app);
      await articles(app).unpublish({ documentId: unpublished.documentId });

      const root = await fetchXml('/api/newsroom/sitemap.xml');
      expect(root.urlset).toBeUndefined();
      expect(root.sitemapindex).toMatchObject({ '@xmlns': SITEMAP_NS });
      const parts = (root.sitemapindex as { sitemap: Array<{ loc: string }> }).sitemap;
      const total = (await articles(app).count({ status: 'published' })) as number;
      expect(parts.map((part) => part.loc)).toEqual(
        Array.from({ length: Math.ceil(total / PART_SIZE) }, (_, i) => `http://${API_HOST}/api/newsroom/sitemap-${i + 1}.xml`)
      );

      const urls = await allUrls();
      const locs = urls.map((url) => url.loc);
      expect(new Set(locs).size).toBe(total);
      for (const article of published) expect(locs).toContain(`${SITE_URL}/news/${String(article.slug)}`);
      expect(locs).not.toContain(`${SITE_URL}/news/${String(draft.slug)}`);
      expect(locs).not.toContain(`${SITE_URL}/news/${String(unpublished.slug)}`);
      expect(urls.every((url) => W3C_DATETIME.test(url.lastmod ?? ''))).toBe(true);
      expect(urlsOf(await fetchXml(new URL(parts[0].loc).pathname))).toHaveLength(PART_SIZE);
    });

    it('answers 404 for a part past the last and for part names that are not numbers', async () => {
      for (const path of ['/api/newsroom/sitemap-999.xml', '/api/newsroom/sitemap-0.xml', '/api/newsroom/sitemap-01.xml', '/api/newsroom/sitemap-x.xml']) {
        expect({ path, status: (await api.get(path)).status }).toEqual({ path, status: 404 });
      }
    });

    it('refuses query parameters with a 400 naming them', async () => {
      const res = await api.get('/api/newsroom/sitemap.xml?page=2');
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body as string).error.details).toEqual({ parameter: 'page' });
    });

    it('answers 304 to its validators until a publish or an unpublish changes it', async () => {
      const first = await api.get('/api/newsroom/sitemap.xml');
      const etag = first.headers.etag as string;
      const lastModified = first.headers['last-modified'] as string;
      expect((await api.get('/api/newsroom/sitemap.xml').set('If-None-Match', etag)).status).toBe(304);
      expect((await api.get('/api/newsroom/sitemap.xml').set('If-Modified-Since', lastModified)).status).toBe(304);

      const article = await publishArticle(app);
      const afterPublish = await api.get('/api/newsroom/sitemap.xml').set('If-None-Match', etag);
      expect(afterPublish.status).toBe(200);
      expect((await api.get('/api/newsroom/sitemap.xml').set('If-Modified-Since', lastModified)).status).toBe(200);

      await articles(app).unpublish({ documentId: article.documentId });
      expect((await api.get('/api/newsroom/sitemap.xml').set('If-None-Match', afterPublish.headers.etag as string)).status).toBe(200);
      expect(first.headers.vary).toMatch(/Authorization/);
      expect(first.headers['cache-control']).toBe('private, max-age=60');
    });
  });

  describe('news-sitemap.xml', () => {
    it('lists articles of the last 48 hours, newest first, with publication, date and title', async () => {
      const word = uniqueWord('news');
      const now = Date.now();
      const recent = await publishArticle(app, { title: `Recent ${word}`, language: 'en-GB', documentDate: new Date(now - 2 * HOUR).toISOString() });
      const newest = await publishArticle(app, { title: `Newest <b>&amp; ${word}`, language: 'de', documentDate: new Date(now - HOUR).toISOString() });
      const old = await publishArticle(app, { title: `Old ${word}`, documentDate: new Date(now - 49 * HOUR).toISOString() });
      const future = await publishArticle(app, { title: `Future ${word}`, documentDate: new Date(now + 5 * HOUR).toISOString() });
      await draftArticle(app, { title: `Draft ${word}`, documentDate: new Date(now - HOUR).toISOString() });

      const doc = await fetchXml('/api/newsroom/news-sitemap.xml');
      expect(doc.urlset).toMatchObject({ '@xmlns': SITEMAP_NS, '@xmlns:news': NEWS_NS });
      const ours = urlsOf(doc).filter((url) => url['news:news']?.['news:title'].endsWith(word));
      expect(ours.map((url) => url.loc)).toEqual([`${SITE_URL}/news/${String(newest.slug)}`, `${SITE_URL}/news/${String(recent.slug)}`]);
      expect(ours[0]['news:news']).toEqual({
        'news:publication': { 'news:name': 'Newsroom', 'news:language': 'de' },
        'news:publication_date': expect.stringMatching(W3C_DATETIME),
        'news:title': String(newest.title),
      });
      expect(ours[1]['news:news']?.['news:publication']['news:language']).toBe('en');
      const locs = urlsOf(doc).map((url) => url.loc);
      expect(locs).not.toContain(`${SITE_URL}/news/${String(old.slug)}`);
      expect(locs).not.toContain(`${SITE_URL}/news/${String(future.slug)}`);
    });

    it('names the publicationName setting, or the feed title', async () => {
      const settings = settingsOf(app);
      await publishArticle(app, { documentDate: new Date(Date.now() - HOUR).toISOString() });
      await settings.update({ publicationName: 'The Daily Example' });
      try {
        const names = urlsOf(await fetchXml('/api/newsroom/news-sitemap.xml')).map((url) => url['news:news']?.['news:publication']['news:name']);
        expect(new Set(names)).toEqual(new Set(['The Daily Example']));
      } finally {
        await settings.update({ publicationName: null });
      }
    });

    it('holds at most 1,000 articles, the newest', async () => {
      const base = Date.now() - 3 * HOUR;
      const documents = Array.from(
        { length: 1005 },
        (_, i) => `## Bulk ${i} ${uniqueWord()}\n${documentDateLine(new Date(base + i * 1000))}\n\n---\n\nexample.org\n\nBody ${i}.`
      );
      for (const slice of [documents.slice(0, 500), documents.slice(500, 1000), documents.slice(1000)]) {
        const res = await app.http().post('/api/newsroom/import').set('Authorization', `Bearer ${app.token}`).send({ documents: slice, publish: true });
        expect({ status: res.status, created: res.body.meta?.created }).toEqual({ status: 200, created: slice.length });
      }
      const urls = urlsOf(await fetchXml('/api/newsroom/news-sitemap.xml'));
      expect(urls).toHaveLength(1000);
      const dates = urls.map((url) => Date.parse(url['news:news']!['news:publication_date']));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
    });
  });
});
