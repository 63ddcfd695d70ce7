import { isWhiteSpaceCode, trimEndWhere } from '../text-scan';
import type { SourceLine } from './types';

/** A run of lines between blank lines; blank lines inside a code fence belong to it. */
interface Paragraph {
  lines: string[];
  /** Holds a code fence or is an indented code block: never joined. */
  isCode: boolean;
}

const FENCE_OPENING = /^ {0,3}(`{3,}|~{3,})/u;
const INDENTED_CODE = /^(?: {4}|\t)/u;
const ATX_HEADING = /^ {0,3}#{1,6}(?:\s|$)/u;
/** Sentence punctuation, closing quotes and brackets, and the ends of HTML tags and table rows. */
const SENTENCE_END = /^[.!?…:;"'”’»›)\]}」』。！？．｡）】〉》>|]$/u;
/** Emphasis markers after the last word (`*end.*`): looked through. */
const isEmphasisMarker = (code: number) => code === 0x2a || code === 0x5f || code === 0x60 || code === 0x7e;
const STARTS_IN_LOWER_CASE = /^\p{Ll}/u;

function splitParagraphs(lines: string[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  let openFence: string | null = null;

  for (const line of lines) {
    if (openFence === null && line.trim() === '') {
      current = null;
      continue;
    }
    if (current === null) {
      current = { lines: [], isCode: INDENTED_CODE.test(line) };
      paragraphs.push(current);
    }
    current.lines.push(line);

    const fence = FENCE_OPENING.exec(line)?.[1];
    if (openFence === null && fence !== undefined) {
      openFence = fence;
      current.isCode = true;
    } else if (openFence !== null && fence !== undefined && isClosingFence(line, fence, openFence)) {
      openFence = null;
    }
  }
  return paragraphs;
}

function isClosingFence(line: string, fence: string, openFence: string): boolean {
  return fence[0] === openFence[0] && fence.length >= openFence.length && line.trim() === fence;
}

const isRuleMarker = (code: number) => code === 0x2d || code === 0x2a || code === 0x5f; // - * _

/**
 * A thematic break (`---`, `* * *`, `_-_`: three markers or more, white space
 * between) or a setext underline (`===`), after at most three spaces. A loop:
 * as a pattern, `(?:[-*_]\s*){3,}` keeps a backtracking entry a character and
 * overflows the stack on a line of megabytes.
 */
function isRuleOrUnderline(line: string): boolean {
  let at = 0;
  while (at < 3 && line.charCodeAt(at) === 0x20) at += 1;
  if (line.charCodeAt(at) === 0x3d) {
    while (line.charCodeAt(at) === 0x3d) at += 1;
    return at === line.length;
  }
  if (!isRuleMarker(line.charCodeAt(at))) return false;
  let markers = 0;
  for (; at < line.length; at += 1) {
    const code = line.charCodeAt(at);
    if (isRuleMarker(code)) markers += 1;
    else if (!isWhiteSpaceCode(code)) return false;
  }
  return markers >= 3;
}

function endsMidSentence(paragraph: Paragraph): boolean {
  const lastLine = paragraph.lines[paragraph.lines.length - 1] ?? '';
  if (paragraph.isCode || ATX_HEADING.test(lastLine) || isRuleOrUnderline(lastLine)) return false;
  // The last character only, found by a loop: `[*_]+$` would rescan a long run of markers from each of them.
  const text = trimEndWhere(lastLine, isEmphasisMarker);
  return !SENTENCE_END.test(text.slice(-1));
}

function continuesSentence(paragraph: Paragraph): boolean {
  return !paragraph.isCode && STARTS_IN_LOWER_CASE.test((paragraph.lines[0] ?? '').trimStart());
}

/**
 * Exports of the snippets sometimes break a paragraph inside a sentence
 * ("…a delicate balance between" / "national interests…"). Such a break is
 * joined with one space; a break after sentence punctuation, before a capital,
 * a list marker, a heading or any code is kept.
 *
 * A joined line is kept as pieces until the end: only its last piece decides
 * whether it ends a sentence, and building (and testing) the growing string at
 * every join would take time quadratic in the number of joins.
 */
function joinBrokenSentences(paragraphs: Paragraph[]): Paragraph[] {
  const joined: Paragraph[] = [];
  let pieces: string[] | null = null; // the last line of the last joined paragraph, when it was joined
  const close = () => {
    const last = joined[joined.length - 1];
    if (last && pieces) last.lines[last.lines.length - 1] = pieces.join(' ');
    pieces = null;
  };
  for (const paragraph of paragraphs) {
    const previous = joined[joined.length - 1];
    const previousEnd = pieces ? { ...previous, lines: [pieces[pieces.length - 1] ?? ''] } : previous;
    if (previous && previousEnd && endsMidSentence(previousEnd) && continuesSentence(paragraph)) {
      const [first = '', ...others] = paragraph.lines;
      if (!pieces) pieces = [previous.lines[previous.lines.length - 1] ?? ''];
      pieces.push(first.trimStart());
      if (others.length > 0) {
        close();
        // A loop, not push(...others): spreading a paragraph of a million lines overflows the stack.
        for (const line of others) previous.lines.push(line);
      }
    } else {
      close();
      joined.push({ lines: [...paragraph.lines], isCode: paragraph.isCode });
    }
  }
  close();
  return joined;
}

/**
 * The body as Markdown: trailing spaces dropped, `\n` line ends, runs of blank
 * lines made one (inside code fences they are kept), broken sentences joined,
 * trimmed. Markup and HTML stay as written.
 */
export function normalizeBody(lines: SourceLine[]): string {
  const paragraphs = splitParagraphs(lines.map((line) => line.text.trimEnd()));
  return joinBrokenSentences(paragraphs)
    .map((paragraph) => paragraph.lines.join('\n'))
    .join('\n\n')
    .trim();
}
