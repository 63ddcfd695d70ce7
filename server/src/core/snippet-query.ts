/**
 * The query of `GET /api/newsroom/snippets` (SPEC 4.2): one zod schema per
 * parameter, read by `parseSnippetQuery` at request time and by the OpenAPI /
 * GraphQL glue for documentation.
 *
 * `raw` is Strapi's `ctx.query`, parsed by `qs`: a repeated parameter arrives as
 * an array, bracket syntax (`pageSize[$gt]=1`) as an object. Only `category`
 * may be a list; everything else must be one plain string.
 *
 * Decisions:
 * - `page` and `pageSize` are plain decimal integers without sign, spaces or
 *   leading zeros (`^[1-9][0-9]*$`), so `01`, `1e3`, `1.5`, ` 2` are invalid.
 * - Pagination reaches the first `MAX_RESULT_WINDOW` (10,000) results only:
 *   `page × pageSize` beyond it is a 400 naming `page`. Deeper offsets are never a
 *   real reader and only make the database scan and skip rows; narrower filters
 *   (`from`/`to`, category, language) reach older articles.
 * - Category slugs are matched case-insensitively (lower-cased), trimmed,
 *   de-duplicated; at most 20 of at most 80 characters each.
 * - `from`/`to` with a space where the offset sign belongs
 *   (`2026-04-27T20:43:39 02:00`) are read as `+02:00`: that is what an
 *   unencoded `+` in a query string turns into, and it cannot mean anything else.
 * - `q` may not contain control characters (PostgreSQL rejects NUL in text).
 *   It is read as words (core/search-query.ts): punctuation and the search
 *   engines' operators are separators, so `q` is never a syntax error.
 * - `sort` defaults to `relevance` with `q` and to `documentDate:desc` without;
 *   `sort=relevance` without `q` is a 400 (there is nothing to be relevant to).
 */
import { z } from 'zod';
import { DateTime } from 'luxon';
import { normalizeLanguage } from './language';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from './slug';

export const SNIPPET_SORTS = ['documentDate:desc', 'documentDate:asc', 'title:asc', 'title:desc', 'relevance'] as const;
export type SnippetSort = (typeof SNIPPET_SORTS)[number];

export interface SnippetQuery {
  categories: string[];
  language: string | null;
  from: Date | null;
  to: Date | null;
  q: string | null;
  sort: SnippetSort;
  page: number;
  pageSize: number;
}

/** Whether anything but `q` narrows the articles: a category, a language or a date bound. */
export const narrowsBeyondSearch = (query: SnippetQuery): boolean =>
  query.categories.length > 0 || query.language !== null || query.from !== null || query.to !== null;

export type QueryResult = { ok: true; query: SnippetQuery } | { ok: false; parameter: string; message: string };

export interface SnippetQueryOptions {
  defaultLanguage: string;
  languages: string[];
}

/** The deepest result a page may reach: `page × pageSize` is at most this (see the header). */
export const MAX_RESULT_WINDOW = 10000;
export const MAX_PAGE = MAX_RESULT_WINDOW;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_CATEGORIES = 20;
export const MAX_CATEGORY_SLUG_LENGTH = SLUG_MAX_LENGTH;
export const MAX_Q_LENGTH = 100;

const INTEGER_PATTERN = /^[1-9][0-9]*$/;
// Date, or date-time with optional seconds, fraction and offset (see the header for the space).
const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+\- ]\d{2}:\d{2})?)?$/;
const DATE_ONLY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** The message for a value of the wrong shape, or `undefined` to use the parameter's own. */
function shapeProblem(value: unknown): string | undefined {
  if (Array.isArray(value)) return 'must be given once, not repeated or as a list';
  if (typeof value === 'object' && value !== null) {
    return 'must be a plain value; bracket syntax such as [$ne] or [$gt] is not supported';
  }
  return undefined;
}

/** One plain string; `accepted` says what the parameter takes. */
function singleString(accepted: string) {
  return z.string({ error: (issue) => shapeProblem(issue.input) ?? accepted });
}

