import { articles } from './helpers/documents';
import { startStrapi } from './helpers/strapi';

describe('settings from config/plugins', () => {
  it('stops Strapi at startup with a message naming the bad key', async () => {
    await expect(startStrapi({ NEWSROOM_EXCERPT_LENGTH: '5' })).rejects.toThrow(/excerptLength/);
  });

  it('stops Strapi at startup naming the revalidation target and field that are wrong', async () => {
    const targets = [
      { name: 'web', url: 'https://www.example.com/api/revalidate', secret: 'sixteen-chars-ok', paths: ['/news'] },
      { name: 'app', url: 'ftp://example.com', secret: 'sixteen-chars-ok' },
    ];
    await expect(startStrapi({ NEWSROOM_REVALIDATION: JSON.stringify(targets) })).rejects.toThrow(/revalidation\[1\]\.url/);
  });

  it('stops Strapi at startup when importMode is not auto, documentService or bulk', async () => {
    await expect(startStrapi({ NEWSROOM_IMPORT_MODE: 'fast' })).rejects.toThrow(/"importMode" must be one of "auto", "documentService", "bulk"/);
  });

  it.each([
    [{ NEWSROOM_SITE_URL: 'ftp://example.com' }, /siteUrl/],
    [{ NEWSROOM_ARTICLE_URL: '{siteUrl}/news/{title}' }, /articleUrl.*unknown placeholder \{title\}/],
    [{ NEWSROOM_FEED_TITLE: ' ' }, /feedTitle/],
  ])('stops Strapi at startup for a bad feed setting %j, naming the key', async (env, message) => {
    await expect(startStrapi(env)).rejects.toThrow(message);
  });

  it('uses the configured excerptLength and defaultLanguage for new articles', async () => {
    const app = await startStrapi({ NEWSROOM_EXCERPT_LENGTH: '80', NEWSROOM_DEFAULT_LANGUAGE: 'de' });
    try {
      const article = await articles(app).create({
        data: { title: 'Configured', body: 'lorem ipsum dolor sit amet '.repeat(20) },
      });
      expect(article.language).toBe('de');
      expect(Array.from(article.excerpt as string).length).toBeLessThanOrEqual(80);
      expect(article.excerpt).toMatch(/…$/);
    } finally {
      await app.stop();
    }
  });
});
