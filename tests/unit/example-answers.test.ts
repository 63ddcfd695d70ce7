import { comparableJson, headerDifferences, headerValueMatches, normalizeVolatile, parseHttpAnswer } from '../support/example-answers';

describe('README answer comparison', () => {
  it('replaces document ids, row ids, timestamps and tokens on both sides', () => {
    expect(normalizeVolatile({ data: [{ documentId: 'abc', id: 3, slug: 's', publishedAt: '2026-01-01T00:00:00.000Z', accessKey: 'k' }] })).toEqual({
      data: [{ documentId: '<documentId>', id: '<id>', slug: 's', publishedAt: '<date>', accessKey: '<token>' }],
    });
  });

  it('keeps null where a volatile value is absent, so a missing id still shows', () => {
    expect(normalizeVolatile({ documentId: null })).toEqual({ documentId: null });
  });

  it('lets "…" stand for any value and still compares everything else', () => {
    const shown = { error: { message: '…', details: { parameter: 'pageSize' } } };
    expect(comparableJson(shown, { error: { message: 'anything at all', details: { parameter: 'pageSize' } } })).toEqual({ shown, actual: shown });
    const other = comparableJson(shown, { error: { message: 'x', details: { parameter: 'page' } } });
    expect(other.actual).not.toEqual(other.shown);
  });

  it('does not treat an excerpt ending in … as a wildcard', () => {
    const { shown, actual } = comparableJson({ excerpt: 'In a significant…' }, { excerpt: 'In another…' });
    expect(actual).not.toEqual(shown);
  });

  it('reads an answer as curl -i prints it, skipping 100 Continue', () => {
    const answer = parseHttpAnswer('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 304 Not Modified\r\nETag: "abc"\r\nCache-Control: public, max-age=60\r\n\r\n');
    expect(answer).toEqual({ protocol: 'HTTP/1.1', status: 304, reason: 'Not Modified', headers: [['ETag', '"abc"'], ['Cache-Control', 'public, max-age=60']], body: '' });
  });

  it('matches header values with … as a wildcard, names case-insensitively', () => {
    expect(headerValueMatches('"…"', '"kq0m4Yd2"')).toBe(true);
    expect(headerValueMatches('public, max-age=60', 'public, max-age=600')).toBe(false);
    const shown = parseHttpAnswer('HTTP/1.1 304 Not Modified\nETag: "…"\nCache-Control: public, max-age=60');
    const real = parseHttpAnswer('HTTP/1.1 304 Not Modified\netag: "x1"\ncache-control: no-store');
    expect(headerDifferences(shown, real)).toEqual(['Cache-Control: public, max-age=60 (got no-store)']);
    expect(headerDifferences(parseHttpAnswer('HTTP/1.1 200 OK\nVary: Origin'), real)).toEqual(['Vary: Origin (missing)']);
  });

  it('refuses text that is not an HTTP answer', () => {
    expect(() => parseHttpAnswer('{ "data": [] }')).toThrow(/not an HTTP answer/);
  });
});
