/**
 * The query of the feed routes (SPEC 10): `category` and `language` exactly as the snippet
 * list takes them (SPEC 4.2; parsed by the snippet query parser itself, so both routes
 * accept and refuse the same values with the same words), and `limit`. Anything else is a
 * 400 naming the parameter. Never throws.
 */
import type { SnippetQuery, SnippetQueryOptions } from '../snippet-query';
import { parseSnippetQuery } from '../snippet-query';

export const FEED_PARAMETERS = ['category', 'language', 'limit'] as const;
export const DEFAULT_FEED_LIMIT = 50;
export const MAX_FEED_LIMIT = 100;

export interface FeedQuery {
  categories: string[];
  language: string | null;
  limit: number;
  /** The same selection as a snippet list query: newest documentDate first, one page of `limit`. */
  snippetQuery: SnippetQuery;
}

export type FeedQueryResult = { ok: true; query: FeedQuery } | { ok: false; parameter: string; message: string };

const ACCEPTED: ReadonlySet<string> = new Set(FEED_PARAMETERS);
const LIMIT_ACCEPTED = `must be an integer from 1 to ${MAX_FEED_LIMIT}, written as plain digits`;
const INTEGER = /^[1-9][0-9]{0,2}$/;

function invalid(parameter: string, problem: string): { ok: false; parameter: string; message: string } {
  const shown = parameter.length > 60 ? `${parameter.slice(0, 60)}…` : parameter;
  return { ok: false, parameter, message: `Invalid query parameter ${JSON.stringify(shown)}: ${problem}` };
}

function readLimit(value: unknown): number | string {
  if (value === undefined) return DEFAULT_FEED_LIMIT;
  if (Array.isArray(value)) return 'must be given once, not repeated or as a list';
  if (typeof value !== 'string') return 'must be a plain value; bracket syntax such as [$ne] or [$gt] is not supported';
  if (!INTEGER.test(value) || Number(value) > MAX_FEED_LIMIT) return LIMIT_ACCEPTED;
  return Number(value);
}

/** `raw` is Strapi's qs-parsed query, with the names qs dropped added back (core/query-string.ts). */
export function parseFeedQuery(raw: Record<string, unknown>, options: SnippetQueryOptions): FeedQueryResult {
  for (const name of Object.keys(raw)) {
    if (!ACCEPTED.has(name)) return invalid(name, `is not a parameter of this endpoint; accepted: ${FEED_PARAMETERS.join(', ')}`);
  }
  const limit = readLimit(Object.hasOwn(raw, 'limit') ? raw.limit : undefined);
  const pageSize = typeof limit === 'number' ? limit : DEFAULT_FEED_LIMIT;
  // The parameters in the order they are listed: category, language, then limit.
  const snippetInput: Record<string, unknown> = { sort: 'documentDate:desc', pageSize: String(pageSize) };
  if (Object.hasOwn(raw, 'category')) snippetInput.category = raw.category;
  if (Object.hasOwn(raw, 'language')) snippetInput.language = raw.language;
  const parsed = parseSnippetQuery(snippetInput, options);
  if (!parsed.ok) return parsed;
  if (typeof limit === 'string') return invalid('limit', limit);
  return {
    ok: true,
    query: { categories: parsed.query.categories, language: parsed.query.language, limit, snippetQuery: parsed.query },
  };
}

/** The query string of this feed as its self link shows it: filters in a fixed order, the default limit left out. */
export function canonicalFeedQuery(query: FeedQuery): string {
  const params = new URLSearchParams();
  if (query.categories.length > 0) params.set('category', [...query.categories].sort().join(','));
  if (query.language !== null) params.set('language', query.language);
  if (query.limit !== DEFAULT_FEED_LIMIT) params.set('limit', String(query.limit));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
