import { httpDate, isNotModified, LastModifiedClock } from '../../server/src/core/conditional-get';

describe('conditional requests of feeds and sitemaps', () => {
  const current = { etag: '"abc"', lastModifiedMs: Date.parse('2026-04-27T20:43:39Z') };
  const ask = (ifNoneMatch?: string, ifModifiedSince?: string) => isNotModified({ ifNoneMatch, ifModifiedSince }, current);

  it('answer 304 to a matching If-None-Match, W/ and lists included', () => {
    expect(ask('"abc"')).toBe(true);
    expect(ask('W/"abc"')).toBe(true);
    expect(ask('"x", "abc"')).toBe(true);
    expect(ask('*')).toBe(true);
    expect(ask('"x"')).toBe(false);
  });

  it('answer 304 to If-Modified-Since at or after Last-Modified, to the second', () => {
    expect(ask(undefined, 'Mon, 27 Apr 2026 20:43:39 GMT')).toBe(true);
    expect(ask(undefined, 'Mon, 27 Apr 2026 20:43:40 GMT')).toBe(true);
    expect(ask(undefined, 'Mon, 27 Apr 2026 20:43:38 GMT')).toBe(false);
    expect(ask(undefined, 'yesterday')).toBe(false);
  });

  it('let If-None-Match decide when both are sent (RFC 9110)', () => {
    expect(ask('"x"', 'Mon, 27 Apr 2026 20:43:39 GMT')).toBe(false);
    expect(ask('"abc"', 'Mon, 27 Apr 2026 20:43:38 GMT')).toBe(true);
  });

  it('write HTTP dates', () => {
    expect(httpDate(current.lastModifiedMs)).toBe('Mon, 27 Apr 2026 20:43:39 GMT');
  });

  describe('Last-Modified clock', () => {
    it('keeps the date while the answer is the same, and moves it on a change, even within a second', () => {
      let now = Date.parse('2026-04-27T20:43:39.400Z');
      const clock = new LastModifiedClock({ now: () => now });
      const first = clock.lastModified('feed', '"a"');
      expect(first).toBe(Date.parse('2026-04-27T20:43:39Z'));
      now += 5000;
      expect(clock.lastModified('feed', '"a"')).toBe(first);
      const changed = clock.lastModified('feed', '"b"');
      expect(changed).toBe(Date.parse('2026-04-27T20:43:44Z'));
      expect(clock.lastModified('feed', '"c"')).toBe(changed + 1000);
      // A removal is a change too: back to an earlier answer is still a new date.
      expect(clock.lastModified('feed', '"a"')).toBe(changed + 2000);
    });

    it('keeps keys apart and forgets the oldest beyond its size', () => {
      const now = Date.parse('2026-04-27T20:43:39Z');
      const clock = new LastModifiedClock({ now: () => now, maxEntries: 2 });
      clock.lastModified('a', '"1"');
      clock.lastModified('b', '"1"');
      clock.lastModified('c', '"1"');
      expect(clock.lastModified('b', '"1"')).toBe(now);
      expect(clock.lastModified('a', '"2"')).toBe(now); // forgotten: dated now, not a second later
    });
  });
});
