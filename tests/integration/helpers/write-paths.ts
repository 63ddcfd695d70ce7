/**
 * The article write paths of the matrix tests, each as one call that answers the
 * same outcome shape, and a snapshot of everything a write could leave behind.
 */
import type { Response } from 'supertest';
import type { AdminSession } from './admin';
import { articles } from './documents';
import { graphql, type GraphqlError } from './graphql';
import type { TestApp } from './strapi';

export const ARTICLE = 'plugin::newsroom.article';
/** The Content Manager's admin API for articles. */
export const CM = `/content-manager/collection-types/${ARTICLE}`;

export interface Outcome {
  ok: boolean;
  /** The HTTP status, the GraphQL error code, or the thrown error's name. */
  status: string;
  message: string;
  /** The fields named in the error details (`details.errors[].path`). */
  fields: string[];
}

type ErrorBody = { message?: string; details?: { errors?: Array<{ path?: unknown[] }> } };

const fieldsOf = (error: ErrorBody | undefined) =>
  (error?.details?.errors ?? []).map((item) => String(item.path?.[0] ?? ''));

export const fromHttp = (res: Response): Outcome => {
  const error = (res.body as { error?: ErrorBody }).error;
  return { ok: res.status < 300, status: String(res.status), message: error?.message ?? '', fields: fieldsOf(error) };
};

export const fromGraphql = (errors: GraphqlError[]): Outcome => {
  const [first] = errors;
  return {
    ok: errors.length === 0,
    status: first?.extensions?.code ?? '',
    message: first?.message ?? '',
    fields: fieldsOf(first?.extensions?.error as ErrorBody | undefined),
  };
};

export const fromCall = async (call: () => Promise<unknown>): Promise<Outcome> => {
  try {
    await call();
    return { ok: true, status: 'ok', message: '', fields: [] };
  } catch (error) {
    const { name, message, details } = error as Error & ErrorBody;
    return { ok: false, status: name, message, fields: fieldsOf({ details }) };
  }
};

/** What a refusal must look like on each kind of entry point. */
export const REFUSED_STATUS = { http: '400', graphql: 'BAD_USER_INPUT', documents: 'ValidationError' } as const;

/** The fields an outcome names, in its details or as a word of its message. */
export const namedFields = (outcome: Outcome) => [...outcome.fields, ...(outcome.message.match(/\w+/g) ?? [])];

const UPDATE_MUTATION = `mutation($id: ID!, $data: NewsroomArticleInput!, $status: PublicationStatus) {
  updateNewsroomArticle(documentId: $id, data: $data, status: $status) { documentId }
}`;
const CREATE_MUTATION = `mutation($data: NewsroomArticleInput!) { createNewsroomArticle(data: $data) { documentId } }`;

/** Calls shared by the matrices: every entry point that can write an article. */
export const writePaths = (app: TestApp, admin: AdminSession) => {
  const auth = (req: import('supertest').Test) => req.set('Authorization', `Bearer ${app.token}`);
  const gql = graphql(app);
  return {
    rest: {
      create: async (data: Record<string, unknown>, status: 'draft' | 'published') =>
        fromHttp(await auth(app.http().post(`/api/newsroom/articles?status=${status}`).send({ data }))),
      update: async (documentId: string, data: Record<string, unknown>, status: 'draft' | 'published') =>
        fromHttp(await auth(app.http().put(`/api/newsroom/articles/${documentId}?status=${status}`).send({ data }))),
    },
    contentManager: {
      create: async (data: Record<string, unknown>) => fromHttp(await admin.post(CM, data)),
      createAndPublish: async (data: Record<string, unknown>) => fromHttp(await admin.post(`${CM}/actions/publish`, data)),
      update: async (documentId: string, data: Record<string, unknown>) => fromHttp(await admin.put(`${CM}/${documentId}`, data)),
      /** The editor's "Publish" button: saves the form, then publishes. */
      updateAndPublish: async (documentId: string, data: Record<string, unknown>) =>
        fromHttp(await admin.post(`${CM}/${documentId}/actions/publish`, data)),
      clone: async (documentId: string, data: Record<string, unknown>) => fromHttp(await admin.post(`${CM}/clone/${documentId}`, data)),
      bulkPublish: async (documentIds: string[]) => fromHttp(await admin.post(`${CM}/actions/bulkPublish`, { documentIds })),
      bulkUnpublish: async (documentIds: string[]) => fromHttp(await admin.post(`${CM}/actions/bulkUnpublish`, { documentIds })),
      discard: async (documentId: string) => fromHttp(await admin.post(`${CM}/${documentId}/actions/discard`, {})),
    },
    graphql: {
      create: async (data: Record<string, unknown>) => fromGraphql((await gql(CREATE_MUTATION, { data })).errors),
      update: async (documentId: string, data: Record<string, unknown>, status: 'DRAFT' | 'PUBLISHED' = 'DRAFT') =>
        fromGraphql((await gql(UPDATE_MUTATION, { id: documentId, data, status })).errors),
    },
    documents: {
      create: (data: Record<string, unknown>) => fromCall(() => articles(app).create({ data })),
      update: (documentId: string, data: Record<string, unknown>, status: 'draft' | 'published' = 'draft') =>
        fromCall(() => articles(app).update({ documentId, data, status })),
      clone: (documentId: string, data: Record<string, unknown>) =>
        fromCall(() => app.strapi.documents(ARTICLE as never).clone({ documentId, data } as never)),
      publish: (documentId: string) => fromCall(() => articles(app).publish({ documentId })),
      discardDraft: (documentId: string) => fromCall(() => articles(app).discardDraft({ documentId })),
    },
  };
};

export type WritePaths = ReturnType<typeof writePaths>;

/**
 * Writes article columns with plain SQL, around every rule: a row as an old
 * release, a migration or a hand-made fix could have left it.
 */
export async function writeAroundTheRules(
  app: TestApp,
  documentId: string,
  version: 'draft' | 'published',
  fields: Record<string, unknown>
): Promise<void> {
  const meta = app.strapi.db.metadata.get(ARTICLE) as unknown as {
    tableName: string;
    attributes: Record<string, { columnName?: string }>;
  };
  const column = (attribute: string) => meta.attributes[attribute]?.columnName ?? attribute;
  const values = Object.fromEntries(Object.entries(fields).map(([key, value]) => [column(key), value]));
  const query = app.strapi.db.connection(meta.tableName).where(column('documentId'), documentId);
  const changed = await (version === 'draft' ? query.whereNull(column('publishedAt')) : query.whereNotNull(column('publishedAt'))).update(values);
  if (changed !== 1) throw new Error(`expected to change one ${version} row of ${documentId}, changed ${changed}`);
}

/** Every article row, every claim and the snippet list as a frontend sees it. */
export async function storedState(app: TestApp) {
  const rows = await app.strapi.db.query(ARTICLE).findMany({ orderBy: { id: 'asc' } });
  const claims = await app.strapi.db.connection('newsroom_claims').select('*').orderBy(['scope', 'claim_key']);
  const res = await app.http().get('/api/newsroom/snippets?pageSize=100').set('Authorization', `Bearer ${app.token}`);
  if (res.status !== 200) throw new Error(`GET /api/newsroom/snippets answered ${res.status}`);
  return { rows, claims, snippets: res.body as unknown };
}
