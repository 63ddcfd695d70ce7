/**
 * How an import writes new articles (SPEC 13): many at a time while nothing but Strapi
 * itself and the newsroom listens to article creates, one by one through the Document
 * Service (create, then publish) as soon as something else does: a document middleware,
 * a database lifecycle subscriber for articles, or the article type's own lifecycles,
 * registered at any time. A subscriber with only multi-row hooks (which never fire for
 * a Content Manager create) tells the two apart: it sees the bulk path's insert.
 */
import type { Core } from '@strapi/strapi';
import { uniqueTitle } from './helpers/factories';
import { ARTICLE, CATEGORY, importAnswer, importApi } from './helpers/import';
import { useStrapi } from './helpers/strapi';
import { buildDocument } from '../unit/factories/document';

type Subscriber = Parameters<Core.Strapi['db']['lifecycles']['subscribe']>[0];
type Middleware = Parameters<Core.Strapi['documents']['use']>[0];

const WRITES = ['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft'];

describe('how imports write new articles', () => {
  const app = useStrapi();

  /** Imports two new documents (published), counting the multi-row inserts of articles meanwhile. */
  async function importCountingBulkInserts(): Promise<{ bulkInserts: number; titles: string[] }> {
    let bulkInserts = 0;
    const unsubscribe = subscribe({ models: [ARTICLE], afterCreateMany: () => void (bulkInserts += 1) });
    try {
      const titles = [uniqueTitle('Path one'), uniqueTitle('Path two')];
      const res = await importApi(app).text(titles.map((title) => buildDocument({ title })).join('\n'), '?publish=true');
      expect(res.status).toBe(200);
      expect(importAnswer(res.body).meta).toEqual({ created: 2, duplicates: 0, invalid: 0 });
      return { bulkInserts, titles };
    } finally {
      unsubscribe();
    }
  }

  // Strapi types these as giving back the service; they give back the function that removes what they added.
  const subscribe = (subscriber: Subscriber) => app.strapi.db.lifecycles.subscribe(subscriber) as unknown as () => void;
  const use = (middleware: Middleware) => app.strapi.documents.use(middleware) as unknown as () => void;

  it('writes in bulk in a plain app: Strapi’s own middlewares and subscribers do not need each article', async () => {
    expect((await importCountingBulkInserts()).bulkInserts).toBe(1);
  });

  it('writes each article through the Document Service while another document middleware is registered, and in bulk again once it is removed', async () => {
    const seen: Array<[string, string | null]> = [];
    const remove = use(async (ctx, next) => {
      const result = await next();
      const written = result as { title?: string; entries?: Array<{ title?: string }> } | null;
      if (ctx.uid === ARTICLE && WRITES.includes(ctx.action)) seen.push([ctx.action, written?.title ?? written?.entries?.[0]?.title ?? null]);
      return result;
    });
    let written: Awaited<ReturnType<typeof importCountingBulkInserts>>;
    try {
      written = await importCountingBulkInserts();
    } finally {
      remove();
    }
    expect(written.bulkInserts).toBe(0);
    const [one, two] = written.titles;
    expect(seen).toEqual([
      ['create', one],
      ['publish', one],
      ['create', two],
      ['publish', two],
    ]);
    expect((await importCountingBulkInserts()).bulkInserts).toBe(1);
  });

  it.each<[string, (record: (row: string) => void) => Subscriber]>([
    ['for articles', (record) => ({ models: [ARTICLE], afterCreate: (event) => record(event.action) })],
    [
      'for every model',
      (record) => ({
        beforeCreate: (event) => {
          if (event.model.uid === ARTICLE) record(event.action);
        },
      }),
    ],
    [
      'as a function',
      (record) => (event) => {
        if (event.model.uid === ARTICLE && event.action === 'afterCreate') record(event.action);
      },
    ],
  ])('writes each article through the Document Service while a lifecycle subscriber %s handles single-row creates', async (_label, subscriber) => {
    const rows: string[] = [];
    const unsubscribe = subscribe(subscriber((action) => rows.push(action)));
    let written: Awaited<ReturnType<typeof importCountingBulkInserts>>;
    try {
      written = await importCountingBulkInserts();
    } finally {
      unsubscribe();
    }
    expect(written.bulkInserts).toBe(0);
    // A draft row and a published row for each of the two articles.
    expect(rows).toHaveLength(4);
    expect((await importCountingBulkInserts()).bulkInserts).toBe(1);
  });

  it('keeps writing in bulk for subscribers of other models and for those with no single-row create hook', async () => {
    const removers = [
      subscribe({ models: [CATEGORY], afterCreate: () => undefined }),
      subscribe({ models: [ARTICLE], afterUpdate: () => undefined, afterDelete: () => undefined }),
    ];
    try {
      expect((await importCountingBulkInserts()).bulkInserts).toBe(1);
    } finally {
      for (const remove of removers) remove();
    }
  });

  it('writes each article through the Document Service while the article content type has lifecycles of its own', async () => {
    // As `src/extensions/newsroom/strapi-server.js` adding `lifecycles` to the article type would.
    const lifecycles = (app.strapi.db.metadata.get(ARTICLE) as unknown as { lifecycles: Record<string, unknown> }).lifecycles;
    const rows: string[] = [];
    lifecycles.afterCreate = (event: { result: { title: string } }) => void rows.push(event.result.title);
    let written: Awaited<ReturnType<typeof importCountingBulkInserts>>;
    try {
      written = await importCountingBulkInserts();
    } finally {
      delete lifecycles.afterCreate;
    }
    expect(written.bulkInserts).toBe(0);
    expect(rows).toEqual([written.titles[0], written.titles[0], written.titles[1], written.titles[1]]);
  });

  it('writes each article through the Document Service with importMode "documentService", whoever listens', async () => {
    app.strapi.config.set('plugin::newsroom.importMode', 'documentService');
    try {
      expect((await importCountingBulkInserts()).bulkInserts).toBe(0);
    } finally {
      app.strapi.config.set('plugin::newsroom.importMode', 'auto');
    }
  });
});
