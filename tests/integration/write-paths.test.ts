/**
 * SPEC 3 on every write path that takes article data: each entry point × each
 * invalid field is refused, names the field and stores nothing. Then what a valid
 * clone gets. Publishing and rows written around the rules: write-paths-publish.
 */
import { registerSuperAdmin, type AdminSession } from './helpers/admin';
import { articles, type StoredDocument } from './helpers/documents';
import { articleData, words } from './helpers/factories';
import { snippetOne, snippetsApi, uniqueWord } from './helpers/snippets';
import { appHasPackage } from '../support/strapi-process';
import { useStrapi } from './helpers/strapi';
import {
  namedFields,
  REFUSED_STATUS,
  storedState,
  writePaths,
  type Outcome,
  type WritePaths,
} from './helpers/write-paths';

type Data = Record<string, unknown>;


/** GraphQL paths run where the app has the GraphQL plugin (the playground; not a fresh app of the compatibility matrix). */
const GRAPHQL_INSTALLED = appHasPackage('@strapi/plugin-graphql');
const inThisApp = ([, kind]: readonly [string, string, ...unknown[]]) => kind !== 'graphql' || GRAPHQL_INSTALLED;
/** Invalid data, each breaking one rule of SPEC 2/3, and the field it must be refused for. */
const INVALID: Array<[string, string, Data]> = [
  ['a javascript: source URL', 'sourceUrl', { sourceUrl: 'javascript:alert(1)' }],
  ['a language with markup', 'language', { language: 'zz<b>' }],
  ['a title over 300 characters', 'title', { title: 't'.repeat(301) }],
  ['an empty title', 'title', { title: '' }],
  ['a source over 200 characters', 'source', { source: 's'.repeat(201) }],
];

/** Entry points that take article data; `target` is a published article with a valid draft. */
const ENTRY_POINTS: Array<[string, keyof typeof REFUSED_STATUS, (paths: WritePaths, target: string, bad: Data) => Promise<Outcome>]> = [
  ['REST create', 'http', (p, _t, bad) => p.rest.create(articleData(bad), 'draft')],
  ['REST create and publish', 'http', (p, _t, bad) => p.rest.create(articleData(bad), 'published')],
  ['REST update', 'http', (p, t, bad) => p.rest.update(t, bad, 'draft')],
  ['REST update and publish', 'http', (p, t, bad) => p.rest.update(t, bad, 'published')],
  ['Content Manager create', 'http', (p, _t, bad) => p.contentManager.create(articleData(bad))],
  ['Content Manager create and publish', 'http', (p, _t, bad) => p.contentManager.createAndPublish(articleData(bad))],
  ['Content Manager update', 'http', (p, t, bad) => p.contentManager.update(t, bad)],
  ['Content Manager update and publish', 'http', (p, t, bad) => p.contentManager.updateAndPublish(t, bad)],
  ['Content Manager clone', 'http', (p, t, bad) => p.contentManager.clone(t, { title: 'Cloned probe', ...bad })],
  ['GraphQL create', 'graphql', (p, _t, bad) => p.graphql.create(articleData(bad))],
  ['GraphQL update', 'graphql', (p, t, bad) => p.graphql.update(t, bad)],
  ['GraphQL update and publish', 'graphql', (p, t, bad) => p.graphql.update(t, bad, 'PUBLISHED')],
  ['Document Service create', 'documents', (p, _t, bad) => p.documents.create(articleData(bad))],
  ['Document Service update', 'documents', (p, t, bad) => p.documents.update(t, bad)],
  ['Document Service update and publish', 'documents', (p, t, bad) => p.documents.update(t, bad, 'published')],
  ['Document Service clone', 'documents', (p, t, bad) => p.documents.clone(t, { title: 'Cloned probe', ...bad })],
];

describe('every write path keeps the article rules', () => {
  const app = useStrapi();
  let admin: AdminSession;
  let paths: WritePaths;
  let target: StoredDocument;

  beforeAll(async () => {
    admin = await registerSuperAdmin(app);
    paths = writePaths(app, admin);
    target = await articles(app).create({ data: articleData({ sourceUrl: 'https://example.org/story' }), status: 'published' });
  });

  describe.each(ENTRY_POINTS.filter(inThisApp))('%s', (_name, kind, write) => {
    it.each(INVALID)('refuses %s, naming %s, and stores nothing', async (_label, field, bad) => {
      const before = await storedState(app);
      const outcome = await write(paths, target.documentId, bad);
      expect(outcome.status).toBe(REFUSED_STATUS[kind]);
      expect(namedFields(outcome)).toContain(field);
      expect(await storedState(app)).toEqual(before);
    });
  });

  describe('a clone', () => {
    const snippet = async (slug: string) => snippetOne((await snippetsApi(app).one(slug)).body);

    it('with the probe that found the gap (a javascript: link and markup as language) is refused and stores nothing to publish', async () => {
      const source = await articles(app).create({ data: articleData(), status: 'published' });
      const before = await storedState(app);
      const cloned = await paths.contentManager.clone(source.documentId, {
        title: 'Cloned probe two',
        sourceUrl: 'javascript:alert(1)',
        language: 'zz<b>',
      });
      expect(cloned.status).toBe('400');
      expect(namedFields(cloned)).toEqual(expect.arrayContaining(['sourceUrl', 'language']));
      expect(await storedState(app)).toEqual(before);
    });

    it('gets a slug of its own, an excerpt of its new body, counts of it and a normalized language', async () => {
      const word = uniqueWord('clone');
      const source = await articles(app).create({ data: articleData({ body: `The source body ${word}.` }), status: 'published' });
      const res = await admin.post(`/content-manager/collection-types/plugin::newsroom.article/clone/${source.documentId}`, {
        title: `  Cloned ${word}  `,
        body: `A **new** body for the clone, ${words(8, 'fresh')}.`,
        language: 'German',
        excerpt: source.excerpt, // the form sends the source's generated excerpt back
        slug: source.slug, // and its slug
        wordCount: 1,
      });
      expect(res.status).toBe(200);
      const clone = await articles(app).findOne({ documentId: res.body.data.documentId as string });
      expect(clone).toMatchObject({
        title: `Cloned ${word}`,
        slug: `cloned-${word}`,
        excerpt: `A new body for the clone, ${words(8, 'fresh')}.`,
        language: 'de',
        wordCount: 14,
        readingTime: 1,
        publishedAt: null,
      });
      expect(await articles(app).findOne({ documentId: source.documentId })).toMatchObject({ slug: source.slug, excerpt: source.excerpt });

      const published = await paths.contentManager.bulkPublish([clone!.documentId]);
      expect(published.ok).toBe(true);
      expect(await snippet(`cloned-${word}`)).toMatchObject({ title: `Cloned ${word}`, language: 'de', sourceUrl: null });
    });

    it('without overrides is a copy under the next free slug, keeping an excerpt the editor wrote', async () => {
      const source = await articles(app).create({ data: articleData({ excerpt: 'Written by hand.', language: 'fa' }) });
      const result = await app.strapi.documents('plugin::newsroom.article' as never).clone({ documentId: source.documentId } as never);
      const clone = await articles(app).findOne({ documentId: (result as { documentId: string }).documentId });
      expect(clone).toMatchObject({
        title: source.title,
        slug: `${source.slug}-2`,
        excerpt: 'Written by hand.',
        language: 'fa',
        wordCount: source.wordCount,
      });
    });
  });
});
