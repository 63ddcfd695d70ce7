/**
 * Markdown + HTML → plain text, for excerpts and word counts. Not a Markdown
 * renderer: it only has to drop markup and keep the words a reader sees.
 */
import { decodeHtmlEntities } from './html-entities';
import { stripInline } from './markdown-inline';
import { isWhiteSpaceCode } from './text-scan';

// Private-use characters mark spans (code, escapes) that later steps must not touch.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

// Tags whose content is never text a reader sees.
const HIDDEN_ELEMENTS = /<(script|style|template|noscript)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
// A tag: name, then quoted attribute values (which may hold '>') or other characters.
// No part may run past a '<', so a scan never re-reads text; the name ends where
// the attributes begin (the lookahead), so `<aaaa…` is not split in every way.
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)(?![a-zA-Z0-9-])(?:"[^"<]*"|'[^'<]*'|[^'"<>])*>/g;
const UNCLOSED_TAG_AT_END = /<\/?[a-zA-Z][^<>]*$/;
const DECLARATION = /<[!?][^<>]*>/g;
// Block-level tags separate words (`<p>a</p><p>b</p>` is "a b"); inline tags do not.
const BLOCK_TAGS = new Set(
  ('address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 ' +
    'header hr li main nav ol p pre section table tbody td tfoot th thead tr ul').split(' '),
);

function stripTags(text: string): string {
  return text
    .replace(DECLARATION, ' ')
    .replace(TAG, (_tag, name: string) => (BLOCK_TAGS.has(name.toLowerCase()) ? ' ' : ''))
    .replace(UNCLOSED_TAG_AT_END, '');
}

class Protected {
  private readonly spans: string[] = [];

  hide(text: string): string {
    this.spans.push(text);
    return `${OPEN}${this.spans.length - 1}${CLOSE}`;
  }

  // Spans never nest: code is hidden before escapes are, and fences before both.
  restore(text: string): string {
    return text.replace(PLACEHOLDER, (_m, i: string) => this.spans[Number(i)] ?? '');
  }
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const THEMATIC_BREAK = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}=+\s*$/;
// `[label]: destination`; what follows the destination does not matter.
const REFERENCE_DEFINITION = /^\s{0,3}\[(?!\^)[^\]]+\]:\s*\S/;
const TABLE_DELIMITER_CELL = /^:?-+:?$/;

/**
 * `| :--- | ---: |` or `--- | ---`: cells of dashes (with alignment colons)
 * between pipes, at least one pipe; the last cell may be empty. Read cell by
 * cell: as one pattern, the spaces around each cell overlap and a long line
 * takes quadratic time.
 */
function isTableDelimiterRow(line: string): boolean {
  const trimmed = line.trim();
  let start = trimmed.startsWith('|') ? 1 : 0;
  let pipes = 0;
  for (let pipe = trimmed.indexOf('|', start); pipe !== -1; pipe = trimmed.indexOf('|', start)) {
    if (!TABLE_DELIMITER_CELL.test(trimmed.slice(start, pipe).trim())) return false;
    pipes += 1;
    start = pipe + 1;
  }
  const last = trimmed.slice(start).trim();
  return pipes > 0 && (last === '' || TABLE_DELIMITER_CELL.test(last));
}

/** `Title ##` → `Title`: closing hashes belong to headings, after white space (`C #` elsewhere is text). */
function withoutClosingHashes(heading: string): string {
  const text = heading.trimEnd();
  let start = text.length;
  while (start > 0 && text.charCodeAt(start - 1) === 0x23) start -= 1;
  if (start === text.length) return heading;
  if (start === 0) return '';
  return isWhiteSpaceCode(text.charCodeAt(start - 1)) ? text.slice(0, start).trimEnd() : heading;
}

/** Line-level Markdown: fences, rules, headings, quotes, lists, tables. */
function stripBlocks(markdown: string, shelf: Protected): string {
  const out: string[] = [];
  let fence: string | null = null;
  let fenced: string[] = [];
  let inTable = false;

  for (const line of markdown.split('\n')) {
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) {
        out.push(shelf.hide(fenced.join('\n')));
        fence = null;
      } else {
        fenced.push(line);
      }
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      fenced = [];
      continue;
    }
    if (THEMATIC_BREAK.test(line) || SETEXT_UNDERLINE.test(line) || REFERENCE_DEFINITION.test(line)) {
      out.push('');
      continue;
    }
    if (isTableDelimiterRow(line)) {
      // The header row came before the delimiter row.
      const header = out.length - 1;
      if (header >= 0) out[header] = out[header].replace(/\|/g, ' ');
      inTable = true;
      out.push('');
      continue;
    }
    if (line.trim() === '') inTable = false;

    let text = line.replace(/^\s*(?:>\s?)+/, '');
    const heading = /^\s{0,3}#{1,6}(?:\s+|$)/.exec(text);
    if (heading) text = withoutClosingHashes(text.slice(heading[0].length));
    text = text
      .replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/, '')
      .replace(/^\s*\[\^[^\]]+\]:\s*/, '');
    const trimmed = text.trim();
    if (inTable || trimmed.startsWith('|') || trimmed.endsWith('|')) text = text.replace(/\|/g, ' ');
    out.push(text);
  }
  // An unclosed fence runs to the end of the document, as in CommonMark.
  if (fence !== null) out.push(shelf.hide(fenced.join('\n')));
  return out.join('\n');
}

export function markdownToPlainText(markdown: string): string {
  const shelf = new Protected();
  const source = markdown
    .replace(/[\uE000\uE001]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(HIDDEN_ELEMENTS, '');
  const marked = stripInline(stripBlocks(source, shelf), shelf);
  // Tags inside code are stripped too: an excerpt is plain text, no markup survives.
  const text = decodeHtmlEntities(stripTags(shelf.restore(stripTags(marked))));
  // Entities may spell tags (`&lt;b&gt;`), and removing one tag can join two
  // halves into a new one (`<<i>b>`). Rather than strip until nothing changes
  // (quadratic), strip once and then break up any '<' a tag could start at.
  return stripTags(text)
    .replace(/<(?=[a-zA-Z/!?])/g, '< ')
    .replace(/\s+/g, ' ')
    .trim();
}
