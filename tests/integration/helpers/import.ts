/** Calls of the import endpoint (SPEC 4.4) and reads of what it wrote. */
import { importResultSchema, type ImportResult } from '../../../server/src/core/import/result';
import type { TestApp } from './strapi';

export const ARTICLE = 'plugin::newsroom.article';
export const CATEGORY = 'plugin::newsroom.category';

/** The import answer as the server declares it (core/import/result.ts), not copied by hand. */
export type { ImportDocumentResult as ImportEntry, ImportIssue, ImportResult as ImportAnswer } from '../../../server/src/core/import/result';

/** The body of an import answer, parsed with the server's own schema: any other shape fails the test. */
export const importAnswer = (body: unknown): ImportResult => importResultSchema.parse(body);

export const importApi = (app: TestApp, token: string | null = app.token) => {
  const auth = (req: import('supertest').Test) => (token ? req.set('Authorization', `Bearer ${token}`) : req);
  return {
    text: (text: string, query = '') =>
      auth(app.http().post(`/api/newsroom/import${query}`).set('Content-Type', 'text/plain; charset=utf-8').send(text)),
    json: (body: unknown, query = '') => auth(app.http().post(`/api/newsroom/import${query}`).send(body as object)),
    raw: (contentType: string, body: string | Buffer) =>
      auth(app.http().post('/api/newsroom/import').set('Content-Type', contentType).send(body)),
  };
};

/** Every row (draft and published) of the articles with this title. */
export const articleRows = (app: TestApp, title: string) =>
  app.strapi.db.query(ARTICLE).findMany({ where: { title }, select: ['documentId', 'publishedAt'] }) as Promise<
    Array<{ documentId: string; publishedAt: string | null }>
  >;

export const documentsWithTitle = async (app: TestApp, title: string) =>
  new Set((await articleRows(app, title)).map((row) => row.documentId)).size;
