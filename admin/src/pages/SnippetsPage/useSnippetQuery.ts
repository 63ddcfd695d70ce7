import * as React from 'react';
import { useQueryParams } from '@strapi/strapi/admin';
import type { GetSnippets } from '../../api/types';
import { keepSearchEncoded } from '../../utils/query-params';

/** The Newsroom page's state lives in the URL, so a filtered page can be bookmarked and shared. */
export interface SnippetUrlQuery {
  /** Free text, named `_q` like the Content Manager's search so Strapi's pagination re-encodes it. */
  _q?: string;
  category?: string;
  language?: string;
  /** Localized articles (SPEC 12): one locale; all of them when absent. */
  locale?: string;
  page?: string;
  pageSize?: string;
}

export type SnippetFilterName = 'category' | 'language' | 'locale' | '_q';

export const DEFAULT_PAGE_SIZE = '10';

/** The URL query of the page, setters that go back to page 1, and the matching API query. */
export function useSnippetQuery() {
  const [{ query }, setQuery] = useQueryParams<SnippetUrlQuery>();

  const setFilter = React.useCallback(
    (name: SnippetFilterName, value: string) => {
      // Strapi writes the URL unencoded; values typed by the user must be encoded here.
      const written = value === '' ? undefined : name === '_q' ? encodeURIComponent(value) : value;
      setQuery(keepSearchEncoded(query, { [name]: written, page: '1' }));
    },
    [query, setQuery]
  );

  const clearFilters = React.useCallback(() => {
    setQuery({ _q: undefined, category: undefined, language: undefined, locale: undefined, page: '1' });
  }, [setQuery]);

  /** The query string for `GET /newsroom/snippets` (the snippet endpoint's rules). */
  const apiQuery = React.useMemo(() => {
    const api: GetSnippets.Query = { page: query.page ?? '1', pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE };
    if (query._q) api.q = query._q;
    if (query.category) api.category = query.category;
    if (query.language) api.language = query.language;
    if (query.locale) api.locale = query.locale;
    return new URLSearchParams(api as Record<string, string>);
  }, [query._q, query.category, query.language, query.locale, query.page, query.pageSize]);

  const hasFilters = Boolean(query._q || query.category || query.language || query.locale);

  return { query, setFilter, clearFilters, apiQuery, hasFilters };
}
