/**
 * The snippet document parser (SPEC section 6): text in the format of
 * `fixtures/seed-khamenei-nuclear-talks.txt` → articles, or problems with their
 * line numbers. Pure: no Strapi, no I/O, and it never throws on any text.
 *
 * Where SPEC 6 is silent, the parser decides (each file says why):
 * - a document starts at `## ` (a space or end of line after `##`); `##Title`
 *   does not, and before the first title it is reported as needing the space;
 * - the first `---` line ends the header; without one, the header is the known
 *   header lines after the title and the body starts at the first other line
 *   (with a warning);
 * - an unknown or repeated header line is ignored with a warning (first wins);
 * - dates take English month names, full or short, and an optional weekday that
 *   is not checked; ISO 8601 works too; a time skipped by a daylight-saving
 *   change moves forward, an ambiguous one takes luxon's choice;
 * - `Published on` or `Document Date` without a value is a warning, not an error;
 * - `Show on website` keeps only absolute http(s) URLs, as written;
 * - a second, different language in `Category` is a warning (once a language);
 *   the first is kept; more than 20 categories make the document invalid;
 * - unknown and repeated header lines get a warning each up to 20, then one that
 *   counts the rest, so that any header gets a short answer.
 *
 * Every pattern and loop here runs in time linear in the text (see
 * eslint.config.mjs and tests/unit/hostile-input.test.ts).
 */
import { parseDocument } from './document';
import { splitLines } from './lines';
import { splitDocuments } from './split-documents';
import type { ParsedDocument, ParseOptions } from './types';

export { countDocuments } from './split-documents';
export type { ParsedArticle, ParsedDocument, ParseIssue, ParseOptions } from './types';

/**
 * The documents of `text` one at a time, each parsed when asked for: a caller
 * can give the event loop a turn between two documents.
 */
export function* eachDocument(text: string, options: ParseOptions): Generator<ParsedDocument> {
  let index = 0;
  for (const chunk of splitDocuments(splitLines(text))) {
    yield parseDocument(chunk, index, options);
    index += 1;
  }
}

/**
 * Every document in `text`, in order. Empty or blank text gives `[]`; text
 * before the first `## ` title is a document of its own, invalid for want of a
 * title. Dates without an offset are read in `options.timeZone`.
 */
export function parseDocuments(text: string, options: ParseOptions): ParsedDocument[] {
  return Array.from(eachDocument(text, options));
}
