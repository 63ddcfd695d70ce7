/**
 * The import answer (SPEC 4.4), declared once as a schema: the route shows it in
 * the OpenAPI document and the types below derive from it. Absent optional
 * fields are null, never missing or an empty string. The shapes themselves are the
 * contracts in shared/contracts/import.ts, which the admin panel reads; each schema must
 * produce its contract (`satisfies`), so the two cannot drift apart.
 */
import { z } from 'zod';
import type { ImportDocumentResult, ImportIssue, ImportResult } from '../../../../shared/contracts/import';
import type { ParsedDocument, ParseIssue } from '../document-parser';

export type { ImportDocumentResult, ImportIssue, ImportResult } from '../../../../shared/contracts/import';

const issueSchema = z.object({
  line: z.number().int().min(1).describe('1-based, in the submitted text (JSON form: in that document\'s string)'),
  message: z.string(),
}) satisfies z.ZodType<ImportIssue>;

export const importDocumentResultSchema = z.object({
  index: z.number().int().min(0).describe('Position of the document in the request, from 0'),
  status: z.enum(['created', 'duplicate', 'invalid']),
  documentId: z.string().nullable().describe('The new article, or the existing one for a duplicate'),
  slug: z.string().nullable(),
  title: z.string().nullable(),
  errors: z.array(issueSchema).nullable().describe('Why the document is invalid'),
  warnings: z.array(issueSchema).describe('Lines the parser ignored, and similar notes'),
}) satisfies z.ZodType<ImportDocumentResult>;

export const importResultSchema = z.object({
  data: z.array(importDocumentResultSchema),
  meta: z.object({ created: z.number().int(), duplicates: z.number().int(), invalid: z.number().int() }),
}) satisfies z.ZodType<ImportResult>;

export interface ArticleRef {
  documentId: string;
  slug: string | null;
}

export const created = (document: { index: number; title: string; warnings: ParseIssue[] }, article: ArticleRef): ImportDocumentResult => ({
  index: document.index,
  status: 'created',
  documentId: article.documentId,
  slug: article.slug,
  title: document.title,
  errors: null,
  warnings: document.warnings,
});

export const duplicate = (document: { index: number; title: string; warnings: ParseIssue[] }, article: ArticleRef): ImportDocumentResult => ({
  ...created(document, article),
  status: 'duplicate',
});

export const invalid = (
  document: { index: number; title: string | null; warnings: ParseIssue[] },
  errors: ImportIssue[]
): ImportDocumentResult => ({
  index: document.index,
  status: 'invalid',
  documentId: null,
  slug: null,
  title: document.title,
  errors,
  warnings: document.warnings,
});

/** The answer for a document the parser rejected. */
export const unparsable = (document: Extract<ParsedDocument, { ok: false }>): ImportDocumentResult =>
  invalid(document, document.errors);

export function summarize(data: ImportDocumentResult[]): ImportResult {
  const count = (status: ImportDocumentResult['status']) => data.filter((entry) => entry.status === status).length;
  return { data, meta: { created: count('created'), duplicates: count('duplicate'), invalid: count('invalid') } };
}
