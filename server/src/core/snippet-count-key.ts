/**
 * Which snippet queries the kept counts answer (repositories/snippet-counts.ts): those
 * whose only filters are at most one category and a language. Several categories can
 * overlap (an article in two of them is one result), a date range or `q` is not kept
 * per key: those totals are counted from the rows.
 */
import type { SnippetQuery } from './snippet-query';

export interface SnippetCountKey {
  /** One category slug, or null for any. */
  category: string | null;
  /** A language code matching itself and its regional variants, or null for any. */
  language: string | null;
}

export function snippetCountKey(query: SnippetQuery): SnippetCountKey | null {
  if (query.q !== null || query.from !== null || query.to !== null || query.categories.length > 1) return null;
  return { category: query.categories[0] ?? null, language: query.language };
}

/**
 * What reading one matching row from the category's links costs (a row fetched by id, then
 * sorted) against one probe of the link index while the listing is walked in order.
 */
const LINK_READ_COST = 4;

/**
 * Whether a category filter should start from the category's links (cost grows with the
 * `matches`) rather than walk the listing in order and probe each row's links (about
 * `rowsNeeded × published ÷ matches` probes): true for the rarer categories only.
 */
export function startFromLinks(matches: number, published: number, rowsNeeded: number): boolean {
  if (matches <= 0) return true;
  return matches * LINK_READ_COST < (rowsNeeded * published) / matches;
}
