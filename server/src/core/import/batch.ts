/**
 * Splits an import source into its documents, numbered in order. The text form
 * is parsed as one file; in the JSON form each string is parsed on its own, so
 * line numbers count in that string. A string may hold several documents: each
 * gets an entry of its own, and `index` counts documents across the strings, so
 * that with one document a string, `index` is the string's position.
 */
import { countDocuments, eachDocument, type ParsedDocument, type ParseOptions } from '../document-parser';
import type { ImportSource } from './request';

const emptyDocument = (index: number): ParsedDocument => ({
  ok: false,
  index,
  startLine: 1,
  title: null,
  errors: [{ line: 1, message: 'the document is empty: it needs a "## <title>" line and a body' }],
  warnings: [],
});

/** The documents of an import source one at a time, each parsed when asked for. */
export function* importDocuments(source: ImportSource, options: ParseOptions): Generator<ParsedDocument> {
  if (source.kind === 'text') {
    yield* eachDocument(source.text, options);
    return;
  }
  let index = 0;
  for (const text of source.documents) {
    let found = 0;
    for (const document of eachDocument(text, options)) {
      yield { ...document, index };
      index += 1;
      found += 1;
    }
    // An empty string still takes its place, so the indexes after it keep matching the array.
    if (found === 0) {
      yield emptyDocument(index);
      index += 1;
    }
  }
}

export function parseImportSource(source: ImportSource, options: ParseOptions): ParsedDocument[] {
  return Array.from(importDocuments(source, options));
}

/**
 * How many documents parseImportSource gives, counted without parsing (an empty
 * string of the JSON form counts, as it gets an entry), so that a request over
 * the limit is refused before any parsing.
 */
export function countImportDocuments(source: ImportSource): number {
  if (source.kind === 'text') return countDocuments(source.text);
  let count = 0;
  for (const text of source.documents) count += Math.max(1, countDocuments(text));
  return count;
}
