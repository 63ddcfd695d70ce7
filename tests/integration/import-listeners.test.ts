/**
 * Other plugins see every article the plugin writes, imports included (SPEC 13).
 * The playground's test-listeners plugin (playground/src/plugins/test-listeners) stands
 * for a search indexer or an audit plugin: a Document Service middleware, registered in
 * its register() before the newsroom's, and a database lifecycle subscriber for
 * articles, subscribed in its bootstrap(). With it installed, an import writes each
 * article as the Content Manager creates (and publishes) one, so the plugin sees the
 * same calls for each, and every column Strapi records is the same. Strapi's
 * experimental first-publication date is on here, as one more thing Strapi records.
 *
 * This file boots Strapi once: the newsroom watches registrations from the moment
 * Strapi loads its code, which happens once per test file.
 */
import { createAdmin, registerSuperAdmin, type AdminSession } from './helpers/admin';
import { articles } from './helpers/documents';
import { uniqueTitle } from './helpers/factories';
import { ARTICLE, importAnswer } from './helpers/import';
import { useStrapi } from './helpers/strapi';
import { buildDocument } from '../unit/factories/document';

type Row = Record<string, unknown>;
type Session = AdminSession & { id: number };

interface Call {
  via: 'documentMiddleware' | 'lifecycle';
  action: string;
  documentId: string | null;
  status?: string | null;
  title?: string | null;
  version?: 'draft' | 'published';
  count?: number;
}

const CM = `/content-manager/collection-types/${ARTICLE}`;

