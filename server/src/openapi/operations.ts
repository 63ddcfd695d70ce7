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
}

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
};
