/**
 * Hostile input for the linear-time tests: long runs of one character (or a short
 * pattern) sized in bytes, as the request limits count them, placed in each line
 * of a snippet document. Any function that took time quadratic in a run would
 * blow the test's timeout at these sizes.
 */

/** The request limits the runs are sized to (SPEC 4.4: 5 MB an import; Strapi's JSON limit for REST bodies). */
export const KB = 1000;
export const SIZES = { '100 KB': 100 * KB, '1 MB': 1000 * KB, '5 MB': 5000 * KB } as const;
export type SizeName = keyof typeof SIZES;

/** Single characters that patterns tend to repeat, overlap or leave unclosed. */
export const RUN_CHARACTERS = [' ', '\t', '\u2028', '(', '[', '|', '-', '*', '`', '<', '_', '\\'] as const;
/** Short patterns: link openers, nested emphasis, unclosed tags and code. */
export const RUN_PATTERNS = ['](', '[a](', '*a _b ', '**_a', '<a', '<a "', '`a', '&#', 'a '] as const;
export const WHITE_SPACE_RUNS = [' ', '\t', '\u2028', '\u00a0', '\u3000'] as const;

/** `fill` repeated to about `bytes` bytes of UTF-8 (at least once). */
export function run(fill: string, bytes: number): string {
  return fill.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(fill))));
}

/** A readable name for a test title. */
export function nameOf(fill: string): string {
  const names: Record<string, string> = { ' ': 'spaces', '\t': 'tabs', '\u2028': 'U+2028', '\u00a0': 'no-break spaces', '\u3000': 'ideographic spaces', '\n': 'newlines', '\uE000': 'U+E000 (private use)' };
  return names[fill] ?? JSON.stringify(fill);
}

/** A document whose header holds `headerLine`: title on line 1, that line on line 2, then a body. */
export function documentWithHeaderLine(headerLine: string, body = 'The budget passed on Friday.'): string {
  return `## Hostile header\n${headerLine}\n---\n\nrki.news\n\n${body}\n`;
}

/** A document with `body` after a header that ends with `---` (no source line). */
export function documentWithBody(body: string): string {
  return `## Hostile body\nCategory: Economy\n---\n\n${body}\n`;
}
