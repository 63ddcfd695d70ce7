/**
 * The import (SPEC 4.4, 7): the limits the admin checks before sending, the preview of
 * the admin's Import view and the import answer. The admin panel and the server both
 * import this file; the server's zod schemas of the answer (OpenAPI) must produce these shapes.
 */

/** Documents a request may hold, counted after splitting the text. */
export const MAX_IMPORT_DOCUMENTS = 500;

/** Bytes a request body may hold: 5 MB (MiB, as koa-body counts `5mb`). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const MAX_IMPORT_SIZE_LABEL = '5 MB';

/** A problem found in a document; `line` is 1-based in the submitted text (JSON form: in that document's string). */
export interface ImportIssue {
  line: number;
  message: string;
}

/** The fields a document gives its article, as the parser read them (SPEC 6). */
export interface ImportArticle {
  title: string;
  body: string;
  /** Null lets the importer apply `defaultLanguage`; the preview shows it applied. */
  language: string | null;
  categories: string[];
  /** ISO 8601 in UTC with milliseconds. */
  documentDate: string | null;
  /** `YYYY-MM-DD`. */
  sourcePublishedDate: string | null;
  source: string | null;
  sourceUrl: string | null;
}

export type ImportPreviewStatus = 'new' | 'duplicate' | 'invalid';

/** Localized articles (SPEC 12): the article a `Translation of:` document becomes a translation of. */
export interface ImportTranslationTarget {
  /** The header's slug or documentId, as written. */
  reference: string;
  /** The existing article; null when it is one of this import's own new documents. */
  documentId: string | null;
  /** Its title and slug (in the version the reference named), to recognise it. */
  title: string | null;
  slug: string | null;
}

/** One document as the admin's preview table shows it: nothing is written. */
export interface ImportPreviewDocument {
  index: number;
  startLine: number;
  status: ImportPreviewStatus;
  title: string | null;
  /** The fields the article will get (language with the default applied); null when invalid. */
  article: ImportArticle | null;
  /** For a duplicate: the existing article. */
  documentId: string | null;
  slug: string | null;
  errors: ImportIssue[] | null;
  warnings: ImportIssue[];
  /** Localized articles only (SPEC 12): the locale the document goes to; null when no configured locale serves its language. */
  locale?: string | null;
  /** Localized articles only: what a `Translation of:` document translates; null for a new article. */
  translationOf?: ImportTranslationTarget | null;
}

export interface ImportPreview {
  data: ImportPreviewDocument[];
  /** `locales`: localized articles only (SPEC 12), the configured locales, the default one first. */
  meta: { new: number; duplicates: number; invalid: number; locales?: string[] };
}

/** What the import did with one document. */
export interface ImportDocumentResult {
  /** Position of the document in the request, from 0. */
  index: number;
  status: 'created' | 'duplicate' | 'invalid';
  /** The new article, or the existing one for a duplicate. */
  documentId: string | null;
  slug: string | null;
  title: string | null;
  /** Why the document is invalid. */
  errors: ImportIssue[] | null;
  /** Lines the parser ignored, and similar notes: kept for created documents too. */
  warnings: ImportIssue[];
}

export interface ImportResult {
  data: ImportDocumentResult[];
  meta: { created: number; duplicates: number; invalid: number };
}

/** The JSON body both admin routes take (the content API's JSON form). */
export interface ImportRequestBody {
  documents: string[];
  publish?: boolean;
}

/** `POST /newsroom/import/preview`: parse and check, nothing written. */
export declare namespace PreviewImport {
  export type Request = ImportRequestBody;
  export type Response = ImportPreview;
}

/** `POST /newsroom/import`: SPEC 4.4's answer. */
export declare namespace RunImport {
  export type Request = ImportRequestBody;
  export type Response = ImportResult;
}
