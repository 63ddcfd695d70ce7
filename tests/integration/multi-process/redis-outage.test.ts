/**
 * SPEC 4.2 with the `redis` setting: a write is visible on every instance although the
 * writer's Redis connection was down when it wrote. Instance A reaches Redis through a
 * proxy the test cuts and restores; B is connected directly and caches for cacheMaxAge.
 */
import Redis from 'ioredis';
import { poll } from '../../../server/src/utils/poll';
import { snippetList } from '../helpers/snippets';
import { startCuttableProxy, type CuttableProxy } from './cuttable-proxy';
import { authorized, startTwoInstances, type TwoInstances } from './helpers';

const REDIS_URL = process.env.NEWSROOM_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Long enough that only the invalidation message can refresh B within the test. */
const CACHE_MAX_AGE = 600;
/** "Eventually": far below cacheMaxAge, far above a reconnect (ioredis retries within 2 s). */
const DEADLINE_MS = 30_000;

const titles = async (url: string, token: string) => {
  const res = await fetch(`${url}/api/newsroom/snippets?pageSize=100`, authorized(token));
  expect(res.status).toBe(200);
  return snippetList(await res.json()).data.map((snippet) => snippet.title);
};

const publish = async (url: string, token: string, title: string) => {
  const res = await fetch(
    `${url}/api/newsroom/articles?status=published`,
    authorized(token, { method: 'POST', body: JSON.stringify({ data: { title, body: 'Written while Redis was out of reach.' } }) })
  );
  expect(res.status).toBe(201);
};

describe('snippet freshness across two processes when a Redis connection drops', () => {
  let proxy: CuttableProxy;
  let pair: TwoInstances;
  let redis: Redis;

  /** The names of the newsroom connections Redis has now, with their subscription counts. */
  const newsroomClients = async () => {
    const list = (await redis.client('LIST')) as string;
    return list
      .split('\n')
      .map((line) => Object.fromEntries(line.split(' ').map((field) => field.split('=') as [string, string])))
      .filter((client) => client.name?.startsWith('newsroom-snippets-'))
      .map((client) => ({ name: client.name, sub: Number(client.sub ?? 0) }));
  };
  const connectionsOf = async (pid: number | undefined) =>
    (await newsroomClients()).filter((client) => client.name.endsWith(`-${pid}`));

  beforeAll(async () => {
    const { hostname, port } = new URL(REDIS_URL);
    proxy = await startCuttableProxy({ host: hostname, port: Number(port || 6379) });
    redis = new Redis(REDIS_URL);
    pair = await startTwoInstances(
      { NEWSROOM_CACHE_MAX_AGE: String(CACHE_MAX_AGE) },
      { a: { NEWSROOM_REDIS_URL: proxy.url }, b: { NEWSROOM_REDIS_URL: REDIS_URL } }
    );
  }, 240_000);
  afterAll(async () => {
    await pair?.stop();
    await proxy?.close();
    redis?.disconnect();
  });

  it('shows on the other process, after the reconnect, a write made while the writer was cut off from Redis', async () => {
    // Both processes connected: B then caches for cacheMaxAge, not the short lifetime it uses while deaf.
    for (const instance of [pair.a, pair.b]) {
      const both = await poll(
        async () => {
          const connections = await connectionsOf(instance.child.pid);
          return connections.length === 2 && connections.some((c) => c.sub === 1) ? true : undefined;
        },
        { timeoutMs: DEADLINE_MS }
      );
      expect({ pid: instance.child.pid, connected: both }).toEqual({ pid: instance.child.pid, connected: true });
    }
    await titles(pair.b.url, pair.token);
    await titles(pair.b.url, pair.token); // cached on B now

    proxy.cut();
    // A has noticed: its connections are gone from Redis and its reconnect attempts are turned away.
    const noticed = await poll(
      async () => ((await connectionsOf(pair.a.child.pid)).length === 0 && proxy.refusedSinceCut >= 2 ? true : undefined),
      { timeoutMs: DEADLINE_MS }
    );
    expect(noticed).toBe(true);

    const title = `Written while cut off ${Date.now().toString(36)}`;
    await publish(pair.a.url, pair.token, title);
    expect(await titles(pair.a.url, pair.token)).toContain(title);
    // Nobody told B: it still serves the answer it cached before the write.
    expect(await titles(pair.b.url, pair.token)).not.toContain(title);

    proxy.restore();
    const seen = await poll(async () => ((await titles(pair.b.url, pair.token)).includes(title) ? true : undefined), {
      timeoutMs: DEADLINE_MS,
      maxDelayMs: 200,
    });
    expect(seen).toBe(true);
  });
});
