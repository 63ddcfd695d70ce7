/**
 * GraphQL types and permissions of the snippet queries (SPEC 8): the shapes of
 * `GET /api/newsroom/snippets[/:slug]`, field for field. `DateTime` and `Date`
 * are Strapi's scalars, which serialize the REST strings unchanged.
 */
import { MAX_PAGE_SIZE, MAX_RESULT_WINDOW } from '../core/snippet-query';

const LOCALE_ARGUMENT = 'A configured locale; default: the locale of language, else the default locale';

/**
 * Localized articles (SPEC 12) add `locale` arguments and the `locale` and
 * `localizations` fields; without them the schema is as it always was.
 */
export const snippetTypeDefs = (localized: boolean): string => /* GraphQL */ `
  type NewsroomSnippetCategory {
    name: String!
    slug: String!
  }
${
  localized
    ? `
  "A published translation of a snippet's article"
  type NewsroomSnippetLocalization {
    locale: String!
    slug: String!
  }
`
    : ''
}
  type NewsroomSnippet {
    documentId: ID!
    slug: String!
    title: String!
    excerpt: String
    language: String
    documentDate: DateTime
    sourcePublishedDate: Date
    source: String
    sourceUrl: String
    readingTime: Int
    categories: [NewsroomSnippetCategory!]!${
      localized
        ? `
    locale: String!
    localizations: [NewsroomSnippetLocalization!]!`
        : ''
    }
  }

  type NewsroomSnippetPagination {
    page: Int!
    pageSize: Int!
    pageCount: Int!
    total: Int!
  }

  type NewsroomSnippetListMeta {
    pagination: NewsroomSnippetPagination!
  }

  type NewsroomSnippetList {
    data: [NewsroomSnippet!]!
    meta: NewsroomSnippetListMeta!
  }

  extend type Query {
    "Published articles as snippets; the rules of GET /api/newsroom/snippets."
    newsroomSnippets(${localized ? `
      "${LOCALE_ARGUMENT}"
      locale: String` : ''}
      "Category slugs; an article in any of them matches"
      category: [String!]
      "Language code or English name"
      language: String
      "Earliest documentDate, inclusive (ISO 8601 date or date-time)"
      from: String
      "Latest documentDate, inclusive; a date covers the whole day"
      to: String
      "Full-text search of title, excerpt and body, 1 to 100 characters: every word, stemmed where the database can, the last also as a prefix; at most 1000 matches (with relevance, the 200 newest best first, then the older newest first)"
      q: String
      "documentDate:desc, documentDate:asc, title:asc, title:desc or relevance (only with q: the 200 newest matches best first, then the older newest first); default relevance with q, else documentDate:desc"
      sort: String
      "Page number from 1; page × pageSize at most ${MAX_RESULT_WINDOW}"
      page: Int
      "Results per page, 1 to ${MAX_PAGE_SIZE}"
      pageSize: Int
    ): NewsroomSnippetList!
    "One published snippet by slug, or null."
    newsroomSnippet(slug: String!${localized ? `, "${LOCALE_ARGUMENT}" locale: String` : ''}): NewsroomSnippet
  }
`;

/** The REST routes' content-API actions: a role or token needs the same permission for either API. */
export const snippetResolversConfig = {
  'Query.newsroomSnippets': { auth: { scope: ['plugin::newsroom.snippet.find'] } },
  'Query.newsroomSnippet': { auth: { scope: ['plugin::newsroom.snippet.findOne'] } },
};
