/**
 * GraphQL arguments of `newsroomSnippets` → the raw query that `parseSnippetQuery`
 * validates for REST, so both APIs share one set of rules (SPEC 8). Pure.
 */

/** The arguments as GraphQL hands them over: absent, null or a value. */
export interface SnippetsArguments {
  category?: ReadonlyArray<string> | null;
  language?: string | null;
  from?: string | null;
  to?: string | null;
  q?: string | null;
  sort?: string | null;
  page?: number | null;
  pageSize?: number | null;
}

/**
 * Null means "not given", as an absent argument does. Numbers become the
 * strings a query string would carry, so `page: 0` is refused by the same rule
 * as `?page=0`. An empty category list becomes an empty value, refused like
 * `?category=`: "any of no categories" would otherwise silently mean "all".
 */
export function snippetsArgumentsToQuery(args: SnippetsArguments): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const { category, page, pageSize, ...texts } = args;
  if (category !== undefined && category !== null) raw.category = category.length === 0 ? '' : [...category];
  for (const [name, value] of Object.entries(texts)) {
    if (value !== undefined && value !== null) raw[name] = value;
  }
  if (page !== undefined && page !== null) raw.page = String(page);
  if (pageSize !== undefined && pageSize !== null) raw.pageSize = String(pageSize);
  return raw;
}

/** `parseSnippetQuery` words its messages for a query string; GraphQL callers pass arguments. */
export const asArgumentMessage = (message: string): string => message.replace(/^Invalid query parameter /, 'Invalid argument ');
