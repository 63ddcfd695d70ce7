import { snippetList } from '../helpers/snippets';
import { authorized, startTwoInstances, type TwoInstances } from './helpers';

const snippetTitles = async (url: string, token: string) => {
  const res = await fetch(`${url}/api/newsroom/snippets?pageSize=100`, authorized(token));
  expect(res.status).toBe(200);
  return snippetList(await res.json()).data.map((snippet) => snippet.title);
};

const publish = async (url: string, token: string, title: string) => {
  const res = await fetch(
    `${url}/api/newsroom/articles?status=published`,
    authorized(token, { method: 'POST', body: JSON.stringify({ data: { title, body: 'Fresh news.' } }) })
  );
  expect(res.status).toBe(201);
};

/** Reads from `url` until `title` shows up or `limitMs` passes; the milliseconds it took, or null. */
const waitForTitle = async (url: string, token: string, title: string, limitMs: number) => {
  const start = Date.now();
  while (Date.now() - start <= limitMs) {
    if ((await snippetTitles(url, token)).includes(title)) return Date.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
};

describe('snippet freshness across two processes without a shared channel', () => {
  const cacheMaxAge = 3;
  let pair: TwoInstances;

  beforeAll(async () => {
    pair = await startTwoInstances({ NEWSROOM_CACHE_MAX_AGE: String(cacheMaxAge) });
  }, 240_000);
  afterAll(async () => pair?.stop());

  it('shows a write at once on the writing process and within cacheMaxAge on the other', async () => {
    await snippetTitles(pair.b.url, pair.token); // warm B's cache with the old answer
    const title = `Written on A ${Date.now().toString(36)}`;
    await publish(pair.a.url, pair.token, title);
    expect(await snippetTitles(pair.a.url, pair.token)).toContain(title);
    // Allowed staleness on B is cacheMaxAge; one more second for the polling itself.
    expect(await waitForTitle(pair.b.url, pair.token, title, cacheMaxAge * 1000 + 1000)).not.toBeNull();
  });
});

describe('snippet freshness across two processes with Redis', () => {
  let pair: TwoInstances;

  beforeAll(async () => {
    // A long cacheMaxAge: without the invalidation message B would keep its answer for a minute.
    pair = await startTwoInstances({ NEWSROOM_CACHE_MAX_AGE: '60', NEWSROOM_REDIS_URL: process.env.NEWSROOM_REDIS_URL ?? 'redis://127.0.0.1:6379' });
  }, 240_000);
  afterAll(async () => pair?.stop());

  it('empties the other process cache as soon as one process writes', async () => {
    for (const [writer, reader] of [
      [pair.a, pair.b],
      [pair.b, pair.a],
    ]) {
      await snippetTitles(reader.url, pair.token);
      await snippetTitles(reader.url, pair.token); // cached now
      const title = `Broadcast ${Date.now().toString(36)}`;
      await publish(writer.url, pair.token, title);
      // Well under the 5 s an instance without the channel may lag, let alone 60 s.
      expect(await waitForTitle(reader.url, pair.token, title, 1500)).not.toBeNull();
    }
  });
});
