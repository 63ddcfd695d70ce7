import { cacheControl, etagOf, matchesIfNoneMatch } from '../../server/src/core/http-cache';

describe('snippet HTTP caching', () => {
  it('derives a strong, quoted ETag from the body', () => {
    const etag = etagOf('{"data":[]}');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(etagOf('{"data":[]}')).toBe(etag);
    expect(etagOf('{"data":[1]}')).not.toBe(etag);
  });

  it('matches If-None-Match by tag, in a list, weakly, or with *', () => {
    const etag = etagOf('body');
    expect(matchesIfNoneMatch(etag, etag)).toBe(true);
    expect(matchesIfNoneMatch(`"other", ${etag}`, etag)).toBe(true);
    expect(matchesIfNoneMatch(`W/${etag}`, etag)).toBe(true);
    expect(matchesIfNoneMatch('*', etag)).toBe(true);
    expect(matchesIfNoneMatch([`"a"`, etag], etag)).toBe(true);
  });

  it('does not match a missing, different or unquoted tag', () => {
    const etag = etagOf('body');
    expect(matchesIfNoneMatch(undefined, etag)).toBe(false);
    expect(matchesIfNoneMatch('', etag)).toBe(false);
    expect(matchesIfNoneMatch('"other"', etag)).toBe(false);
    expect(matchesIfNoneMatch(etag.slice(1, -1), etag)).toBe(false);
  });

  it('lets shared caches keep answers for cacheMaxAge seconds', () => {
    expect(cacheControl(60)).toBe('public, max-age=60');
    expect(cacheControl(0)).toBe('public, max-age=0');
  });
});
