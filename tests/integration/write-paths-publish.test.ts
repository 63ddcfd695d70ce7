/**
 * SPEC 3 on the actions that store what is already stored: publish, bulk publish,
 * discard draft. Strapi publishes the draft as it is, so a draft that breaks a rule
 * (an empty body, or a field written around the rules by raw SQL) must be refused
 * by every publish path. And the snippet answers' second line of defence against
 * such rows.
 */
import { registerSuperAdmin, type AdminSession } from './helpers/admin';
import { articles, type StoredDocument } from './helpers/documents';
import { articleData } from './helpers/factories';
import { graphql, SNIPPET_QUERY, SNIPPETS_QUERY } from './helpers/graphql';
import { snippetList, snippetsApi, type SnippetJson } from './helpers/snippets';
import { appHasPackage } from '../support/strapi-process';
import { useStrapi, type TestApp } from './helpers/strapi';
import {
  namedFields,
  REFUSED_STATUS,
  storedState,
  writeAroundTheRules,
  writePaths,
  type Outcome,
  type WritePaths,
} from './helpers/write-paths';

type Break = (app: TestApp, documentId: string) => Promise<unknown>;

const bySql = (fields: Record<string, unknown>): Break => (app, documentId) => writeAroundTheRules(app, documentId, 'draft', fields);


/** GraphQL paths run where the app has the GraphQL plugin (the playground; not a fresh app of the compatibility matrix). */
const GRAPHQL_INSTALLED = appHasPackage('@strapi/plugin-graphql');
const inThisApp = ([, kind]: readonly [string, string, ...unknown[]]) => kind !== 'graphql' || GRAPHQL_INSTALLED;
/** Drafts that must not be published, each made from a valid published article, and the field to name. */
const BROKEN_DRAFTS: Array<[string, string, Break]> = [
  ['an empty body', 'body', (app, documentId) => articles(app).update({ documentId, data: { body: '  \n ' } })],
  ['a javascript: source URL written by SQL', 'sourceUrl', bySql({ sourceUrl: 'javascript:alert(1)' })],
  ['a language with markup written by SQL', 'language', bySql({ language: 'zz<b>' })],
  ['a blank title written by SQL', 'title', bySql({ title: '   ' })],
  ['a source over 200 characters written by SQL', 'source', bySql({ source: 's'.repeat(201) })],
];

const PUBLISH_PATHS: Array<[string, keyof typeof REFUSED_STATUS, (paths: WritePaths, documentId: string) => Promise<Outcome>]> = [
  ['Content Manager publish', 'http', (p, id) => p.contentManager.updateAndPublish(id, {})],
  ['Content Manager bulk publish', 'http', (p, id) => p.contentManager.bulkPublish([id])],
  ['REST update and publish', 'http', (p, id) => p.rest.update(id, {}, 'published')],
  ['GraphQL update and publish', 'graphql', (p, id) => p.graphql.update(id, {}, 'PUBLISHED')],
  ['Document Service publish', 'documents', (p, id) => p.documents.publish(id)],
  ['Document Service update and publish', 'documents', (p, id) => p.documents.update(id, {}, 'published')],
];

