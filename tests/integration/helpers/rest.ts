import type { TestApp } from './strapi';

export interface RestArticle {
  documentId: string;
  title: string;
  slug: string;
  body: string | null;
  excerpt: string | null;
  language: string | null;
  documentDate: string | null;
  source: string | null;
  sourceUrl: string | null;
  wordCount: number | null;
  readingTime: number | null;
  publishedAt: string | null;
}

/** REST calls with the full-access token; `status` is Strapi's query parameter (REST publishes by default). */
export const rest = (app: TestApp) => {
  const auth = (req: import('supertest').Test) => req.set('Authorization', `Bearer ${app.token}`);
  return {
    createArticle: (data: Record<string, unknown>, status: 'draft' | 'published' = 'draft') =>
      auth(app.http().post(`/api/newsroom/articles?status=${status}`).send({ data })),
    updateArticle: (documentId: string, data: Record<string, unknown>, status: 'draft' | 'published' = 'draft') =>
      auth(app.http().put(`/api/newsroom/articles/${documentId}?status=${status}`).send({ data })),
    getArticle: (documentId: string, status: 'draft' | 'published' = 'draft') =>
      auth(app.http().get(`/api/newsroom/articles/${documentId}?status=${status}`)),
    listArticles: (query = '') => auth(app.http().get(`/api/newsroom/articles${query}`)),
    deleteArticle: (documentId: string) => auth(app.http().delete(`/api/newsroom/articles/${documentId}`)),
    createCategory: (data: Record<string, unknown>) => auth(app.http().post('/api/newsroom/categories').send({ data })),
    updateCategory: (documentId: string, data: Record<string, unknown>) =>
      auth(app.http().put(`/api/newsroom/categories/${documentId}`).send({ data })),
  };
};
