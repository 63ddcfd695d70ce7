/** Calls of the import endpoint (SPEC 4.4) and reads of what it wrote. */
import type { TestApp } from './strapi';

export const ARTICLE = 'plugin::newsroom.article';
export const CATEGORY = 'plugin::newsroom.category';

export interface ImportIssue {
  line: number;
  message: string;
}

export interface ImportEntry {
  index: number;
  status: 'created' | 'duplicate' | 'invalid';
  documentId: string | null;
  slug: string | null;
  title: string | null;
  errors: ImportIssue[] | null;
  warnings: ImportIssue[];
}

export interface ImportAnswer {
  data: ImportEntry[];
  meta: { created: number; duplicates: number; invalid: number };
}

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
