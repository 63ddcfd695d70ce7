export const PLUGIN_ID = 'newsroom';
export const ARTICLE_UID = 'plugin::newsroom.article';
export const CATEGORY_UID = 'plugin::newsroom.category';
/** Plugin-owned table (not a content type) whose primary key makes the database guarantee uniqueness. */
export const CLAIMS_TABLE = 'newsroom_claims';
/** Plugin-owned tables of frontend revalidation (SPEC 11): changes waiting to be coalesced, and deliveries. */
export const REVALIDATION_CHANGES_TABLE = 'newsroom_revalidation_changes';
export const REVALIDATION_DELIVERIES_TABLE = 'newsroom_revalidation_deliveries';
/** Plugin-owned table of published-article counts per (category, language), kept by triggers (repositories/snippet-counts.ts). */
export const SNIPPET_COUNTS_TABLE = 'newsroom_snippet_counts';
/** PostgreSQL: plugin-owned table of the published articles of each category, kept by triggers (repositories/filter-rows.ts). */
export const FILTER_ROWS_TABLE = 'newsroom_filter_rows';
/**
 * PostgreSQL: the search column (`tsvector`) of the article table (repositories/search.ts),
 * and of the filter rows, where it holds the same vector without positions.
 */
export const SEARCH_COLUMN = 'newsroom_search';
