/**
 * The snippet shape (SPEC 4.2, 4.3) and the admin routes of the Newsroom page and the
 * snippet preview panel. The admin panel and the server both import this file.
 */

export interface SnippetCategory {
  name: string;
  slug: string;
}

export interface Snippet {
  documentId: string;
  slug: string;
  title: string;
  excerpt: string | null;
  language: string | null;
  /** ISO 8601 with milliseconds, UTC (`2026-04-27T20:43:39.000Z`). */
  documentDate: string | null;
  /** `YYYY-MM-DD`. */
  sourcePublishedDate: string | null;
  source: string | null;
  sourceUrl: string | null;
  readingTime: number | null;
  categories: SnippetCategory[];
  /** When articles are localized (SPEC 12): the snippet's locale. */
  locale?: string;
  /** When articles are localized: the published translations, enough for `hreflang` links. */
  localizations?: SnippetLocalization[];
}

/** A published translation of a snippet's article (SPEC 12). */
export interface SnippetLocalization {
  locale: string;
  slug: string;
}

export interface SnippetPagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** The answer of `GET /api/newsroom/snippets` and of the admin's `GET /newsroom/snippets`. */
export interface SnippetListBody {
  data: Snippet[];
  meta: { pagination: SnippetPagination };
}

/** The answer of `GET /api/newsroom/snippets/:slug`. */
export interface SnippetBody {
  data: Snippet;
}

/** `GET /newsroom/snippets`: the snippet endpoint's query rules (SPEC 4.2), published articles only. */
export declare namespace GetSnippets {
  export interface Query {
    page?: string;
    pageSize?: string;
    q?: string;
    category?: string;
    language?: string;
    /** Localized articles (SPEC 12): one locale; every locale when absent. */
    locale?: string;
  }
  export type Response = SnippetListBody;
}

/** What the Newsroom page's filters offer. */
export interface SnippetFilterOptions {
  categories: SnippetCategory[];
  /** Languages of published articles and those the `languages` setting allows, sorted. */
  languages: string[];
  /** Localized articles only (SPEC 12): the configured locales, the default one first. */
  locales?: string[];
}

/** `GET /newsroom/filters`. */
export declare namespace GetSnippetFilters {
  export interface Response {
    data: SnippetFilterOptions;
  }
}

/** `published`: served as saved; `modified`: published, and the draft was saved since; `draft`: not published. */
export type ArticleTranslationStatus = 'published' | 'modified' | 'draft';

/** Another locale of the article being previewed (SPEC 12), as far as the editor's role may read it. */
export interface ArticleTranslation {
  locale: string;
  /** Of the published version when there is one, else of the draft; null when the role may not read the field. */
  title: string | null;
  slug: string | null;
  status: ArticleTranslationStatus;
}

/** One article as the snippet endpoint serves it, or would serve its draft. */
export interface ArticlePreview {
  /** The snippet, without the fields the editor's role may not read (listed in `meta.hiddenFields`). */
  data: Partial<Snippet> & { documentId: string };
  /**
   * `published: false`: computed from the draft; the snippet endpoint does not serve it yet.
   * `hasDraftChanges`: published, and the draft was saved since (the endpoint serves `data`).
   */
  meta: {
    published: boolean;
    hasDraftChanges: boolean;
    hiddenFields: Array<keyof Snippet>;
    /** Localized articles only: the locale previewed. */
    locale?: string;
    /** Localized articles only: the article's other locales the role may read, by code. */
    translations?: ArticleTranslation[];
  };
}

/**
 * `GET /newsroom/articles/:documentId/preview`; 404 for an unknown article (in that locale), 403 for one
 * the role may not read, 400 for a locale that is not configured.
 */
export declare namespace GetArticlePreview {
  export interface Params {
    documentId: string;
  }
  export interface Query {
    /** Localized articles (SPEC 12): the locale to preview; the default locale when absent. */
    locale?: string;
  }
  export type Response = ArticlePreview;
}
