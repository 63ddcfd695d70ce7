import type { TestApp } from './strapi';

/**
 * The Document Service, typed loosely: the playground generates no content-type types,
 * so Strapi's own typings do not know the plugin's fields.
 */
export interface StoredDocument {
  id: number;
  documentId: string;
  publishedAt: string | null;
  [field: string]: unknown;
}

type Data = Record<string, unknown>;
type Status = 'draft' | 'published';

export interface Documents {
  create(params: { data: Data; status?: Status }): Promise<StoredDocument>;
  update(params: { documentId: string; data: Data; status?: Status }): Promise<StoredDocument>;
  findOne(params: { documentId: string; status?: Status; populate?: unknown }): Promise<StoredDocument | null>;
  findMany(params?: Record<string, unknown>): Promise<StoredDocument[]>;
  count(params?: Record<string, unknown>): Promise<number>;
  delete(params: { documentId: string }): Promise<unknown>;
  publish(params: { documentId: string }): Promise<{ documentId: string; entries: StoredDocument[] }>;
  unpublish(params: { documentId: string }): Promise<{ documentId: string; entries: StoredDocument[] }>;
  discardDraft(params: { documentId: string }): Promise<{ documentId: string; entries: StoredDocument[] }>;
}

export const documents = (app: TestApp, uid: 'plugin::newsroom.article' | 'plugin::newsroom.category'): Documents =>
  app.strapi.documents(uid as Parameters<TestApp['strapi']['documents']>[0]) as unknown as Documents;

export const articles = (app: TestApp) => documents(app, 'plugin::newsroom.article');
export const categories = (app: TestApp) => documents(app, 'plugin::newsroom.category');
