/** Builds snippet documents in the format of the seed fixture, one rule at a time. */

export type HeaderName = 'published' | 'documentDate' | 'category' | 'showOnWebsite';

export interface DocumentParts {
  title?: string;
  /** The text after `Published on `; null leaves the line out. */
  published?: string | null;
  /** The text after `Document Date: `; null leaves the line out. */
  documentDate?: string | null;
  /** The text after `Category: `; null leaves the line out. */
  category?: string | null;
  /** The text after `Show on website : `; null leaves the line out. */
  showOnWebsite?: string | null;
  /** The domain line after `---`; null leaves it out. */
  source?: string | null;
  body?: string;
  /** The order of the header lines. */
  order?: HeaderName[];
  /** Lines added after the known header lines, e.g. `Author: X`. */
  extraHeaderLines?: string[];
  /** Whether a `---` line ends the header. */
  separator?: boolean;
  eol?: '\n' | '\r\n' | '\r';
  bom?: boolean;
}

export const DEFAULT_ORDER: HeaderName[] = ['published', 'documentDate', 'category', 'showOnWebsite'];

export const DEFAULT_DOCUMENT = {
  title: 'Parliament passes the budget',
  published: 'April 11, 2025',
  documentDate: 'Mon, Apr 27 2026 08:43:39 pm',
  category: ',English,International - ,Snippets',
  showOnWebsite: '[Click Here](#)',
  source: 'rki.news',
  body: 'The budget passed on Friday.\n\nIt takes effect in May.',
} as const;

function headerLine(name: HeaderName, parts: DocumentParts): string | null {
  const value = { ...DEFAULT_DOCUMENT, ...parts }[name];
  if (value === null) return null;
  switch (name) {
    case 'published':
      return `Published on ${value}`;
    case 'documentDate':
      return `Document Date: ${value}`;
    case 'category':
      return `Category: ${value}`;
    case 'showOnWebsite':
      return `Show on website : ${value}`;
  }
}

/** Builds the lines of one document, laid out like the seed (blank lines between header lines). */
export function buildDocumentLines(parts: DocumentParts = {}): string[] {
  const { title, source, body } = { ...DEFAULT_DOCUMENT, ...parts };
  const header = (parts.order ?? DEFAULT_ORDER)
    .map((name) => headerLine(name, parts))
    .filter((line): line is string => line !== null)
    .concat(parts.extraHeaderLines ?? []);

  const lines = [`## ${title}`, ''];
  for (const line of header) lines.push(line, '');
  if (parts.separator ?? true) lines.push('---', '');
  if (source !== null) lines.push(source, '');
  lines.push(...body.split('\n'));
  return lines;
}

export function buildDocument(parts: DocumentParts = {}): string {
  const text = buildDocumentLines(parts).join(parts.eol ?? '\n');
  return parts.bom ? `\uFEFF${text}` : text;
}

/** Several documents in one file, separated by a blank line. */
export function buildFile(documents: DocumentParts[], eol: '\n' | '\r\n' | '\r' = '\n'): string {
  return documents.map((parts) => buildDocumentLines(parts).join(eol)).join(`${eol}${eol}`);
}

/** The 1-based number of the first line of `text` that contains `needle`. */
export function lineNumberOf(text: string, needle: string, occurrence = 1): number {
  let seen = 0;
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  for (const [position, line] of lines.entries()) {
    if (line.includes(needle)) {
      seen += 1;
      if (seen === occurrence) return position + 1;
    }
  }
  throw new Error(`no line ${occurrence} contains ${JSON.stringify(needle)}`);
}
