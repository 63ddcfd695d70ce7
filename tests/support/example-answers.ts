/**
 * Compares an answer shown in the README with a real one. What differs from run to run
 * (document ids, row ids, timestamps of the moment, tokens, ETags) is replaced by a
 * placeholder on both sides, and `…` written as a whole value (a JSON string, a header
 * value or part of one) stands for anything: the README elides with it.
 */

const ELLIPSIS = '…';

/** Keys whose values change from run to run, and what they become. */
const VOLATILE: Record<string, string> = {
  documentId: '<documentId>',
  id: '<id>',
  createdAt: '<date>',
  updatedAt: '<date>',
  publishedAt: '<date>',
  accessKey: '<token>',
  token: '<token>',
};

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: unknown): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `value` with every volatile value that is present (not null) replaced by its placeholder. */
export function normalizeVolatile(value: Json): Json {
  if (Array.isArray(value)) return value.map(normalizeVolatile);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, key in VOLATILE && inner !== null && typeof inner !== 'object' ? VOLATILE[key] : normalizeVolatile(inner)])
  );
}

/** `actual`, with each value the README elides (`"…"`) replaced by `"…"`, so an equality check skips it. */
export function applyEllipses(shown: Json, actual: Json): Json {
  if (shown === ELLIPSIS && actual !== undefined) return ELLIPSIS;
  if (Array.isArray(shown) && Array.isArray(actual)) return actual.map((item, i) => (i < shown.length ? applyEllipses(shown[i], item) : item));
  if (isObject(shown) && isObject(actual)) {
    return Object.fromEntries(Object.entries(actual).map(([key, inner]) => [key, key in shown ? applyEllipses(shown[key], inner) : inner]));
  }
  return actual;
}

/** Both sides as they are compared: `expect(actual).toEqual(shown)` then names the real difference. */
export function comparableJson(shown: Json, actual: Json): { shown: Json; actual: Json } {
  return { shown: normalizeVolatile(shown), actual: normalizeVolatile(applyEllipses(shown, actual)) };
}

export interface HttpAnswer {
  protocol: string;
  status: number;
  reason: string;
  headers: Array<[name: string, value: string]>;
  body: string;
}

/**
 * An answer as `curl -i` prints it: a status line, headers, a blank line, the body.
 * Interim answers (`100 Continue`) before the final one are skipped.
 */
export function parseHttpAnswer(text: string): HttpAnswer {
  let rest = text.replace(/\r\n/g, '\n');
  for (;;) {
    const end = rest.indexOf('\n\n');
    const head = end === -1 ? rest : rest.slice(0, end);
    const body = end === -1 ? '' : rest.slice(end + 2);
    const [statusLine, ...headerLines] = head.split('\n');
    const status = /^(HTTP\/[\d.]+)\s+(\d{3})\s*(.*)$/.exec(statusLine.trim());
    if (!status) throw new Error(`not an HTTP answer: ${JSON.stringify(statusLine)}`);
    if (status[2].startsWith('1') && /^HTTP\//.test(body)) {
      rest = body;
      continue;
    }
    const headers = headerLines
      .filter((line) => line.trim() !== '')
      .map((line): [string, string] => {
        const colon = line.indexOf(':');
        if (colon < 1) throw new Error(`not a header line: ${JSON.stringify(line)}`);
        return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
      });
    return { protocol: status[1], status: Number(status[2]), reason: status[3].trim(), headers, body };
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a real header value fits the shown one, where `…` stands for any run of characters. */
export function headerValueMatches(shown: string, actual: string): boolean {
  const pattern = shown.split(ELLIPSIS).map(escapeRegExp).join('[^]*');
  return new RegExp(`^${pattern}$`).test(actual);
}

/** The shown headers the real answer lacks or holds with another value, as `Name: shown (got …)` lines. */
export function headerDifferences(shown: HttpAnswer, actual: HttpAnswer): string[] {
  const problems: string[] = [];
  for (const [name, value] of shown.headers) {
    const real = actual.headers.find(([other]) => other.toLowerCase() === name.toLowerCase());
    if (!real) problems.push(`${name}: ${value} (missing)`);
    else if (!headerValueMatches(value, real[1])) problems.push(`${name}: ${value} (got ${real[1]})`);
  }
  return problems;
}
