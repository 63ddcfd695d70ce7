/**
 * The snippet API's shapes as zod schemas (SPEC 4.2, 4.3), for the route
 * declarations that API documentation is generated from.
 *
 * Responses: the schemas below must describe exactly what `snippet-response.ts`
 * builds; the type checks at the end of this file fail to compile when the two
 * drift apart.
 *
 * Query: `snippetQuerySchema` validates with transforms (a comma list becomes
 * an array, a date a `Date`), which Strapi's own OpenAPI generator cannot turn
 * into JSON Schema: it converts the output side and throws on any transform.
 * So the routes declare the input side instead, rebuilt from the JSON Schema
 * that `SNIPPET_QUERY_PARAMETERS` derives from `snippetQuerySchema`: one
 * source, no hand-written copy.
 */
import { z } from 'zod';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from './slug';
import { SNIPPET_QUERY_PARAMETERS, type SnippetQueryParameter } from './snippet-query';
import type { SnippetBody, SnippetListBody } from './snippet-response';

const nullableText = (description: string) => z.string().nullable().describe(description);

export const snippetCategorySchema = z.object({
  name: z.string().describe('Category name'),
  slug: z.string().describe('Category slug, as the `category` parameter takes it'),
});

export const snippetSchema = z.object({
  documentId: z.string().describe("The article's documentId"),
  slug: z.string().describe('URL-safe, unique; `GET /snippets/{slug}` serves this snippet'),
  title: z.string(),
  excerpt: nullableText('Plain text, at most the excerptLength setting'),
  language: nullableText('Lower-case ISO 639 code, e.g. `en`, `en-gb`'),
  documentDate: z.iso.datetime().nullable().describe('ISO 8601 date-time in UTC with milliseconds'),
  sourcePublishedDate: z.iso.date().nullable().describe('YYYY-MM-DD: when the source published it'),
  source: nullableText('Where it comes from, e.g. `rki.news`'),
  sourceUrl: z.url().nullable().describe('Absolute http(s) link to the original'),
  readingTime: z.number().int().min(1).nullable().describe('Minutes, at 200 words a minute, rounded up'),
  categories: z.array(snippetCategorySchema).describe('Sorted by name'),
});

export const snippetPaginationSchema = z.object({
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  pageCount: z.number().int().min(0),
  total: z.number().int().min(0),
});

/** `GET /snippets`. */
export const snippetListResponseSchema = z.object({
  data: z.array(snippetSchema),
  meta: z.object({ pagination: snippetPaginationSchema }),
});

/** `GET /snippets/{slug}`. */
export const snippetResponseSchema = z.object({ data: snippetSchema });

/** The path parameter of `GET /snippets/{slug}`. */
export const snippetSlugSchema = z
  .string()
  .max(SLUG_MAX_LENGTH)
  .regex(SLUG_PATTERN)
  .describe("The article's slug; any other value is a 404");

/** `GET /snippets` query parameters, input side, all optional (see the header for why not `snippetQuerySchema`). */
// Object.fromEntries forgets the keys; SNIPPET_QUERY_PARAMETERS holds exactly one entry per parameter.
export const snippetQueryRouteSchemas: Record<SnippetQueryParameter, z.ZodType> = Object.fromEntries(
  SNIPPET_QUERY_PARAMETERS.map((parameter) => [parameter.name, z.fromJSONSchema(parameter.schema).optional()])
) as Record<string, z.ZodType> as Record<SnippetQueryParameter, z.ZodType>;

// Compile-time checks: the schemas describe the built types exactly, in both directions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameList: Same<z.infer<typeof snippetListResponseSchema>, SnippetListBody> = true;
const sameOne: Same<z.infer<typeof snippetResponseSchema>, SnippetBody> = true;
void sameList;
void sameOne;
