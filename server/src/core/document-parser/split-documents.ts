import { isWhiteSpaceCode } from '../text-scan';
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

const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;

/**
 * How many documents `parseDocuments(text)` finds, counted without parsing: the
 * title lines, plus one for non-blank text before the first. One pass over the
 * characters, no line objects: a request of a million `## a` lines is refused
 * for its size (SPEC 4.4: 500 documents) after milliseconds, not after parsing
 * a million documents. Lines end as in splitLines (CRLF, LF, lone CR).
 */
export function countDocuments(text: string): number {
  const next = (character: string, from: number) => {
    const found = text.indexOf(character, from);
    return found === -1 ? text.length : found;
  };
  let titles = 0;
  let preamble = false;
  let nextLf = -1;
  let nextCr = -1;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    let at = start;
    while (at < text.length && text.charCodeAt(at) !== LF && text.charCodeAt(at) !== CR && isWhiteSpaceCode(text.charCodeAt(at))) at += 1;
    // The next line break of each kind, searched again only once passed: each search reads new text.
    if (nextLf < at) nextLf = next('\n', at);
    if (nextCr < at) nextCr = next('\r', at);
    const end = Math.min(nextLf, nextCr);
    if (at < end) {
      const isTitle =
        text.charCodeAt(at) === HASH && text.charCodeAt(at + 1) === HASH && (at + 2 === end || isWhiteSpaceCode(text.charCodeAt(at + 2)));
      if (isTitle) titles += 1;
      else if (titles === 0) preamble = true;
    }
    if (end === text.length) return titles + (preamble ? 1 : 0);
    start = text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
  }
}
