/**
 * What the route declarations cannot say about each content-API route: a summary
 * for readers and the error statuses it answers besides 401/403 (every route).
 * Keyed by route handler; the document test fails for a route missing here.
 */
export interface OperationNotes {
  summary: string;
  description?: string;
  /** Status → when it happens. */
  errors: Record<number, string>;
  /** The media type of the 200 answer, when it is not `application/json`. */
  mediaType?: string;
  /** Answers 304 Not Modified to a conditional request (`If-None-Match`, `If-Modified-Since`). */
  conditional?: boolean;
}

const SITE_URL_404 = 'The siteUrl setting is not set (error.details.setting names it): there are no feeds or sitemaps until it is';
const DISTRIBUTION_CACHING =
  'Answers carry ETag, Last-Modified, Vary: Authorization and Cache-Control (public without credentials, private with them); ' +
  'a matching If-None-Match, or If-Modified-Since when no If-None-Match is sent, gets a 304.';

const feedNotes = (format: string, mediaType: string): OperationNotes => ({
  summary: `${format} feed of the latest published articles`,
  description:
    `Published articles only, newest documentDate first, links from the articleUrl setting; each item's id is a urn:uuid made from the documentId. ` +
    `Parameters category and language as GET /snippets takes them, limit 1 to 100 (default 50); anything else is a 400 naming it. ${DISTRIBUTION_CACHING}`,
  errors: { 400: 'A parameter is invalid or unknown; error.details.parameter names it', 404: SITE_URL_404 },
  mediaType,
  conditional: true,
});

export const OPERATION_NOTES: Record<string, OperationNotes> = {
  'snippet.find': {
    summary: 'List published articles as snippets',
    description:
      'Published articles only, newest documentDate first by default. Any invalid or unknown parameter is a 400 naming it. ' +
      'Answers carry ETag, Vary: Authorization and Cache-Control (public without credentials, private with them); a matching If-None-Match gets a 304.',
    errors: { 400: 'A parameter is invalid or unknown; error.details.parameter names it' },
  },
  'snippet.findOne': {
    summary: 'Get one published snippet by slug',
    description:
      'Drafts are never served. Answers carry ETag, Vary: Authorization and Cache-Control (public without credentials, private with them); ' +
      'a matching If-None-Match gets a 304.',
    errors: { 400: 'A query parameter was given (this route takes none)', 404: 'No published article has this slug' },
  },
  'import.create': {
    summary: 'Import snippet documents as articles',
    description:
      'Send text/plain (one or more documents, each starting with "## <title>") or JSON { documents, publish }. ' +
      'Drafts unless publish is true. A document matching an existing article (source, title, document date) is a duplicate. ' +
      'One bad document never stops the others.',
    errors: {
      400: 'The body or the publish flag is invalid, or more than 500 documents',
      413: 'The body is larger than 5 MB',
      415: 'The body is neither text/plain, text/markdown nor application/json',
    },
  },
  'feed-rss.find': feedNotes('RSS 2.0', 'application/rss+xml'),
  'feed-atom.find': feedNotes('Atom 1.0', 'application/atom+xml'),
  'feed-json.find': feedNotes('JSON Feed 1.1', 'application/feed+json'),
  'sitemap.find': {
    summary: 'Sitemap of every published article (or its index, and its parts)',
    description:
      'sitemap.xml is a sitemaps.org urlset of every published article with lastmod; past 50,000 articles it is a sitemap index ' +
      `of the parts sitemap-1.xml, sitemap-2.xml, …, each a urlset of up to 50,000. No query parameters. ${DISTRIBUTION_CACHING}`,
    errors: { 400: 'A query parameter was given (these routes take none)', 404: `No such part, or: ${SITE_URL_404}` },
    mediaType: 'application/xml',
    conditional: true,
  },
  'news-sitemap.find': {
    summary: 'Google News sitemap of the last 48 hours',
    description:
      'Published articles whose documentDate lies within the last 48 hours, newest first, at most 1,000, with news:publication ' +
      `(the publicationName setting and the language), news:publication_date and news:title. No query parameters. ${DISTRIBUTION_CACHING}`,
    errors: { 400: 'A query parameter was given (this route takes none)', 404: SITE_URL_404 },
    mediaType: 'application/xml',
    conditional: true,
  },
};