function positiveInteger(max: number, accepted: string) {
  return singleString(accepted)
    .regex(INTEGER_PATTERN, accepted)
    .transform(Number)
    .pipe(z.int({ error: accepted }).max(max, accepted));
}

function isIndexedObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => /^[0-9]+$/.test(key));
}

const CATEGORY_ACCEPTED =
  `must be category slugs (lower-case letters, digits and single hyphens, up to ${MAX_CATEGORY_SLUG_LENGTH} characters), ` +
  `one, a comma list, or repeated, at most ${MAX_CATEGORIES}`;

const categorySchema = z
  .union([z.string(), z.array(z.string())], {
    error: (issue) => {
      if (Array.isArray(issue.input)) return `${CATEGORY_ACCEPTED}; each value must be a plain string`;
      // qs turns a list longer than its arrayLimit into an object keyed by index.
      if (isIndexedObject(issue.input)) return `must name at most ${MAX_CATEGORIES} categories`;
      return shapeProblem(issue.input) ?? CATEGORY_ACCEPTED;
    },
  })
  .transform((value, ctx) => {
    const items = (typeof value === 'string' ? [value] : value).flatMap((part) => part.split(','));
    if (items.length > MAX_CATEGORIES) {
      ctx.addIssue({ code: 'custom', message: `must name at most ${MAX_CATEGORIES} categories (got ${items.length})` });
      return z.NEVER;
    }
    const slugs: string[] = [];
    for (const item of items) {
      const slug = item.trim().toLowerCase();
      const problem =
        slug === ''
          ? 'must not be empty or contain an empty item'
          : slug.length > MAX_CATEGORY_SLUG_LENGTH
            ? `must not contain a slug longer than ${MAX_CATEGORY_SLUG_LENGTH} characters`
            : SLUG_PATTERN.test(slug)
              ? undefined
              : `${CATEGORY_ACCEPTED}; ${JSON.stringify(slug.slice(0, 40))} is not a slug`;
      if (problem !== undefined) {
        ctx.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }
      if (!slugs.includes(slug)) slugs.push(slug);
    }
    return slugs;
  });

const DATE_ACCEPTED =
  'must be an ISO 8601 date (2026-04-27) or date-time (2026-04-27T20:43:39Z, 2026-04-27T22:43:39+02:00; without an offset it is UTC)';

/** `from` starts at the beginning of a date-only day, `to` at its last millisecond. */
function dateBound(edge: 'start' | 'end') {
  return singleString(DATE_ACCEPTED)
    .regex(ISO_PATTERN, DATE_ACCEPTED)
    .transform((text, ctx) => {
      const iso = text.length > 19 && text[text.length - 6] === ' ' ? `${text.slice(0, -6)}+${text.slice(-5)}` : text;
      const parsed = DateTime.fromISO(iso, { zone: 'utc' });
      if (!parsed.isValid) {
        ctx.addIssue({ code: 'custom', message: `${DATE_ACCEPTED}; ${JSON.stringify(text)} is not a real date and time` });
        return z.NEVER;
      }
      const bound = edge === 'end' && DATE_ONLY_PATTERN.test(text) ? parsed.endOf('day') : parsed;
      return bound.toJSDate();
    });
}

const LANGUAGE_ACCEPTED = 'must be a language code or English name, such as "en", "en-gb" or "German"';
const Q_ACCEPTED = `must be 1 to ${MAX_Q_LENGTH} characters of text`;
const SORT_ACCEPTED = `must be one of ${SNIPPET_SORTS.join(', ')}`;
const RELEVANCE_NEEDS_Q = 'relevance orders the matches of a search, so it needs q; without q use documentDate:desc, documentDate:asc, title:asc or title:desc';
const PAGE_ACCEPTED = `must be an integer from 1 to ${MAX_PAGE}, written as plain digits`;
const PAGE_SIZE_ACCEPTED = `must be an integer from 1 to ${MAX_PAGE_SIZE}, written as plain digits`;