describe('imports seen by another plugin that listens to articles', () => {
  const app = useStrapi({ env: { NEWSROOM_TEST_LISTENERS: '1', NEWSROOM_TEST_FIRST_PUBLISHED_AT: 'true' } });
  let editor: Session;

  const recorder = () =>
    app.strapi.plugin('test-listeners').service('calls') as {
      list(): Call[];
      clear(): void;
      unsubscribeLifecycles(): void;
      subscribeLifecycles(): void;
    };

  beforeAll(async () => {
    await registerSuperAdmin(app);
    editor = await createAdmin(app, 'Listening editor', [
      'plugin::newsroom.import',
      ['plugin::content-manager.explorer.create', ARTICLE],
      ['plugin::content-manager.explorer.publish', ARTICLE],
      ['plugin::content-manager.explorer.read', ARTICLE],
      ['plugin::content-manager.explorer.create', 'plugin::newsroom.category'],
    ]);
  });

  const importAs = async (documents: string[], publish: boolean) => {
    const res = await editor.post('/newsroom/import', { documents, publish });
    expect(res.status).toBe(200);
    return importAnswer(res.body);
  };

  /** A Content Manager create (and publish) by the editor, with the fields of a document. */
  const cmCreate = async (title: string, publish: boolean) => {
    const data = { title, body: 'Written in the admin.', source: 'rki.news' };
    const res = await editor.post(`${CM}${publish ? '/actions/publish' : ''}`, data);
    expect([res.status < 300, res.body.error]).toEqual([true, undefined]);
    return res.body.data as { documentId: string };
  };

  /** What the plugin saw of one article (by its title: a row has no documentId before its insert), less what tells two apart. */
  const seenOf = (title: string) =>
    recorder()
      .list()
      .filter((call) => call.title === title)
      .map(({ documentId: _id, title: _title, ...call }) => call);

  const DRAFT_CALLS = [
    { via: 'lifecycle', action: 'beforeCreate', version: 'draft' },
    { via: 'lifecycle', action: 'afterCreate', version: 'draft' },
    { via: 'documentMiddleware', action: 'create', status: 'draft' },
  ];
  const PUBLISH_CALLS = [
    { via: 'lifecycle', action: 'beforeCreate', version: 'published' },
    { via: 'lifecycle', action: 'afterCreate', version: 'published' },
    { via: 'documentMiddleware', action: 'publish', status: null },
  ];

  it.each([
    ['drafts', false, DRAFT_CALLS],
    ['published articles', true, [...DRAFT_CALLS, ...PUBLISH_CALLS]],
  ])('sees each imported article among %s as it sees one created in the Content Manager', async (_label, publish, expected) => {
    recorder().clear();
    const titles = [uniqueTitle('Seen one'), uniqueTitle('Seen two'), uniqueTitle('Seen three')];
    const answer = await importAs(
      titles.map((title) => buildDocument({ title })),
      publish
    );
    expect(answer.meta).toEqual({ created: 3, duplicates: 0, invalid: 0 });
    const inAdmin = uniqueTitle('Created in the admin');
    await cmCreate(inAdmin, publish);

    expect(seenOf(inAdmin)).toEqual(expected);
    for (const [i, entry] of answer.data.entries()) {
      expect(seenOf(titles[i])).toEqual(expected);
      // Each call names the article it wrote.
      const calls = recorder()
        .list()
        .filter((call) => call.title === titles[i]);
      expect(new Set(calls.map((call) => call.documentId ?? entry.documentId))).toEqual(new Set([entry.documentId]));
    }
    // Nothing reached it as a multi-row insert.
    expect(recorder().list().filter((call) => call.action === 'afterCreateMany')).toEqual([]);
  });

  it('sees imports through its document middleware alone, registered before the newsroom’s register() ran', async () => {
    recorder().unsubscribeLifecycles();
    try {
      recorder().clear();
      const title = uniqueTitle('Middleware only');
      const answer = await importAs([buildDocument({ title })], true);
      expect(answer.meta).toEqual({ created: 1, duplicates: 0, invalid: 0 });
      expect(seenOf(title)).toEqual([
        { via: 'documentMiddleware', action: 'create', status: 'draft' },
        { via: 'documentMiddleware', action: 'publish', status: null },
      ]);
    } finally {
      recorder().subscribeLifecycles();
    }
  });

  describe('what Strapi records for an imported article', () => {
    const articleTable = () => app.strapi.db.metadata.get(ARTICLE).tableName;
    /** Every row of a document, draft first. */
    const rowsOf = async (documentId: string): Promise<Row[]> =>
      (await app.strapi.db.connection(articleTable()).where({ document_id: documentId })).sort(
        (a: Row, b: Row) => Number(a.published_at !== null) - Number(b.published_at !== null)
      );
    const IGNORED = new Set(['id', 'document_id', 'title', 'slug', 'created_at', 'updated_at', 'published_at', 'first_published_at']);
    const comparable = (row: Row) => Object.fromEntries(Object.entries(row).filter(([column]) => !IGNORED.has(column)));

    /** The imported document's rows next to those of the same fields created (and published) in the Content Manager. */
    async function compareWithContentManager(importedId: string, publish: boolean) {
      const draft = (await articles(app).findOne({ documentId: importedId })) as Row;
      const fields = ['body', 'language', 'documentDate', 'sourcePublishedDate', 'source', 'sourceUrl'];
      const data = { ...Object.fromEntries(fields.map((field) => [field, draft[field]])), title: `${String(draft.title)} again` };
      const res = await editor.post(`${CM}${publish ? '/actions/publish' : ''}`, data);
      expect(res.status).toBeLessThan(300);
      const ours = await rowsOf(importedId);
      const theirs = await rowsOf((res.body.data as { documentId: string }).documentId);
      expect(ours).toHaveLength(publish ? 2 : 1);
      expect(theirs).toHaveLength(ours.length);
      for (const [i, row] of ours.entries()) {
        expect({ version: i, ...comparable(row) }).toEqual({ version: i, ...comparable(theirs[i]) });
        expect([row.created_by_id, row.updated_by_id].map(Number)).toEqual([editor.id, editor.id]);
        // The first publication date: on both rows of a published article, none on a draft.
        expect(row.first_published_at === null).toBe(theirs[i].first_published_at === null);
      }
      if (publish) {
        expect(ours[0].first_published_at).not.toBeNull();
        expect(new Date(ours[0].first_published_at as string).getTime()).toBe(new Date(ours[1].first_published_at as string).getTime());
      }
    }

    /** Imports one document with `importMode` set for the occasion. */
    async function importWith(mode: 'auto' | 'bulk', publish: boolean) {
      app.strapi.config.set('plugin::newsroom.importMode', mode);
      try {
        recorder().clear();
        const answer = await importAs([buildDocument({ title: uniqueTitle(`Recorded ${mode}`) })], publish);
        expect(answer.meta).toEqual({ created: 1, duplicates: 0, invalid: 0 });
        return answer.data[0].documentId as string;
      } finally {
        app.strapi.config.set('plugin::newsroom.importMode', 'auto');
      }
    }

    it.each([false, true])('is what it records for a Content Manager create (publish: %s), column by column', async (publish) => {
      const documentId = await importWith('auto', publish);
      expect(recorder().list().filter((call) => call.documentId === documentId).length).toBeGreaterThan(0);
      await compareWithContentManager(documentId, publish);
    });

    it.each([false, true])(
      'is the same with importMode "bulk" (publish: %s), though the listening plugin then sees only a multi-row insert',
      async (publish) => {
        const documentId = await importWith('bulk', publish);
        // The behaviour before SPEC 13, kept for projects that ask for it: no middleware call, no single-row lifecycle.
        expect(recorder().list()).toEqual([{ via: 'lifecycle', action: 'afterCreateMany', documentId: null, count: publish ? 2 : 1 }]);
        await compareWithContentManager(documentId, publish);
      }
    );
  });
});
