import { isBlank } from './lines';
import type { SourceLine } from './types';

/** The lines of one document: from its `## ` title line up to the next one. */
export type DocumentChunk =
  | { kind: 'titled'; titleLine: SourceLine; lines: SourceLine[] }
  /** Non-blank text before the first title: reported as a document without a title. */
  | { kind: 'untitled'; lines: SourceLine[] };

/**
 * `##` then white space (or nothing) starts a document, as a Markdown level-2
 * heading does. `##Title` without the space does not, so a `##hashtag` in a body
 * never splits a document; `###` sub-headings never do either.
 */
const TITLE_LINE = /^##(?:\s|$)/u;

/** Near misses of a title line, recognized only to give a helpful message. */
const TITLE_WITHOUT_SPACE = /^##[^#\s]/u;

export function isTitleLine(text: string): boolean {
  return TITLE_LINE.test(text.trimStart());
}

export function isTitleWithoutSpace(text: string): boolean {
  return TITLE_WITHOUT_SPACE.test(text.trimStart());
}

/** The title text of a title line: trimmed, runs of white space made one space. */
export function titleText(text: string): string {
  return text.trimStart().slice(2).trim().replace(/\s+/gu, ' ');
}

export function splitDocuments(lines: SourceLine[]): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  const preamble: SourceLine[] = [];
  let current: { kind: 'titled'; titleLine: SourceLine; lines: SourceLine[] } | null = null;

  for (const line of lines) {
    if (isTitleLine(line.text)) {
      current = { kind: 'titled', titleLine: line, lines: [] };
      chunks.push(current);
    } else if (current) {
      current.lines.push(line);
    } else {
      preamble.push(line);
    }
  }

  if (preamble.some((line) => !isBlank(line))) {
    chunks.unshift({ kind: 'untitled', lines: preamble });
  }
  return chunks;
}
