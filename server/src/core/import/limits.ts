/** The import's limits (SPEC 4.4), shared by the body parser, the request validation and the service. */

/** Documents a request may hold, counted after splitting the text. */
export const MAX_IMPORT_DOCUMENTS = 500;

/** Bytes a request body may hold: 5 MB (MiB, as koa-body counts `5mb`). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const MAX_IMPORT_SIZE_LABEL = '5 MB';
