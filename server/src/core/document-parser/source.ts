import { fitsIn, SOURCE_MAX_LENGTH } from '../field-limits';
import { isBlank } from './lines';
import type { SourceLine } from './types';

/**
 * A bare host name: labels of letters, digits and inner hyphens, separated by
 * dots, ending in a letter-only (or punycode) top-level label, e.g. `rki.news`,
 * `www.bbc.co.uk`. A URL with a scheme or a path is not a source line.
 */
const HOST_NAME =
  /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

export function looksLikeDomain(text: string): boolean {
  return fitsIn(text, SOURCE_MAX_LENGTH) && HOST_NAME.test(text);
}

/**
 * The first non-blank line after the header is the source when it looks like a
 * domain; otherwise there is no source and that line starts the body.
 */
export function extractSource(lines: SourceLine[]): { source: string | null; bodyLines: SourceLine[] } {
  const firstIndex = lines.findIndex((line) => !isBlank(line));
  const candidate = firstIndex === -1 ? '' : (lines[firstIndex]?.text.trim() ?? '');
  if (!looksLikeDomain(candidate)) return { source: null, bodyLines: lines };
  return { source: candidate, bodyLines: lines.slice(firstIndex + 1) };
}
