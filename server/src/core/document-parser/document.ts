import { characterCount, fitsIn, TITLE_MAX_LENGTH } from '../field-limits';
import { normalizeBody } from './body';
import { parseHeader, splitSections } from './header';
import { isBlank, quote } from './lines';
import { extractSource } from './source';
import { isTitleWithoutSpace, titleText, type DocumentChunk } from './split-documents';
import type { ParsedDocument, ParseIssue, ParseOptions } from './types';

function byLine(issues: ParseIssue[]): ParseIssue[] {
  return [...issues].sort((a, b) => a.line - b.line);
}

function parseUntitled(lines: DocumentChunk['lines'], index: number): ParsedDocument {
  const firstLine = lines.find((line) => !isBlank(line)) ?? lines[0] ?? { number: 1, text: '' };
  const nearMiss = lines.find((line) => isTitleWithoutSpace(line.text));
  const error: ParseIssue = nearMiss
    ? {
        line: nearMiss.number,
        message: `no title: ${quote(nearMiss.text.trim(), 40)} needs a space after "##", as in "## Title"`,
      }
    : { line: firstLine.number, message: 'no title: a document starts with a "## <title>" line' };
  return { ok: false, index, startLine: firstLine.number, title: null, errors: [error], warnings: [] };
}

/** Parses one document; every problem is reported with its line, nothing throws. */
export function parseDocument(chunk: DocumentChunk, index: number, options: ParseOptions): ParsedDocument {
  if (chunk.kind === 'untitled') return parseUntitled(chunk.lines, index);

  const startLine = chunk.titleLine.number;
  const title = titleText(chunk.titleLine.text);
  const errors: ParseIssue[] = [];
  const warnings: ParseIssue[] = [];

  if (title === '') {
    errors.push({ line: startLine, message: 'the title is empty: write it after "## "' });
  } else if (!fitsIn(title, TITLE_MAX_LENGTH)) {
    errors.push({
      line: startLine,
      message: `the title is ${characterCount(title)} characters long; at most ${TITLE_MAX_LENGTH} are allowed`,
    });
  }

  const { header, separator, rest } = splitSections(chunk.lines);
  const headerResult = parseHeader(header, options);
  // Loops, not push(...list): spreading a long list as arguments overflows the stack.
  for (const issue of headerResult.errors) errors.push(issue);
  for (const issue of headerResult.warnings) warnings.push(issue);

  const { source, bodyLines } = extractSource(rest);
  const body = normalizeBody(bodyLines);
  if (body === '') {
    errors.push({ line: separator?.number ?? startLine, message: 'document has no body' });
  } else if (separator === null) {
    const bodyStart = bodyLines.find((line) => !isBlank(line))?.number ?? startLine;
    warnings.push({
      line: bodyStart,
      message: `no "---" line ends the header; the body starts at line ${bodyStart}`,
    });
  }

  if (errors.length > 0) {
    return { ok: false, index, startLine, title: title === '' ? null : title, errors: byLine(errors), warnings: byLine(warnings) };
  }
  return {
    ok: true,
    index,
    startLine,
    article: {
      title,
      body,
      language: headerResult.fields.language,
      categories: headerResult.fields.categories,
      documentDate: headerResult.fields.documentDate,
      sourcePublishedDate: headerResult.fields.sourcePublishedDate,
      source,
      sourceUrl: headerResult.fields.sourceUrl,
      ...(headerResult.fields.translationOf === null ? {} : { translationOf: headerResult.fields.translationOf }),
    },
    warnings: byLine(warnings),
  };
}