describe('publishing and discarding keep the article rules', () => {
  const app = useStrapi();
  let admin: AdminSession;
  let paths: WritePaths;

  beforeAll(async () => {
    admin = await registerSuperAdmin(app);
    paths = writePaths(app, admin);
  });

  const published = (data: Record<string, unknown> = {}) => articles(app).create({ data: articleData(data), status: 'published' });

  describe.each(PUBLISH_PATHS.filter(inThisApp))('%s', (_name, kind, publish) => {
    it.each(BROKEN_DRAFTS)('refuses a draft with %s, naming %s, and publishes nothing', async (_label, field, breakDraft) => {
      const article = await published();
      await breakDraft(app, article.documentId);
      const before = await storedState(app);
      const outcome = await publish(paths, article.documentId);
      expect(outcome.status).toBe(REFUSED_STATUS[kind]);
      expect(namedFields(outcome)).toContain(field);
      expect(await storedState(app)).toEqual(before);
    });
  });

  it('publishes a broken draft once the editor fixes the field in the same save', async () => {
    const article = await published();
    await writeAroundTheRules(app, article.documentId, 'draft', { sourceUrl: 'javascript:alert(1)' });
    const outcome = await paths.contentManager.updateAndPublish(article.documentId, { sourceUrl: 'https://example.org/fixed' });
    expect(outcome.ok).toBe(true);
    expect((await snippetsApi(app).one(article.slug as string)).body.data.sourceUrl).toBe('https://example.org/fixed');
  });

  describe('bulk publish', () => {
    it('publishes none of the selection when one draft breaks a rule', async () => {
      const good = await articles(app).create({ data: articleData() });
      const bad = await articles(app).create({ data: articleData() });
      await writeAroundTheRules(app, bad.documentId, 'draft', { sourceUrl: 'javascript:alert(1)' });
      const before = await storedState(app);
      const outcome = await paths.contentManager.bulkPublish([good.documentId, bad.documentId]);
      expect(outcome.status).toBe('400');
      expect(namedFields(outcome)).toContain('sourceUrl');
      expect(await storedState(app)).toEqual(before);
    });

    it('publishes valid drafts, with counts and language a raw write left wrong put right', async () => {
      const draft = await articles(app).create({ data: articleData({ body: 'Three words here.' }) });
      await writeAroundTheRules(app, draft.documentId, 'draft', { wordCount: 999, readingTime: 50, language: null });
      expect((await paths.contentManager.bulkPublish([draft.documentId])).ok).toBe(true);
      const live = await articles(app).findOne({ documentId: draft.documentId, status: 'published' });
      expect(live).toMatchObject({ wordCount: 3, readingTime: 1, language: 'en', excerpt: 'Three words here.' });
    });
  });

  describe('discarding a draft', () => {
    const discardPaths: Array<[string, keyof typeof REFUSED_STATUS, (p: WritePaths, id: string) => Promise<Outcome>]> = [
      ['Content Manager discard', 'http', (p, id) => p.contentManager.discard(id)],
      ['Document Service discardDraft', 'documents', (p, id) => p.documents.discardDraft(id)],
    ];

    it.each(discardPaths.filter(inThisApp))('%s refuses to copy a published version that breaks a rule', async (_name, kind, discard) => {
      const article = await published();
      await writeAroundTheRules(app, article.documentId, 'published', { sourceUrl: 'javascript:alert(1)' });
      const before = await storedState(app);
      const outcome = await discard(paths, article.documentId);
      expect(outcome.status).toBe(REFUSED_STATUS[kind]);
      expect(namedFields(outcome)).toContain('sourceUrl');
      expect(await storedState(app)).toEqual(before);
    });

    it('still works after the languages setting stops listing the article language', async () => {
      const article = await published({ language: 'fr' });
      await articles(app).update({ documentId: article.documentId, data: { title: 'An unpublished change' } });
      expect((await admin.put('/newsroom/settings', { languages: ['en', 'de'] })).status).toBe(200);
      try {
        const outcome = await paths.contentManager.discard(article.documentId);
        expect(outcome.ok).toBe(true);
        expect(await articles(app).findOne({ documentId: article.documentId })).toMatchObject({ title: article.title, language: 'fr' });
      } finally {
        await admin.put('/newsroom/settings', { languages: [] });
      }
    });
  });

  describe('unpublishing', () => {
    it('takes a published version that breaks a rule off the snippet endpoint', async () => {
      const article = await published();
      await writeAroundTheRules(app, article.documentId, 'published', { language: 'zz<b>' });
      expect((await paths.contentManager.bulkUnpublish([article.documentId])).ok).toBe(true);
      expect((await snippetsApi(app).one(article.slug as string)).status).toBe(404);
    });
  });

  describe('snippet answers for rows written around the rules', () => {
    let article: StoredDocument;
    let draftOnly: StoredDocument;
    const FAR_FUTURE = '2100-01-01T00:00:00.000Z';
    const bad = { sourceUrl: 'javascript:alert(1)', language: 'zz<b>' };
    const defended = { sourceUrl: null, language: null };

    beforeAll(async () => {
      article = await published({ documentDate: FAR_FUTURE, sourceUrl: 'https://example.org/a' });
      draftOnly = await articles(app).create({ data: articleData() });
      await writeAroundTheRules(app, article.documentId, 'published', bad);
      await writeAroundTheRules(app, article.documentId, 'draft', bad);
      await writeAroundTheRules(app, draftOnly.documentId, 'draft', bad);
      // Raw SQL bypasses the cache invalidation every plugin write does.
      (app.strapi.plugin('newsroom').service('snippets') as { invalidate(): void }).invalidate();
    });

    it('the snippet list serves neither the link nor the language', async () => {
      const res = await snippetsApi(app).list(`from=${FAR_FUTURE}`);
      const [snippet] = snippetList(res.body).data;
      expect(snippet).toMatchObject({ documentId: article.documentId, ...defended });
    });

    it('the snippet by slug serves neither', async () => {
      expect((await snippetsApi(app).one(article.slug as string)).body.data).toMatchObject(defended);
    });

    (GRAPHQL_INSTALLED ? it : it.skip)('GraphQL serves neither, in the list and by slug', async () => {
      const gql = graphql(app);
      const list = await gql<{ newsroomSnippets: { data: SnippetJson[] } }>(SNIPPETS_QUERY, { from: FAR_FUTURE });
      expect(list.data?.newsroomSnippets.data[0]).toMatchObject({ documentId: article.documentId, ...defended });
      const one = await gql<{ newsroomSnippet: SnippetJson }>(SNIPPET_QUERY, { slug: article.slug });
      expect(one.data?.newsroomSnippet).toMatchObject(defended);
    });

    it('the admin preview serves neither, for a published article and for a draft', async () => {
      for (const documentId of [article.documentId, draftOnly.documentId]) {
        const res = await admin.get(`/newsroom/articles/${documentId}/preview`);
        expect(res.status).toBe(200);
        expect(res.body.data).toMatchObject(defended);
      }
    });
  });
});
