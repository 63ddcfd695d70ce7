import { parseCategoryList } from './categories';
import { parseDocumentDate, parsePublishedDate } from './dates';
import { isBlank, quote } from './lines';
import { parseShowOnWebsite } from './source-url';
import type { ParseIssue, ParseOptions, SourceLine } from './types';

type HeaderKey = 'published' | 'documentDate' | 'category' | 'showOnWebsite' | 'translationOf';

/**
 * Keys are case-insensitive and take any spacing around `:`; `Published on` needs
 * no `:`. A pattern matches the key only; the value is the rest of the line,
 * taken by position (a pattern reading the value too, `\s*:?([\s\S]*)`, has
 * overlapping parts that the regexp linter rightly refuses).
 */
const HEADER_LINES: ReadonlyArray<{ key: HeaderKey; label: string; pattern: RegExp }> = [
  { key: 'published', label: 'Published on', pattern: /^published\s+on(?![^\s:])\s*:?/iu },
  { key: 'documentDate', label: 'Document Date', pattern: /^document\s+date\s*:/iu },
  { key: 'category', label: 'Category', pattern: /^categor(?:y|ies)\s*:/iu },
  { key: 'showOnWebsite', label: 'Show on website', pattern: /^show\s+on\s+website\s*:/iu },
  { key: 'translationOf', label: 'Translation of', pattern: /^translation\s+of\s*:/iu },
];

/** A slug or a documentId: letters, digits and hyphens, as either is written. */
const ARTICLE_REFERENCE = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/u;
const MAX_REFERENCE_LENGTH = 80;

const SEPARATOR = /^-{3,}$/u;

/**
 * Unknown and repeated header lines each get a warning up to this many; the
 * rest get one warning that counts them, so a header of a million stray lines
 * still gets a short answer.
 */
export const MAX_IGNORED_LINE_WARNINGS = 20;

export interface HeaderFields {
  language: string | null;
  categories: string[];
  documentDate: string | null;
  sourcePublishedDate: string | null;
  sourceUrl: string | null;
  translationOf: string | null;
}

export interface HeaderResult {
  fields: HeaderFields;
  errors: ParseIssue[];
  warnings: ParseIssue[];
}

/** The lines of a document after its title, cut where the header ends. */
export interface DocumentSections {
  header: SourceLine[];
  /** The `---` line, when the document has one. */
  separator: SourceLine | null;
  rest: SourceLine[];
}

function matchHeaderLine(text: string): { key: HeaderKey; label: string; value: string } | null {
  const trimmed = text.trim();
  for (const { key, label, pattern } of HEADER_LINES) {
    const match = pattern.exec(trimmed);
    if (match) return { key, label, value: trimmed.slice(match[0].length).trim() };
  }
  return null;
}

export function isSeparatorLine(line: SourceLine): boolean {
  return SEPARATOR.test(line.text.trim());
}

/**
 * The first `---` line ends the header. A document without one has a header
 * made of the known header lines (and blank lines) right after the title; its
 * body starts at the first other line.
 */
export function splitSections(lines: SourceLine[]): DocumentSections {
  const separatorIndex = lines.findIndex(isSeparatorLine);
  if (separatorIndex !== -1) {
    return {
      header: lines.slice(0, separatorIndex),
      separator: lines[separatorIndex] ?? null,
      rest: lines.slice(separatorIndex + 1),
    };
  }
  const firstOther = lines.findIndex((line) => !isBlank(line) && matchHeaderLine(line.text) === null);
  const headerEnd = firstOther === -1 ? lines.length : firstOther;
  return { header: lines.slice(0, headerEnd), separator: null, rest: lines.slice(headerEnd) };
}

export function parseHeader(lines: SourceLine[], options: ParseOptions): HeaderResult {
  const result: HeaderResult = {
    fields: { language: null, categories: [], documentDate: null, sourcePublishedDate: null, sourceUrl: null, translationOf: null },
    errors: [],
    warnings: [],
  };
  const firstLineOf = new Map<HeaderKey, number>();
  const error = (line: number, message: string): void => void result.errors.push({ line, message });
  const warn = (line: number, message: string): void => void result.warnings.push({ line, message });
  const ignored = { count: 0, from: 0, to: 0 };
  const ignore = (line: number, message: () => string): void => {
    ignored.count += 1;
    if (ignored.count <= MAX_IGNORED_LINE_WARNINGS) return warn(line, message());
    if (ignored.count === MAX_IGNORED_LINE_WARNINGS + 1) ignored.from = line;
    ignored.to = line;
  };

  for (const line of lines) {
    if (isBlank(line)) continue;
    const header = matchHeaderLine(line.text);
    if (header === null) {
      ignore(line.number, () => `unknown header line ${quote(line.text.trim())} is ignored`);
      continue;
    }

    const { key, label, value } = header;
    const firstLine = firstLineOf.get(key);
    if (firstLine !== undefined) {
      ignore(line.number, () => `repeated "${label}" line is ignored; the one on line ${firstLine} is used`);
      continue;
    }
    firstLineOf.set(key, line.number);

    switch (key) {
      case 'published': {
        if (value === '') {
          warn(line.number, 'Published on: no date given; ignored');
          break;
        }
        const date = parsePublishedDate(value);
        if (date.ok) result.fields.sourcePublishedDate = date.value;
        else error(line.number, date.message);
        break;
      }
      case 'documentDate': {
        if (value === '') {
          warn(line.number, 'Document Date: no date given; ignored');
          break;
        }
        const date = parseDocumentDate(value, options.timeZone);
        if (date.ok) result.fields.documentDate = date.value;
        else error(line.number, date.message);
        break;
      }
      case 'category': {
        const list = parseCategoryList(value);
        result.fields.categories = list.categories;
        result.fields.language = list.language;
        list.errors.forEach((message) => error(line.number, message));
        list.warnings.forEach((message) => warn(line.number, message));
        break;
      }
      case 'showOnWebsite': {
        const link = parseShowOnWebsite(value);
        result.fields.sourceUrl = link.url;
        if (link.warning !== undefined) warn(line.number, link.warning);
        break;
      }
      case 'translationOf': {
        if (value.length <= MAX_REFERENCE_LENGTH && ARTICLE_REFERENCE.test(value)) result.fields.translationOf = value;
        // A warning, as the line was before it was known: the document imports as an article of its own.
        else warn(line.number, `Translation of: ${quote(value.slice(0, MAX_REFERENCE_LENGTH))} is not an article's slug or documentId; ignored`);
        break;
      }
    }
  }
  const more = ignored.count - MAX_IGNORED_LINE_WARNINGS;
  if (more > 0) {
    const lines = more === 1 ? `line ${ignored.from}` : `lines ${ignored.from} to ${ignored.to}`;
    warn(ignored.from, `${more} more unknown or repeated header ${more === 1 ? 'line' : 'lines'} (${lines}) ${more === 1 ? 'is' : 'are'} ignored`);
  }
  return result;
}
