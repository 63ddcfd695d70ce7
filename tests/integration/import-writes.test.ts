/**
 * The importer writes new articles many at a time, past the Document Service's
 * per-document machinery (server/src/services/import/bulk.ts). What it writes
 * must be what the Document Service writes: these tests compare the two, row by
 * row, and check that an imported article then behaves like any other.
 */
import { buildDocument } from '../unit/factories/document';
import { articles, categories, type StoredDocument } from './helpers/documents';
import { uniqueTitle } from './helpers/factories';
import { refuseBulkArticleInserts } from './helpers/faults';
import { ARTICLE, CATEGORY, importAnswer, importApi } from './helpers/import';
import { useStrapi } from './helpers/strapi';

type Row = Record<string, unknown>;

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName: string;
  inverseOrderColumnName: string;
}

describe('import writes', () => {
  const app = useStrapi();
  let api: ReturnType<typeof importApi>;

  beforeAll(async () => {
    api = importApi(app);
  });

  const importText = async (text: string, query = '?publish=true') => {
    const res = await api.text(text, query);
    expect(res.status).toBe(200);
    return importAnswer(res.body);
  };

  const articleTable = () => app.strapi.db.metadata.get(ARTICLE).tableName;
  const joinTable = () =>
    (app.strapi.db.metadata.get(ARTICLE).attributes.categories as unknown as { joinTable: JoinTable }).joinTable;

  /** Every row of a document, draft first, as the database holds it. */
  const rowsOf = async (documentId: string): Promise<Row[]> =>
    (await app.strapi.db.connection(articleTable()).where({ document_id: documentId })).sort(
      (a: Row, b: Row) => Number(a.published_at !== null) - Number(b.published_at !== null)
    );

  /** The category links of a row: [category row id, order within the article, order within the category]. */
  const linksOf = async (rowId: unknown) => {
    const join = joinTable();
    const rows = (await app.strapi.db
      .connection(join.name)
      .where({ [join.joinColumn.name]: rowId })
      .orderBy(join.orderColumnName)) as Row[];
    return rows.map((row) => ({
      category: row[join.inverseJoinColumn.name],
      position: Number(row[join.orderColumnName]),
      order: Number(row[join.inverseOrderColumnName]),
    }));
  };

  const IGNORED = new Set(['id', 'document_id', 'title', 'slug', 'created_at', 'updated_at', 'published_at']);
  const comparable = (row: Row) => Object.fromEntries(Object.entries(row).filter(([column]) => !IGNORED.has(column)));

  it('gives the same rows and category links as a Document Service create with status published', async () => {
    const title = uniqueTitle('Rows');
    const answer = await importText(
      buildDocument({ title, category: ',English,Economy - ,Politics', showOnWebsite: '[Click Here](https://example.org/a)' })
    );
    expect(answer.meta).toEqual({ created: 1, duplicates: 0, invalid: 0 });
    const imported = answer.data[0].documentId as string;

    const draft = (await articles(app).findOne({ documentId: imported, populate: ['categories'] })) as StoredDocument & {
      categories: Array<{ documentId: string }>;
    };
    const fields = ['body', 'language', 'documentDate', 'sourcePublishedDate', 'source', 'sourceUrl'];
    const viaDocumentService = (await articles(app).create({
      data: {
        ...Object.fromEntries(fields.map((field) => [field, draft[field]])),
        title: `${title} again`,
        categories: draft.categories.map((category) => category.documentId),
      },
      status: 'published',
    })) as { documentId: string };

    const ours = await rowsOf(imported);
    const theirs = await rowsOf(viaDocumentService.documentId);
    expect(ours).toHaveLength(2);
    expect(theirs).toHaveLength(2);
    for (const [i, version] of ['draft', 'published'].entries()) {
      expect({ version, ...comparable(ours[i]) }).toEqual({ version, ...comparable(theirs[i]) });
      expect(ours[i].created_at).not.toBeNull();
      expect(ours[i].updated_at).not.toBeNull();
    }
    expect(ours[0].published_at).toBeNull();
    expect(ours[1].published_at).not.toBeNull();
    expect(ours[0].slug).toBe(ours[1].slug);

    for (const i of [0, 1]) {
      const ourLinks = await linksOf(ours[i].id);
      const theirLinks = await linksOf(theirs[i].id);
      expect(ourLinks.map(({ category, position }) => ({ category, position }))).toEqual(
        theirLinks.map(({ category, position }) => ({ category, position }))
      );
      expect(ourLinks).toHaveLength(2);
      // Appended to each category's list of articles: the later create comes after.
      ourLinks.forEach((link, j) => expect(theirLinks[j].order).toBeGreaterThan(link.order));
    }
  });

  it('gives drafts only a draft row, linked to its categories', async () => {
    const answer = await importText(buildDocument({ title: uniqueTitle('Draft rows') }), '');
    const rows = await rowsOf(answer.data[0].documentId as string);
    expect(rows.map((row) => row.published_at)).toEqual([null]);
    expect(await linksOf(rows[0].id)).toHaveLength(2);
  });

  it('gives titles repeated in a batch, or already taken, the lowest free suffixes', async () => {
    const title = uniqueTitle('Same title');
    const base = title.toLowerCase().replace(/\s+/g, '-');
    await articles(app).create({ data: { title, body: 'Written by hand.' } });
    const dates = ['Mon, Apr 27 2026 08:00:00 am', 'Mon, Apr 27 2026 09:00:00 am', 'Mon, Apr 27 2026 10:00:00 am'];
    const answer = await importText(dates.map((documentDate) => buildDocument({ title, documentDate })).join('\n'));
    expect(answer.meta).toEqual({ created: 3, duplicates: 0, invalid: 0 });
    expect(answer.data.map((entry) => entry.slug)).toEqual([`${base}-2`, `${base}-3`, `${base}-4`]);
  });

  it('hands each slug to its article: a draft renamed gives its old slug back', async () => {
    const title = uniqueTitle('Renamed');
    const answer = await importText(buildDocument({ title }), '');
    const { documentId, slug } = answer.data[0] as { documentId: string; slug: string };
    await articles(app).update({ documentId, data: { title: `${title} later` } });
    const other = await articles(app).create({ data: { title, body: 'Another one.' } });
    expect(other.slug).toBe(slug);
  });

  it('makes articles that behave like any other: edit, publish, unpublish, categories from both sides', async () => {
    const title = uniqueTitle('Lifecycle');
    const answer = await importText(buildDocument({ title, category: ',English,Culture' }));
    const documentId = answer.data[0].documentId as string;
    const slug = answer.data[0].slug as string;

    const snippet = () => app.http().get(`/api/newsroom/snippets/${slug}`).set('Authorization', `Bearer ${app.token}`);
    expect((await snippet()).status).toBe(200);

    await articles(app).update({ documentId, data: { title: `${title} edited` } });
    await articles(app).publish({ documentId });
    const published = (await articles(app).findOne({
      documentId,
      status: 'published',
      populate: ['categories'],
    })) as StoredDocument & { title: string; slug: string; categories: Array<{ name: string }> };
    expect(published).toMatchObject({ title: `${title} edited`, slug, categories: [{ name: 'Culture' }] });

    const culture = (await app.strapi.db.query(CATEGORY).findOne({ where: { name: 'Culture' }, select: ['documentId'] })) as {
      documentId: string;
    };
    const category = (await categories(app).findOne({
      documentId: culture.documentId,
      populate: { articles: { fields: ['documentId'] } },
    })) as StoredDocument & { articles: Array<{ documentId: string }> };
    expect(category.articles.map((article) => article.documentId)).toContain(documentId);

    await articles(app).unpublish({ documentId });
    expect((await snippet()).status).toBe(404);
  });

  it('shows a published import in snippet answers at once, even when the answer was cached', async () => {
    const word = `bulkfresh${Date.now().toString(36)}`;
    const list = () => app.http().get(`/api/newsroom/snippets?q=${word}`).set('Authorization', `Bearer ${app.token}`);
    expect((await list()).body.data).toEqual([]);
    const title = uniqueTitle(`Fresh ${word}`);
    await importText(buildDocument({ title }));
    expect((await list()).body.data.map((snippet: { title: string }) => snippet.title)).toEqual([title]);
  });

  it('sends entry.create and entry.publish for each article, with its categories, as the Document Service does', async () => {
    const seen: Array<{ event: string; documentId: string; publishedAt: unknown; categories: string[] }> = [];
    const events = ['entry.create', 'entry.publish'];
    const listeners = events.map((event) => {
      const listener = async (payload: { uid: string; entry: { documentId: string; publishedAt: unknown; categories?: Array<{ name: string }> } }) => {
        if (payload.uid !== ARTICLE) return;
        seen.push({
          event,
          documentId: payload.entry.documentId,
          publishedAt: payload.entry.publishedAt,
          categories: (payload.entry.categories ?? []).map((category) => category.name),
        });
      };
      app.strapi.eventHub.on(event, listener);
      return () => app.strapi.eventHub.off(event, listener);
    });
    try {
      const answer = await importText(
        [buildDocument({ title: uniqueTitle('Event one') }), buildDocument({ title: uniqueTitle('Event two') })].join('\n')
      );
      const ids = answer.data.map((entry) => entry.documentId as string);
      await waitFor(() => seen.length >= 4);
      for (const documentId of ids) {
        const mine = seen.filter((item) => item.documentId === documentId);
        expect(mine.map((item) => item.event)).toEqual(['entry.create', 'entry.publish']);
        expect(mine[0].publishedAt).toBeNull();
        expect(mine[1].publishedAt).not.toBeNull();
        for (const item of mine) expect(item.categories.sort()).toEqual(['International', 'Snippets']);
      }
    } finally {
      for (const off of listeners) off();
    }
  });

  it('writes the documents one by one through the Document Service when the batch write fails', async () => {
    // A database lifecycle that refuses multi-row inserts of articles: only the bulk writer uses them.
    const bulkRefused = refuseBulkArticleInserts(app);
    try {
      const titles = [uniqueTitle('Fallback one'), uniqueTitle('Fallback two')];
      const answer = await importText(titles.map((title) => buildDocument({ title })).join('\n'));
      expect(answer.meta).toEqual({ created: 2, duplicates: 0, invalid: 0 });
      for (const [i, entry] of answer.data.entries()) {
        const article = (await articles(app).findOne({
          documentId: entry.documentId as string,
          status: 'published',
          populate: ['categories'],
        })) as StoredDocument & { title: string; slug: string; categories: unknown[] };
        expect(article).toMatchObject({ title: titles[i], slug: entry.slug });
        expect(article.categories).toHaveLength(2);
      }
      const again = await importText(titles.map((title) => buildDocument({ title })).join('\n'));
      expect(again.meta).toEqual({ created: 0, duplicates: 2, invalid: 0 });
    } finally {
      await bulkRefused.remove();
    }
  });

  it('writes a document the batch could not with the slug it claimed for it, and leaves no placeholder claim', async () => {
    const bulkRefused = refuseBulkArticleInserts(app);
    try {
      const title = uniqueTitle('Fallback slug');
      const answer = importAnswer((await api.text(buildDocument({ title }), '?publish=true')).body);
      const slug = title.toLowerCase().replace(/\s+/g, '-');
      expect(answer.data[0]).toMatchObject({ status: 'created', slug });
      const claims = await app.strapi.db.connection('newsroom_claims').where({ scope: 'article-slug' }).andWhere('claim_key', 'like', `${slug}%`);
      expect(claims.map((claim: { claim_key: string; owner: string }) => [claim.claim_key, claim.owner])).toEqual([[slug, answer.data[0].documentId]]);
    } finally {
      await bulkRefused.remove();
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
