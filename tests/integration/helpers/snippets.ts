/** Builders and calls for the snippet endpoint tests. */
import { randomBytes } from 'node:crypto';
import type { Test } from 'supertest';
import { articles, categories, type StoredDocument } from './documents';
import type { TestApp } from './strapi';

export interface SnippetJson {
  documentId: string;
  slug: string;
  title: string;
  excerpt: string | null;
  language: string | null;
  documentDate: string | null;
  sourcePublishedDate: string | null;
  source: string | null;
  sourceUrl: string | null;
  readingTime: number | null;
  categories: Array<{ name: string; slug: string }>;
}

export interface SnippetListJson {
  data: SnippetJson[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

/** A lower-case word no other test uses: put it in a title and search for it to see only your own articles. */
export const uniqueWord = (prefix = 'w') => `${prefix}${randomBytes(4).toString('hex')}`;

export const snippetArticle = (overrides: Record<string, unknown> = {}) => ({
  title: `Snippet ${uniqueWord()}`,
  body: 'Negotiators met again on Saturday. Both sides called the talks constructive.',
  ...overrides,
});

export const publishArticle = (app: TestApp, overrides: Record<string, unknown> = {}): Promise<StoredDocument> =>
  articles(app).create({ data: snippetArticle(overrides), status: 'published' });

export const draftArticle = (app: TestApp, overrides: Record<string, unknown> = {}): Promise<StoredDocument> =>
  articles(app).create({ data: snippetArticle(overrides) });

export const createCategory = (app: TestApp, name: string): Promise<StoredDocument> =>
  categories(app).create({ data: { name } });

/** Calls as a client with the full-access API token. */
export const snippetsApi = (app: TestApp) => {
  const auth = (req: Test) => req.set('Authorization', `Bearer ${app.token}`);
  return {
    /** `query` is the raw query string after `?`, sent exactly as given. */
    list: (query = '') => auth(app.http().get(`/api/newsroom/snippets${query === '' ? '' : `?${query}`}`)),
    one: (slug: string) => auth(app.http().get(`/api/newsroom/snippets/${slug}`)),
    /** Titles of one page, in the order served. */
    titles: async (query: string) => {
      const res = await auth(app.http().get(`/api/newsroom/snippets?${query}`));
      if (res.status !== 200) throw new Error(`GET /snippets?${query} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return (res.body as SnippetListJson).data.map((snippet) => snippet.title);
    },
  };
};
