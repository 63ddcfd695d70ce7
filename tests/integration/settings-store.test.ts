import { articleData, words } from './helpers/factories';
import { articles } from './helpers/documents';
import { settingsOf, useStrapi } from './helpers/strapi';

describe('settings saved by an admin', () => {
  const app = useStrapi();
  const settings = () => settingsOf(app);

  it('reject a bad value with a ValidationError naming the key', async () => {
    await expect(settings().update({ excerptLength: 5 })).rejects.toThrow(/excerptLength/);
    await expect(settings().update({ languages: ['en', 'xx-not-a-code!'] })).rejects.toThrow(/languages/);
  });

  it('apply to the next write without a restart', async () => {
    await settings().update({ languages: ['en', 'de'], defaultLanguage: 'de' });
    const article = await articles(app).create({ data: articleData() });
    expect(article.language).toBe('de');
    await expect(articles(app).create({ data: articleData({ language: 'French' }) })).rejects.toThrow(/language/);
    await settings().update({ languages: [], defaultLanguage: 'en' });
  });

  it('regenerate generated excerpts when excerptLength changes, keeping editors\' own', async () => {
    const generated = await articles(app).create({ data: articleData({ body: words(100, 'lorem') }), status: 'published' });
    const own = await articles(app).create({ data: articleData({ body: words(100, 'ipsum'), excerpt: 'Mine.' }) });
    expect(Array.from(generated.excerpt as string).length).toBeGreaterThan(200);

    await settings().update({ excerptLength: 100 });

    const draft = await articles(app).findOne({ documentId: generated.documentId, status: 'draft' });
    const published = await articles(app).findOne({ documentId: generated.documentId, status: 'published' });
    for (const row of [draft, published]) {
      expect(Array.from(row!.excerpt as string).length).toBeLessThanOrEqual(100);
      expect(row!.excerpt).toMatch(/lorem…$/);
    }
    expect((await articles(app).findOne({ documentId: own.documentId }))!.excerpt).toBe('Mine.');
  });
});
