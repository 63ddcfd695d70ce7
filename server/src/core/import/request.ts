/**
 * The import request at the edge (SPEC 4.4): which body form was sent, the
 * `publish` flag, and the JSON body's shape. Pure, so the content-API controller
 * and the admin controller validate the same way.
 */
import { z } from 'zod';
import { MAX_IMPORT_DOCUMENTS } from './limits';

/** The documents to import: one text holding one or more, or one string per document. */
export type ImportSource = { kind: 'text'; text: string } | { kind: 'documents'; documents: string[] };

export interface ImportRequest {
  source: ImportSource;
  publish: boolean;
}

/** How the body was sent, as the controller reads the `Content-Type` header. */
export type BodyMediaType = 'text' | 'json' | 'none' | 'other';

export interface RequestProblem {
  status: 400 | 415;
  /** The offending parameter or body field, e.g. `publish`, `documents[2]`; null for the body as a whole. */
  path: string | null;
  message: string;
}

export type ParsedImportRequest = { ok: true; request: ImportRequest } | { ok: false; problem: RequestProblem };

export const ACCEPTED_MEDIA_TYPES = ['text/plain', 'text/markdown', 'application/json'] as const;

/** The JSON form; also what the OpenAPI document shows. */
export const importJsonBodySchema = z.strictObject({
  documents: z
    .array(z.string({ error: 'must be a string holding a document' }), { error: 'must be an array of strings' })
    .min(1, { error: 'must hold at least one document' })
    .max(MAX_IMPORT_DOCUMENTS, { error: `must hold at most ${MAX_IMPORT_DOCUMENTS} documents` })
    .describe('Snippet documents in the text format, one a string; line numbers in answers count in each string.'),
  publish: z.boolean({ error: 'must be true or false' }).optional().describe('Publish the new articles; drafts when false or absent.'),
});

export const importQuerySchema = z.strictObject({
  publish: z.enum(['true', 'false']).optional().describe('Publish the new articles (works with both body forms).'),
});

const problem = (status: 400 | 415, path: string | null, message: string): ParsedImportRequest => ({
  ok: false,
  problem: { status, path, message },
});

const issuePath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), '');

function firstIssue(error: z.ZodError, fallbackPath: string | null): { path: string | null; message: string } {
  const issue = error.issues[0];
  if (!issue) return { path: fallbackPath, message: 'is invalid' };
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const where = issuePath([...issue.path, key]);
    return { path: where, message: `${where} is not a known parameter` };
  }
  const where = issuePath(issue.path) || fallbackPath;
  return { path: where, message: where ? `${where} ${issue.message}` : issue.message };
}

function queryPublish(query: Record<string, unknown>): { ok: true; value: boolean | undefined } | { ok: false; result: ParsedImportRequest } {
  const parsed = importQuerySchema.safeParse(query);
  if (parsed.success) return { ok: true, value: parsed.data.publish === undefined ? undefined : parsed.data.publish === 'true' };
  const issue = firstIssue(parsed.error, null);
  const message = issue.path === 'publish' ? 'publish must be true or false' : issue.message;
  return { ok: false, result: problem(400, issue.path, message) };
}

/**
 * Validates an import request. `body` is what Strapi's body parser produced: a
 * string for text, an object for JSON. Problems name the parameter or field.
 */
export function parseImportRequest(input: {
  mediaType: BodyMediaType;
  body: unknown;
  query: Record<string, unknown>;
}): ParsedImportRequest {
  const flag = queryPublish(input.query);
  if (!flag.ok) return flag.result;

  if (input.mediaType === 'none') {
    return problem(400, null, 'the body is empty: send snippet documents as text/plain, or JSON { "documents": [...] }');
  }
  if (input.mediaType === 'other') {
    return problem(415, null, `send the documents as ${ACCEPTED_MEDIA_TYPES.join(', ')}`);
  }

  if (input.mediaType === 'text') {
    const text = typeof input.body === 'string' ? input.body : '';
    if (text.trim() === '') return problem(400, null, 'the body is empty: send one or more documents, each starting with "## <title>"');
    return { ok: true, request: { source: { kind: 'text', text }, publish: flag.value ?? false } };
  }

  if (typeof input.body !== 'object' || input.body === null || Array.isArray(input.body)) {
    return problem(400, null, 'the JSON body must be an object: { "documents": ["…"], "publish": false }');
  }
  const parsed = importJsonBodySchema.safeParse(input.body);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error, 'documents');
    return problem(400, issue.path, issue.message);
  }
  const { documents, publish } = parsed.data;
  if (publish !== undefined && flag.value !== undefined && publish !== flag.value) {
    return problem(400, 'publish', 'publish is given in the query and in the body with different values');
  }
  return { ok: true, request: { source: { kind: 'documents', documents }, publish: publish ?? flag.value ?? false } };
}
