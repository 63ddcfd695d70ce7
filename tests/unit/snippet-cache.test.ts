import { MemorySnippetCache } from '../../server/src/cache/snippet-cache';

const answer = (body: string) => ({ body: Buffer.from(body), etag: `"${body}"` });

describe('snippet response cache', () => {
  let now = 0;
  const cache = (maxEntries?: number) => new MemorySnippetCache({ maxEntries, now: () => now });
  beforeEach(() => {
    now = 1_000;
  });

  it('serves a stored answer until its time to live ends', () => {
    const c = cache();
    c.set('k', answer('a'), { generation: c.generation, ttlMs: 5000 });
    now += 4999;
    expect(c.get('k')?.body.toString()).toBe('a');
    now += 1;
    expect(c.get('k')).toBeUndefined();
  });

  it('forgets everything on invalidate', () => {
    const c = cache();
    c.set('k', answer('a'), { generation: c.generation, ttlMs: 5000 });
    c.invalidate();
    expect(c.get('k')).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('drops an answer read before a write that happened while it was being read', () => {
    const c = cache();
    const before = c.generation;
    c.invalidate(); // a write lands while the read is in flight
    c.set('k', answer('stale'), { generation: before, ttlMs: 5000 });
    expect(c.get('k')).toBeUndefined();
    c.set('k', answer('fresh'), { generation: c.generation, ttlMs: 5000 });
    expect(c.get('k')?.body.toString()).toBe('fresh');
  });

  it('stores nothing when the time to live is zero (cacheMaxAge 0)', () => {
    const c = cache();
    c.set('k', answer('a'), { generation: c.generation, ttlMs: 0 });
    expect(c.get('k')).toBeUndefined();
  });

  it('serves nothing stored longer ago than the time to live asked for now (cacheMaxAge lowered or 0)', () => {
    const c = cache();
    c.set('k', answer('a'), { generation: c.generation, ttlMs: 5000 });
    now += 2000;
    expect(c.get('k', 0)).toBeUndefined();
    expect(c.get('k', 2000)).toBeUndefined();
    expect(c.get('k', 2001)?.body.toString()).toBe('a');
    expect(c.get('k')?.body.toString()).toBe('a');
  });

  it('keeps at most maxEntries, evicting the oldest first', () => {
    const c = cache(2);
    for (const key of ['a', 'b', 'c']) c.set(key, answer(key), { generation: c.generation, ttlMs: 5000 });
    expect(c.size).toBe(2);
    expect(c.get('a')).toBeUndefined();
    expect(c.get('b')?.body.toString()).toBe('b');
    expect(c.get('c')?.body.toString()).toBe('c');
  });
});
