/** The public shapes of the snippet document parser (SPEC section 6). */

export interface ParsedArticle {
  /** Trimmed, inner white space collapsed, 1 to 300 characters. */
  title: string;
  /** Markdown, trimmed, never empty. */
  body: string;
  /** From a language name in `Category`; null lets the caller apply `defaultLanguage`. */
  language: string | null;
  /** Trimmed of white space and punctuation, de-duplicated without regard to case, in order. */
  categories: string[];
  /** ISO 8601 in UTC with milliseconds, e.g. `2026-04-27T20:43:39.000Z`. */
  documentDate: string | null;
  /** `YYYY-MM-DD`. */
  sourcePublishedDate: string | null;
  /** A bare host name such as `rki.news`, at most 200 characters. */
  source: string | null;
  /** An absolute http(s) URL. */
  sourceUrl: string | null;
  /**
   * `Translation of: <slug or documentId>` (SPEC 12): the article this document
   * translates. Present only when the header gives it.
   */
  translationOf?: string;
}

/** A problem found in the text; `line` is 1-based in the submitted text. */
export interface ParseIssue {
  line: number;
  message: string;
}

export type ParsedDocument =
  | { ok: true; index: number; startLine: number; article: ParsedArticle; warnings: ParseIssue[] }
  | {
      ok: false;
      index: number;
      startLine: number;
      title: string | null;
      errors: ParseIssue[];
      warnings: ParseIssue[];
    };

export interface ParseOptions {
  /** IANA time zone in which dates without an offset are read, e.g. `UTC`, `Europe/Berlin`. */
  timeZone: string;
}

/** One line of the submitted text with its 1-based number. */
export interface SourceLine {
  number: number;
  text: string;
}

/** What a field parser gives back: a value, or a message for the user. */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: string };