/**
 * Every accepted parameter, in the order they are checked: the first problem
 * decides which parameter a 400 names. Parameters absent from the query take
 * their defaults. `language` here only checks the shape; `parseSnippetQuery`
 * normalizes it against the current settings.
 */
export const snippetQuerySchema = z.strictObject({
  category: categorySchema
    .optional()
    .meta({ description: 'Category slugs; a comma list or repeated. An article in any of them matches.', example: 'international,snippets' }),
  language: singleString(LANGUAGE_ACCEPTED)
    .trim()
    .min(1, LANGUAGE_ACCEPTED)
    .max(64, LANGUAGE_ACCEPTED)
    .optional()
    .meta({ description: 'Language code or English name (en, en-GB, German), normalized to a lower-case code.', example: 'en' }),
  from: dateBound('start')
    .optional()
    .meta({ description: 'Earliest documentDate, inclusive. ISO 8601 date or date-time; UTC without an offset.', example: '2026-04-01' }),
  to: dateBound('end')
    .optional()
    .meta({ description: 'Latest documentDate, inclusive; a date-only value covers that whole day (UTC).', example: '2026-04-30' }),
  q: singleString(Q_ACCEPTED)
    .min(1, Q_ACCEPTED)
    .transform((text, ctx) => {
      const trimmed = text.trim();
      const length = [...trimmed].length;
      if (length < 1 || length > MAX_Q_LENGTH) {
        ctx.addIssue({ code: 'custom', message: `${Q_ACCEPTED} after trimming (got ${length})` });
        return z.NEVER;
      }
      if (CONTROL_CHARACTERS.test(trimmed)) {
        ctx.addIssue({ code: 'custom', message: `${Q_ACCEPTED}, without control characters` });
        return z.NEVER;
      }
      return trimmed;
    })
    .optional()
    // maxLength is documentation only: the limit applies after trimming, in code points.
    .meta({
      description:
        'Full-text search of title, excerpt and body, 1 to 100 characters: every word must occur (case-insensitive, ' +
        "stemmed by the article's language where the database can), the last word also as a prefix. " +
        'Punctuation and operators are plain separators. At most 1000 matches are served: with sort=relevance the 200 newest ' +
        'matches best first, then the older ones newest first; with another sort the first 1000 in that order.',
      example: 'nuclear',
      maxLength: MAX_Q_LENGTH,
    }),
  sort: z
    .enum(SNIPPET_SORTS, { error: (issue) => shapeProblem(issue.input) ?? SORT_ACCEPTED })
    .optional()
    .meta({
      description:
        'Order of the results. Default: relevance with q (the 200 newest matches best first, then the older ones newest first), ' +
        'documentDate:desc without; relevance needs q.',
    }),
  page: positiveInteger(MAX_PAGE, PAGE_ACCEPTED)
    .prefault('1')
    .meta({ description: `Page number, 1 to ${MAX_PAGE}; page × pageSize at most ${MAX_RESULT_WINDOW}.`, example: '1' }),
  pageSize: positiveInteger(MAX_PAGE_SIZE, PAGE_SIZE_ACCEPTED)
    .prefault(String(DEFAULT_PAGE_SIZE))
    .meta({ description: `Results per page, 1 to ${MAX_PAGE_SIZE}.`, example: '25' }),
});

export type SnippetQueryParameter = keyof typeof snippetQuerySchema.shape;

const PARAMETER_NAMES = Object.keys(snippetQuerySchema.shape) as SnippetQueryParameter[];
const PARAMETER_NAME_SET: ReadonlySet<string> = new Set(PARAMETER_NAMES);
const STRAPI_GENERIC_PARAMETERS = new Set(['filters', 'populate', 'fields', 'locale', 'status', 'pagination', 'publicationState']);

export interface SnippetQueryParameterDoc {
  name: SnippetQueryParameter;
  in: 'query';
  required: false;
  description: string;
  /** JSON Schema of the accepted input, as OpenAPI's `parameter.schema`. */
  schema: Record<string, unknown>;
}

