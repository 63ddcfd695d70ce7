import { VARY_HEADER, cacheControl, carriesCredentials, etagOf, matchesIfNoneMatch } from '../../server/src/core/http-cache';

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

  it('lets shared caches keep answers to requests without credentials for cacheMaxAge seconds', () => {
    expect(cacheControl(60, { credentials: false })).toBe('public, max-age=60');
    expect(cacheControl(0, { credentials: false })).toBe('public, max-age=0');
  });

  it('keeps answers to requests with credentials out of shared caches', () => {
    expect(cacheControl(60, { credentials: true })).toBe('private, max-age=60');
    expect(cacheControl(86400, { credentials: true })).toBe('private, max-age=86400');
    expect(cacheControl(0, { credentials: true })).toBe('private, max-age=0');
  });

  it('varies on the header that carries credentials', () => {
    expect(VARY_HEADER).toBe('Authorization');
  });
});

describe('credentials of a snippet request', () => {
  it('are absent for an anonymous request, on the fast path or as the Public role', () => {
    expect(carriesCredentials({ authorization: undefined, authenticated: undefined })).toBe(false);
    expect(carriesCredentials({ authorization: undefined, authenticated: null })).toBe(false);
    expect(carriesCredentials({ authorization: '', authenticated: null })).toBe(false);
  });

  it('are present with any Authorization header: an API token, a users-permissions JWT, or one Strapi ignores', () => {
    expect(carriesCredentials({ authorization: 'Bearer 4f1c…', authenticated: { id: 1, type: 'read-only' } })).toBe(true);
    expect(carriesCredentials({ authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x', authenticated: { id: 7, username: 'reader' } })).toBe(true);
    // Users & Permissions answers `Basic …` as the Public role; the header still was someone's.
    expect(carriesCredentials({ authorization: 'Basic dXNlcjpwYXNz', authenticated: null })).toBe(true);
    expect(carriesCredentials({ authorization: ['Bearer a', 'Bearer b'], authenticated: undefined })).toBe(true);
  });

  it("are present when a project's own strategy authenticated the request without that header", () => {
    expect(carriesCredentials({ authorization: undefined, authenticated: { session: 'cookie' } })).toBe(true);
  });
});
