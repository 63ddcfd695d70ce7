/**
 * The text worker: long pure work on user text, run in a worker thread
 * (services/text-worker.ts keeps the pool), so that the server's event loop keeps
 * answering other requests meanwhile. Built as its own bundle
 * (`exports["./text-worker"]` in package.json): it holds the parser and the
 * plain-text code and nothing of Strapi.
 */
import { parseImportSource } from '../core/import/batch';
import type { ParsedDocument } from '../core/document-parser';
import type { ImportSource } from '../core/import/request';
import { computeTextFacts, MIN_HANDED_OVER_LENGTH, type TextFacts } from '../core/text-facts';

export type TextTask =
  | { kind: 'parse-import'; source: ImportSource; timeZone: string }
  | { kind: 'text-facts'; markdown: string };

export interface ParsedImport {
  documents: ParsedDocument[];
  /** The text facts of the bodies (but tiny ones), by document index, for the main thread to remember. */
  facts: Array<[number, TextFacts]>;
}

export function parseImport(source: ImportSource, timeZone: string): ParsedImport {
  const documents = parseImportSource(source, { timeZone });
  const facts: Array<[number, TextFacts]> = [];
  for (const document of documents) {
    if (document.ok && document.article.body.length >= MIN_HANDED_OVER_LENGTH) {
      facts.push([document.index, computeTextFacts(document.article.body)]);
    }
  }
  return { documents, facts };
}

export default function runTextTask(task: TextTask): ParsedImport | TextFacts {
  return task.kind === 'parse-import' ? parseImport(task.source, task.timeZone) : computeTextFacts(task.markdown);
}
