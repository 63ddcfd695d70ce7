import type { SourceLine } from './types';

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Splits text into numbered lines. CRLF, LF and a lone CR each end a line, and a
 * leading byte-order mark is dropped, so numbers match what an editor shows.
 */
export function splitLines(text: string): SourceLine[] {
  const withoutBom = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  return withoutBom.split(/\r\n|\r|\n/).map((line, position) => ({ number: position + 1, text: line }));
}

export function isBlank(line: SourceLine): boolean {
  return line.text.trim() === '';
}

/** Quotes a piece of the user's text in a message, shortened so messages stay readable. */
export function quote(text: string, maxLength = 80): string {
  const characters = Array.from(text.slice(0, maxLength * 2));
  const shortened = characters.length > maxLength ? `${characters.slice(0, maxLength - 1).join('')}…` : text;
  return `"${shortened}"`;
}
