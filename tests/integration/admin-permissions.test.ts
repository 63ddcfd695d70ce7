/**
 * The admin routes answer as the Content Manager does for the same editor: role
 * conditions ("is creator") on the article preview, field permissions, the creator
 * fields and the category create permission on import. An "Author"-like role, as
 * Strapi's own default Author role: its article permissions hold only for the
 * articles its users created.
 */
import { createAdmin, createAdminWithRole, createRole, registerSuperAdmin, type AdminSession, type Permission } from './helpers/admin';
import { articles, categories } from './helpers/documents';
import { uniqueTitle } from './helpers/factories';
import { refuseBulkArticleInserts } from './helpers/faults';
import { ARTICLE, CATEGORY, importAnswer, importApi } from './helpers/import';
import { useStrapi } from './helpers/strapi';
import { buildDocument } from '../unit/factories/document';

type Row = Record<string, unknown>;
type Session = AdminSession & { id: number };

const CM = '/content-manager/collection-types';
const OWN = ['admin::is-creator'];

describe('admin routes under role conditions and field permissions', () => {
  const app = useStrapi();
  let admin: AdminSession;
  /** Two authors sharing a role limited to their own articles. */
  let alice: Session;
  let bob: Session;

  const authorPermissions: Permission[] = [
    'plugin::newsroom.import',
    { action: 'plugin::content-manager.explorer.read', subject: ARTICLE, conditions: OWN },
    { action: 'plugin::content-manager.explorer.create', subject: ARTICLE, conditions: OWN },
    { action: 'plugin::content-manager.explorer.update', subject: ARTICLE, conditions: OWN },
    ['plugin::content-manager.explorer.read', CATEGORY],
  ];

  beforeAll(async () => {
    admin = await registerSuperAdmin(app);
    const author = await createRole(app, 'Own articles author', authorPermissions);
    alice = await createAdminWithRole(app, 'Alice Author', author);
    bob = await createAdminWithRole(app, 'Bob Author', author);
    // Categories the documents name by default, created beforehand: authors may not create categories.
    for (const name of ['International', 'Snippets']) await categories(app).create({ data: { name } });
  });

  /** A draft created through the Content Manager by `session`, which records it as the creator. */
  const cmCreate = async (session: AdminSession, data: Row, path = '') => {
    const res = await session.post(`${CM}/${ARTICLE}${path}`, data);
    expect([res.status < 300, res.body.error]).toEqual([true, undefined]);
    return res.body.data as { documentId: string } & Row;
  };

  const articleTable = () => app.strapi.db.metadata.get(ARTICLE).tableName;
  /** Every row of a document, draft first. */
  const rowsOf = async (documentId: string): Promise<Row[]> =>
    (await app.strapi.db.connection(articleTable()).where({ document_id: documentId })).sort(
      (a: Row, b: Row) => Number(a.published_at !== null) - Number(b.published_at !== null)
    );

  const importAs = async (session: AdminSession, documents: string[], publish = false) => {
    const res = await session.post('/newsroom/import', { documents, publish });
    expect(res.status).toBe(200);
    return importAnswer(res.body);
  };

  describe('the snippet preview of one article', () => {
    it("refuses another author's unpublished draft with a 403, as the Content Manager does, and shows one's own", async () => {
      const bobs = await cmCreate(bob, { title: uniqueTitle('Bob draft'), body: 'Written by Bob.' });
      const alices = await cmCreate(alice, { title: uniqueTitle('Alice draft'), body: 'Written by Alice.' });

      expect((await alice.get(`${CM}/${ARTICLE}/${bobs.documentId}`)).status).toBe(403);
      expect((await alice.get(`/newsroom/articles/${bobs.documentId}/preview`)).status).toBe(403);

      expect((await alice.get(`${CM}/${ARTICLE}/${alices.documentId}`)).status).toBe(200);
      const own = await alice.get(`/newsroom/articles/${alices.documentId}/preview`);
      expect(own.status).toBe(200);
      expect(own.body.data).toMatchObject({ documentId: alices.documentId, title: alices.title });
      expect((await bob.get(`/newsroom/articles/${bobs.documentId}/preview`)).status).toBe(200);
    });

    it('refuses a published article created by someone else too', async () => {
      const published = await articles(app).create({ data: { title: uniqueTitle('Published by code'), body: 'Text.' }, status: 'published' });
      expect((await alice.get(`${CM}/${ARTICLE}/${published.documentId}?status=published`)).status).toBe(403);
      expect((await alice.get(`/newsroom/articles/${published.documentId}/preview`)).status).toBe(403);
      expect((await admin.get(`/newsroom/articles/${published.documentId}/preview`)).status).toBe(200);
    });

    it('leaves out the fields the role may not read', async () => {
      const reader = await createAdmin(app, 'Reader without source link', [
        {
          action: 'plugin::content-manager.explorer.read',
          subject: ARTICLE,
          fields: ['title', 'slug', 'body', 'language', 'documentDate', 'sourcePublishedDate', 'source', 'categories', 'wordCount'],
        },
      ]);
      const article = await articles(app).create({
        data: { title: uniqueTitle('Partly readable'), body: 'Some words here.', sourceUrl: 'https://example.org/secret' },
        status: 'published',
      });
      const res = await reader.get(`/newsroom/articles/${article.documentId}/preview`);
      expect(res.status).toBe(200);
      expect(res.body.meta.hiddenFields.sort()).toEqual(['excerpt', 'readingTime', 'sourceUrl']);
      expect(res.body.data).not.toHaveProperty('sourceUrl');
      expect(res.body.data).not.toHaveProperty('excerpt');
      expect(res.body.data).toMatchObject({ documentId: article.documentId, title: article.title, slug: article.slug });
      expect(JSON.stringify(res.body)).not.toContain('example.org/secret');
    });
  });

  describe('imports from the admin', () => {
    const IGNORED = new Set(['id', 'document_id', 'title', 'slug', 'created_at', 'updated_at', 'published_at']);
    const comparable = (row: Row) => Object.fromEntries(Object.entries(row).filter(([column]) => !IGNORED.has(column)));

    /** The imported document's rows next to the rows of the same fields created (and published) in the Content Manager. */
    async function compareWithContentManager(session: Session, importedId: string, publish: boolean) {
      const draft = (await articles(app).findOne({ documentId: importedId })) as Row;
      const fields = ['body', 'language', 'documentDate', 'sourcePublishedDate', 'source', 'sourceUrl'];
      const data = { ...Object.fromEntries(fields.map((field) => [field, draft[field]])), title: `${String(draft.title)} again` };
      const viaCm = await cmCreate(session, data, publish ? '/actions/publish' : '');
      const ours = await rowsOf(importedId);
      const theirs = await rowsOf(viaCm.documentId);
      expect(ours).toHaveLength(publish ? 2 : 1);
      expect(theirs).toHaveLength(ours.length);
      for (const [i, row] of ours.entries()) {
        expect({ version: i, ...comparable(row) }).toEqual({ version: i, ...comparable(theirs[i]) });
        expect([row.created_by_id, row.updated_by_id].map(Number)).toEqual([session.id, session.id]);
      }
    }

    it('record the editor as creator and last editor on the draft and published rows, as a Content Manager create does', async () => {
      const editor = await createAdmin(app, 'Publishing editor', [
        'plugin::newsroom.import',
        ['plugin::content-manager.explorer.create', ARTICLE],
        ['plugin::content-manager.explorer.publish', ARTICLE],
        ['plugin::content-manager.explorer.read', ARTICLE],
      ]);
      const answer = await importAs(editor, [buildDocument({ title: uniqueTitle('Imported by an editor') })], true);
      expect(answer.meta).toEqual({ created: 1, duplicates: 0, invalid: 0 });
      await compareWithContentManager(editor, answer.data[0].documentId as string, true);
    });

    it('record the creator on the one-by-one path too', async () => {
      // Refusing multi-row inserts sends the import through the Document Service, one document at a time.
      const bulkRefused = refuseBulkArticleInserts(app);
      try {
        const answer = await importAs(alice, [buildDocument({ title: uniqueTitle('Imported one by one') })]);
        expect(answer.meta).toEqual({ created: 1, duplicates: 0, invalid: 0 });
        await compareWithContentManager(alice, answer.data[0].documentId as string, false);
      } finally {
        await bulkRefused.remove();
      }
    });

    it("make imported articles the author's own: the author may open them, another author may not", async () => {
      const answer = await importAs(alice, [buildDocument({ title: uniqueTitle('Alice import') })]);
      const documentId = answer.data[0].documentId as string;
      expect((await alice.get(`${CM}/${ARTICLE}/${documentId}`)).status).toBe(200);
      expect((await alice.get(`/newsroom/articles/${documentId}/preview`)).status).toBe(200);
      expect((await bob.get(`${CM}/${ARTICLE}/${documentId}`)).status).toBe(403);
      expect((await bob.get(`/newsroom/articles/${documentId}/preview`)).status).toBe(403);
    });

    it('leave out the fields the role may not create, with a warning naming each, as the Content Manager drops them', async () => {
      const limited = await createAdmin(app, 'Author without links', [
        'plugin::newsroom.import',
        {
          action: 'plugin::content-manager.explorer.create',
          subject: ARTICLE,
          fields: ['title', 'body', 'documentDate', 'sourcePublishedDate', 'source', 'categories'],
        },
      ]);
      const title = uniqueTitle('Without link');
      const text = buildDocument({ title, category: ',German,International', showOnWebsite: '[Click Here](https://example.org/link)' });

      const preview = await limited.post('/newsroom/import/preview', { documents: [text] });
      expect(preview.body.data[0]).toMatchObject({ status: 'new', article: { sourceUrl: null, language: 'en' } });
      const previewWarnings = (preview.body.data[0].warnings as Array<{ message: string }>).map((warning) => warning.message).join('\n');
      expect(previewWarnings).toMatch(/"language"/);
      expect(previewWarnings).toMatch(/"sourceUrl"/);

      const answer = await importAs(limited, [text]);
      expect(answer.data[0].status).toBe('created');
      const warnings = answer.data[0].warnings.map((warning) => warning.message);
      expect(warnings).toEqual([expect.stringMatching(/"language".*may not set/), expect.stringMatching(/"sourceUrl".*may not set/)]);
      const stored = (await articles(app).findOne({ documentId: answer.data[0].documentId as string, populate: ['categories'] })) as unknown as Row & {
        categories: Array<{ name: string }>;
      };
      expect(stored).toMatchObject({ title, sourceUrl: null, language: 'en', source: 'rki.news' });
      expect(stored.categories.map((category) => category.name)).toEqual(['International']);

      // The Content Manager drops the same field from the same editor's create.
      const viaCm = await limited.post(`${CM}/${ARTICLE}`, { title: uniqueTitle('CM without link'), body: 'x', sourceUrl: 'https://example.org/cm' });
      expect(viaCm.status).toBe(201);
      expect(((await articles(app).findOne({ documentId: viaCm.body.data.documentId })) as Row).sourceUrl).toBeNull();
    });

    it('refuse a document whose title the role may not set', async () => {
      const noTitle = await createAdmin(app, 'Author without titles', [
        'plugin::newsroom.import',
        { action: 'plugin::content-manager.explorer.create', subject: ARTICLE, fields: ['body', 'categories'] },
      ]);
      const answer = await importAs(noTitle, [buildDocument({ title: uniqueTitle('Untitled by role') })]);
      expect(answer.data[0].status).toBe('invalid');
      expect(answer.data[0].errors?.[0].message).toMatch(/"title"/);
    });

    it('make a document naming a new category invalid without the category create permission, with the reason; existing categories work', async () => {
      const newName = `Brand new ${Date.now().toString(36)}`;
      const documents = [
        buildDocument({ title: uniqueTitle('Existing categories only'), category: ',English,International,Snippets' }),
        buildDocument({ title: uniqueTitle('Names a new category'), category: `,English,International,${newName}` }),
      ];
      const preview = await alice.post('/newsroom/import/preview', { documents });
      expect(preview.body.data.map((entry: { status: string }) => entry.status)).toEqual(['new', 'invalid']);

      const answer = await importAs(alice, documents);
      expect(answer.data.map((entry) => entry.status)).toEqual(['created', 'invalid']);
      expect(answer.data[1].errors).toEqual([
        { line: expect.any(Number), message: expect.stringContaining('plugin::content-manager.explorer.create on plugin::newsroom.category') },
      ]);
      expect(answer.data[1].errors?.[0].message).toContain(newName);
      expect(await app.strapi.db.query(CATEGORY).count({ where: { name: newName } })).toBe(0);
    });

    it('create new categories for a role that may, recording the editor as their creator', async () => {
      const editor = await createAdmin(app, 'Category creating author', [
        ...authorPermissions,
        ['plugin::content-manager.explorer.create', CATEGORY],
      ]);
      const newName = `Created by editor ${Date.now().toString(36)}`;
      const answer = await importAs(editor, [buildDocument({ title: uniqueTitle('With new category'), category: `,English,${newName}` })]);
      expect(answer.data[0].status).toBe('created');
      const row = (await app.strapi.db
        .connection(app.strapi.db.metadata.get(CATEGORY).tableName)
        .where({ name: newName })
        .first()) as Row;
      expect([row.created_by_id, row.updated_by_id].map(Number)).toEqual([editor.id, editor.id]);
    });
  });

  describe('imports through the content API', () => {
    const tokenWith = async (permissions: string[]) =>
      (
        (await app.strapi.service('admin::api-token').create({
          name: `import-${permissions.length}-${Date.now()}`,
          type: 'custom',
          lifespan: null,
          permissions,
        })) as { accessKey: string }
      ).accessKey;

    it('create new categories only for a token with plugin::newsroom.category.create', async () => {
      const importOnly = importApi(app, await tokenWith(['plugin::newsroom.import.create']));
      const withCategories = importApi(app, await tokenWith(['plugin::newsroom.import.create', 'plugin::newsroom.category.create']));
      const newName = `Token category ${Date.now().toString(36)}`;
      const text = buildDocument({ title: uniqueTitle('Token new category'), category: `,English,${newName}` });

      const refused = importAnswer((await importOnly.text(`${buildDocument({ title: uniqueTitle('Token existing') })}\n${text}`)).body);
      expect(refused.data.map((entry) => entry.status)).toEqual(['created', 'invalid']);
      expect(refused.data[1].errors?.[0].message).toMatch(/plugin::newsroom\.category\.create/);

      const allowed = importAnswer((await withCategories.text(text)).body);
      expect(allowed.data[0].status).toBe('created');
      expect(await app.strapi.db.query(CATEGORY).count({ where: { name: newName } })).toBe(1);
      // Nothing records an admin as the creator of a content-API import, as for a REST create.
      const [row] = await rowsOf(allowed.data[0].documentId as string);
      expect(row.created_by_id ?? null).toBeNull();
    });

    it('create at most 100 new categories a request; documents naming more are invalid with the reason', async () => {
      const stamp = Date.now().toString(36);
      const documents = Array.from({ length: 101 }, (_, i) =>
        buildDocument({ title: uniqueTitle(`Cap ${i}`), category: `,English,Capped ${stamp} ${i}` })
      );
      const answer = importAnswer((await importApi(app).json({ documents })).body);
      expect(answer.meta).toEqual({ created: 100, duplicates: 0, invalid: 1 });
      expect(answer.data[100].status).toBe('invalid');
      expect(answer.data[100].errors?.[0].message).toMatch(/at most 100 new categories/);
      expect(await app.strapi.db.query(CATEGORY).count({ where: { name: { $startsWith: `Capped ${stamp}` } } })).toBe(100);
    });
  });
});
