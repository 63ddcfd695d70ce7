/**
 * Splits an import source into its documents, numbered in order. The text form
 * is parsed as one file; in the JSON form each string is parsed on its own, so
 * line numbers count in that string. A string may hold several documents: each
 * gets an entry of its own, and `index` counts documents across the strings, so
 * that with one document a string, `index` is the string's position.
 */
import { parseDocuments, type ParsedDocument, type ParseOptions } from '../document-parser';
import type { ImportSource } from './request';

const emptyDocument = (index: number): ParsedDocument => ({
  ok: false,
  index,
  startLine: 1,
  title: null,
  errors: [{ line: 1, message: 'the document is empty: it needs a "## <title>" line and a body' }],
  warnings: [],
});

export function parseImportSource(source: ImportSource, options: ParseOptions): ParsedDocument[] {
  if (source.kind === 'text') return parseDocuments(source.text, options);
  const documents: ParsedDocument[] = [];
  for (const text of source.documents) {
    const parsed = parseDocuments(text, options);
    // An empty string still takes its place, so the indexes after it keep matching the array.
    if (parsed.length === 0) documents.push(emptyDocument(documents.length));
    for (const document of parsed) documents.push({ ...document, index: documents.length });
  }
  return documents;
}
