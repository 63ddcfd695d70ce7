/**
 * SPEC 3.2 and 5: when `excerptLength` changes, generated excerpts are rewritten at the new
 * length, never over a save that happened meanwhile. The regeneration's `beforeWrite` seam
 * lets a test save an article between the read of its row and the write.
 */
import { articles } from './helpers/documents';
import { articleData, words } from './helpers/factories';
import { publishArticle, snippetOne, snippetsApi } from './helpers/snippets';
import { settingsOf, useStrapi } from './helpers/strapi';

interface ExcerptUpdate {
  id: number;
}

interface ExcerptRefresh {
  regenerate(excerptLength: number, options?: { beforeWrite?: (updates: readonly ExcerptUpdate[]) => Promise<void> }): Promise<number>;
}

const length = (text: unknown) => Array.from(String(text)).length;

describe('excerpt regeneration', () => {
  const app = useStrapi();
  const refresh = () => app.strapi.plugin('newsroom').service('excerpt-refresh') as ExcerptRefresh;
  const excerptOf = async (documentId: string) => (await articles(app).findOne({ documentId }))!.excerpt as string;

  /** `work` runs once, at the first write, after every row of the batch was read. */
  const once = (work: () => Promise<void>) => {
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      await work();
    };
  };


  it('gives an article whose body an editor saves between the read and the write the excerpt of its new body', async () => {
    const edited = await articles(app).create({ data: articleData({ body: words(100, 'alpha') }) });
    const untouched = await articles(app).create({ data: articleData({ body: words(100, 'lorem') }) });

    await refresh().regenerate(
      100,
      { beforeWrite: once(async () => void (await articles(app).update({ documentId: edited.documentId, data: { body: words(100, 'omega') } }))) }
    );

    const excerpt = await excerptOf(edited.documentId);
    expect(excerpt).toMatch(/^omega( omega)*…$/);
    expect(length(excerpt)).toBeLessThanOrEqual(100);
    expect(await excerptOf(untouched.documentId)).toMatch(/^lorem( lorem)*…$/);
    expect(length(await excerptOf(untouched.documentId))).toBeLessThanOrEqual(100);
  });

  it('tells a body apart from the same body in other letter case (MySQL compares text without case by default)', async () => {
    const edited = await articles(app).create({ data: articleData({ body: words(100, 'Alpha') }) });

    await refresh().regenerate(
      110,
      { beforeWrite: once(async () => void (await articles(app).update({ documentId: edited.documentId, data: { body: words(100, 'alpha') } }))) }
    );

    const excerpt = await excerptOf(edited.documentId);
    expect(excerpt).toMatch(/^alpha( alpha)*…$/);
    expect(length(excerpt)).toBeLessThanOrEqual(110);
  });

  it('keeps an excerpt an editor writes between the read and the write', async () => {
    const article = await articles(app).create({ data: articleData({ body: words(100, 'ipsum') }) });

    await refresh().regenerate(
      120,
      { beforeWrite: once(async () => void (await articles(app).update({ documentId: article.documentId, data: { excerpt: 'Mine, written just now.' } }))) }
    );

    expect(await excerptOf(article.documentId)).toBe('Mine, written just now.');
  });

  it('writes many rows in a few statements, not one a row', async () => {
    for (let i = 0; i < 30; i += 1) await articles(app).create({ data: articleData({ body: words(100, 'batch') }) });
    const table = app.strapi.db.metadata.get('plugin::newsroom.article').tableName;
    let updates = 0;
    const count = (query: { sql?: string }) => {
      if (/^\s*update\b/i.test(query.sql ?? '') && query.sql!.includes(table)) updates += 1;
    };
    app.strapi.db.connection.on('query', count);
    let changed: number;
    try {
      changed = await refresh().regenerate(130);
    } finally {
      app.strapi.db.connection.off('query', count);
    }
    expect(changed).toBeGreaterThanOrEqual(30);
    // At most 100 rows a statement.
    expect(updates).toBe(Math.ceil(changed / 100));
  });

  it('shows the new excerpts in the next snippet answer', async () => {
    const article = await publishArticle(app, { body: words(100, 'snippet') });
    const api = snippetsApi(app);
    const before = snippetOne((await api.one(article.slug as string)).body);
    expect(length(before.excerpt)).toBeGreaterThan(140);

    const settings = settingsOf(app);
    await settings.update({ excerptLength: 140 });
    try {
      const after = snippetOne((await api.one(article.slug as string)).body);
      expect(after.excerpt).toMatch(/^snippet( snippet)*…$/);
      expect(length(after.excerpt)).toBeLessThanOrEqual(140);
    } finally {
      await settings.update({ excerptLength: 280 });
    }
  });
});
