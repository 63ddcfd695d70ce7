/**
 * An API token deleted or regenerated on one Strapi process stops working on the other
 * within the second the README promises, although both keep signed-in tokens in memory
 * (snippet-fast-path/token-access.ts); with Redis, the writer says so over the invalidation channel.
 */
import Redis from 'ioredis';
import { adminCredentials } from '../../support/strapi-process';
import { authorized, startTwoInstances, type TwoInstances } from './helpers';

const REDIS_URL = process.env.NEWSROOM_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CHANNEL = 'strapi-plugin-newsroom:snippets:invalidate';
/** The README's bound across instances, and time for one more request on a busy machine. */
const BOUND_MS = 1000;
const SLACK_MS = 500;

const snippetStatus = async (url: string, token: string) =>
  (await fetch(`${url}/api/newsroom/snippets?pageSize=1`, authorized(token))).status;

/** Asks `url` with `token` until it answers `status` or `limitMs` passes; the status last seen. */
const statusWithin = async (url: string, token: string, status: number, limitMs: number) => {
  const start = Date.now();
  let seen = await snippetStatus(url, token);
  while (seen !== status && Date.now() - start <= limitMs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    seen = await snippetStatus(url, token);
  }
  return seen;
};

describe('API-token revocation across two processes with Redis', () => {
  let pair: TwoInstances;
  let jwt: string;

  const admin = async (route: string, method: string, body?: unknown) => {
    const res = await fetch(`${pair.a.url}${route}`, authorized(jwt, { method, body: body === undefined ? undefined : JSON.stringify(body) }));
    if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}`);
    return (await res.json()) as { data: { id: number; accessKey: string } };
  };
  const createToken = async () => (await admin('/admin/api-tokens', 'POST', { name: `revocation-${Date.now()}-${Math.random()}`, type: 'read-only', lifespan: null })).data;

  beforeAll(async () => {
    pair = await startTwoInstances({ NEWSROOM_REDIS_URL: REDIS_URL });
    jwt = (await adminCredentials(pair.a.url)).jwt;
  }, 240_000);
  afterAll(async () => pair?.stop());

  it('stops a token deleted on one process on the other within a second', async () => {
    const token = await createToken();
    expect(await snippetStatus(pair.b.url, token.accessKey)).toBe(200);
    expect(await snippetStatus(pair.b.url, token.accessKey)).toBe(200); // kept in B's memory now
    await admin(`/admin/api-tokens/${token.id}`, 'DELETE');
    expect(await snippetStatus(pair.a.url, token.accessKey)).toBe(401);
    expect(await statusWithin(pair.b.url, token.accessKey, 401, BOUND_MS + SLACK_MS)).toBe(401);
  });

  it('stops the old key of a token regenerated on one process on the other within a second', async () => {
    const token = await createToken();
    expect(await snippetStatus(pair.b.url, token.accessKey)).toBe(200);
    const renewed = (await admin(`/admin/api-tokens/${token.id}/regenerate`, 'POST', {})).data.accessKey;
    expect(await statusWithin(pair.b.url, token.accessKey, 401, BOUND_MS + SLACK_MS)).toBe(401);
    expect(await snippetStatus(pair.b.url, renewed)).toBe(200);
  });

  it('tells the other processes over Redis when a token is deleted', async () => {
    const token = await createToken();
    const listener = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      const heard: string[] = [];
      listener.on('message', (channel: string, message: string) => {
        if (channel === CHANNEL) heard.push(message);
      });
      await listener.subscribe(CHANNEL);
      await admin(`/admin/api-tokens/${token.id}`, 'DELETE');
      const start = Date.now();
      while (!heard.some((message) => message.endsWith(':api-tokens')) && Date.now() - start < 5000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(heard).toContainEqual(expect.stringMatching(/:api-tokens$/));
    } finally {
      listener.disconnect();
    }
  });
});
