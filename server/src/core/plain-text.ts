/**
 * Markdown + HTML → plain text, for excerpts and word counts. Not a Markdown
 * renderer: it only has to drop markup and keep the words a reader sees.
 */
import { decodeHtmlEntities } from './html-entities';
import { stripTags } from './html-tags';
import { stripInline } from './markdown-inline';
import { collapseWhiteSpace, isWhiteSpaceCode, mapCharCodes } from './text-scan';

// Tags whose content is never text a reader sees.
const HIDDEN_ELEMENTS = /<(script|style|template|noscript)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;

/*
 * Spans the later steps must not touch (code, escaped characters, autolinks)
 * stay in place: between two private-use markers, their ASCII punctuation moved
 * to private-use code points (U+E100 + code), so no Markdown or HTML step sees
 * a marker in them. Restoring is one pass over the text, however many spans
 * there are (a table of spans and a placeholder pattern cost a match each).
 * Private-use characters of that range are dropped from the input first.
 */
const SPAN_OPEN = 0xe000;
const SPAN_CLOSE = 0xe001;
const SHIFT = 0xe100;
const isAsciiPunctuation = (code: number) =>
  (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
const isReserved = (code: number) => code >= SPAN_OPEN && code < SHIFT + 0x80;

const shelf = {
  hide(text: string): string {
    const inert = mapCharCodes(text, (code) => (isAsciiPunctuation(code) ? SHIFT + code : code));
    return `${String.fromCharCode(SPAN_OPEN)}${inert}${String.fromCharCode(SPAN_CLOSE)}`;
  },
  restore(text: string): string {
    return mapCharCodes(text, (code) => {
      if (code === SPAN_OPEN || code === SPAN_CLOSE) return -1;
      return code >= SHIFT && code < SHIFT + 0x80 ? code - SHIFT : code;
    });
  },
};

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
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

/**
 * `---`, `* * *`, `___`: one marker three times or more, white space between,
 * after at most three white-space characters. A loop: as a pattern,
 * `(?:\s*\1){2,}` keeps a backtracking entry a character and overflows the
 * stack on a line of megabytes.
 */
function isThematicBreak(line: string): boolean {
  let at = 0;
  while (at < 3 && isWhiteSpaceCode(line.charCodeAt(at))) at += 1;
  const marker = line.charCodeAt(at);
  if (marker !== 0x2d && marker !== 0x2a && marker !== 0x5f) return false;
  let markers = 0;
  for (; at < line.length; at += 1) {
    const code = line.charCodeAt(at);
    if (code === marker) markers += 1;
    else if (!isWhiteSpaceCode(code)) return false;
  }
  return markers >= 3;
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

/** Table cell borders become spaces (split and join: a line of a million pipes is one pass, not a million matches). */
const withoutPipes = (line: string) => line.split('|').join(' ');

/** Line-level Markdown: fences, rules, headings, quotes, lists, tables. */
function stripBlocks(markdown: string): string {
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
    if (isThematicBreak(line) || SETEXT_UNDERLINE.test(line) || REFERENCE_DEFINITION.test(line)) {
      out.push('');
      continue;
    }
    if (isTableDelimiterRow(line)) {
      // The header row came before the delimiter row.
      const header = out.length - 1;
      if (header >= 0) out[header] = withoutPipes(out[header]);
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
    if (inTable || trimmed.startsWith('|') || trimmed.endsWith('|')) text = withoutPipes(text);
    out.push(text);
  }
  // An unclosed fence runs to the end of the document, as in CommonMark.
  if (fence !== null) out.push(shelf.hide(fenced.join('\n')));
  return out.join('\n');
}

const startsTag = (code: number) => ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || code === 0x2f || code === 0x21 || code === 0x3f;

/** `<` before a letter, `/`, `!` or `?` gets a space after it, so that it cannot start a tag. */
function separateTagStarts(text: string): string {
  if (!text.includes('<')) return text;
  return text
    .split('<')
    .map((piece, i) => (i === 0 ? piece : startsTag(piece.charCodeAt(0)) ? `< ${piece}` : `<${piece}`))
    .join('');
}

export function markdownToPlainText(markdown: string): string {
  const source = mapCharCodes(markdown, (code) => (isReserved(code) ? -1 : code))
    .split('\r\n')
    .join('\n')
    .split('\r')
    .join('\n')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(HIDDEN_ELEMENTS, '');
  const marked = stripInline(stripBlocks(source), shelf);
  // Tags inside code are stripped too: an excerpt is plain text, no markup survives.
  const text = decodeHtmlEntities(stripTags(shelf.restore(stripTags(marked))));
  // Entities may spell tags (`&lt;b&gt;`), and removing one tag can join two
  // halves into a new one (`<<i>b>`). Rather than strip until nothing changes
  // (quadratic), strip once and then break up any '<' a tag could start at.
  // White space first: the spaces separateTagStarts adds are single and never at an end.
  return separateTagStarts(collapseWhiteSpace(stripTags(text)).trim());
}
