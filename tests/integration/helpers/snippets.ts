/** Builders and calls for the snippet endpoint tests. */
import { randomBytes } from 'node:crypto';
import type { Test } from 'supertest';
import type { z } from 'zod';
import { snippetListResponseSchema, snippetResponseSchema, type snippetSchema } from '../../../server/src/core/snippet-schemas';
import { articles, categories, type StoredDocument } from './documents';
import type { TestApp } from './strapi';

/** A snippet and a snippet list as the server declares them (core/snippet-schemas.ts), not copied by hand. */
export type SnippetJson = z.infer<typeof snippetSchema>;
export type SnippetListJson = z.infer<typeof snippetListResponseSchema>;

/** The body of a `GET /snippets` answer, parsed with the server's own schema: any other shape fails the test. */
export const snippetList = (body: unknown): SnippetListJson => snippetListResponseSchema.parse(body);

/** The snippet of a `GET /snippets/:slug` answer, parsed with the server's own schema. */
export const snippetOne = (body: unknown): SnippetJson => snippetResponseSchema.parse(body).data;

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
      return snippetList(res.body).data.map((snippet) => snippet.title);
    },
  };
};