/** The parameters as OpenAPI parameter objects, derived from `snippetQuerySchema`. */
export const SNIPPET_QUERY_PARAMETERS: ReadonlyArray<SnippetQueryParameterDoc> = PARAMETER_NAMES.map((name) => {
  const schema = snippetQuerySchema.shape[name];
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return { name, in: 'query', required: false, description: schema.description ?? '', schema: jsonSchema };
});

function invalid(parameter: string, problem: string): { ok: false; parameter: string; message: string } {
  const shown = parameter.length > 60 ? `${parameter.slice(0, 60)}…` : parameter;
  return { ok: false, parameter, message: `Invalid query parameter ${JSON.stringify(shown)}: ${problem}` };
}

type Read<T> = { ok: true; value: T } | { ok: false; parameter: string; message: string };

/** Parses one parameter with its own schema from `snippetQuerySchema` (absent → its default). */
function read<T>(input: Record<string, unknown>, name: SnippetQueryParameter, schema: z.ZodType<T>): Read<T> {
  const result = schema.safeParse(Object.hasOwn(input, name) ? input[name] : undefined);
  if (result.success) return { ok: true, value: result.data };
  return invalid(name, result.error.issues[0]?.message ?? 'is invalid');
}

/**
 * Validates and normalizes the snippet query. Never throws: any problem comes
 * back as `{ ok: false, parameter, message }` for the first problem found:
 * unknown parameters first, then the parameters in schema order, then `from`
 * after `to`.
 */
export function parseSnippetQuery(raw: Record<string, unknown>, options: SnippetQueryOptions): QueryResult {
  const input: Record<string, unknown> = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};

  for (const name of Object.keys(input)) {
    if (!PARAMETER_NAME_SET.has(name)) {
      const hint = STRAPI_GENERIC_PARAMETERS.has(name) ? " (Strapi's generic parameters do not apply to snippets)" : '';
      return invalid(name, `is not a parameter of this endpoint${hint}; accepted: ${PARAMETER_NAMES.join(', ')}`);
    }
  }

  const shape = snippetQuerySchema.shape;
  const category = read(input, 'category', shape.category);
  if (!category.ok) return category;
  const language = read(input, 'language', shape.language);
  if (!language.ok) return language;
  let languageCode: string | null = null;
  if (language.value !== undefined) {
    const normalized = normalizeLanguage(language.value, options);
    // normalizeLanguage words its message for the article field ("language must be …").
    if (!normalized.ok) return invalid('language', normalized.message.replace(/^language /, ''));
    languageCode = normalized.code;
  }
  const from = read(input, 'from', shape.from);
  if (!from.ok) return from;
  const to = read(input, 'to', shape.to);
  if (!to.ok) return to;
  const q = read(input, 'q', shape.q);
  if (!q.ok) return q;
  const sort = read(input, 'sort', shape.sort);
  if (!sort.ok) return sort;
  if (sort.value === 'relevance' && q.value === undefined) return invalid('sort', RELEVANCE_NEEDS_Q);
  const page = read(input, 'page', shape.page);
  if (!page.ok) return page;
  const pageSize = read(input, 'pageSize', shape.pageSize);
  if (!pageSize.ok) return pageSize;

  if (page.value * pageSize.value > MAX_RESULT_WINDOW) {
    return invalid(
      'page',
      `reaches past result ${MAX_RESULT_WINDOW}, the deepest a page may go (page × pageSize is ${page.value * pageSize.value}); ` +
        'narrow the query with from/to, category or language to reach older articles'
    );
  }
  if (from.value !== undefined && to.value !== undefined && from.value.getTime() > to.value.getTime()) {
    return invalid('from', `must not be after "to" (${from.value.toISOString()} is after ${to.value.toISOString()})`);
  }

  return {
    ok: true,
    query: {
      categories: category.value ?? [],
      language: languageCode,
      from: from.value ?? null,
      to: to.value ?? null,
      q: q.value ?? null,
      sort: sort.value ?? (q.value === undefined ? 'documentDate:desc' : 'relevance'),
      page: page.value,
      pageSize: pageSize.value,
    },
  };
}
