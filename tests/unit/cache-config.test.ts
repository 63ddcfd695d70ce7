import { parseRedisConfig } from '../../server/src/core/cache-config';

describe('redis setting', () => {
  it.each([undefined, null, ''])('is off when %p', (value) => {
    expect(parseRedisConfig(value)).toEqual({ ok: true, url: null });
  });

  it.each(['redis://127.0.0.1:6379', 'rediss://user:secret@cache.example.org:6380/2'])('accepts %s', (url) => {
    expect(parseRedisConfig(url)).toEqual({ ok: true, url });
  });

  it.each([['http://127.0.0.1:6379'], ['127.0.0.1:6379'], [6379], [{ host: 'x' }]])('rejects %p naming the key', (value) => {
    const result = parseRedisConfig(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/"redis"/);
  });
});
