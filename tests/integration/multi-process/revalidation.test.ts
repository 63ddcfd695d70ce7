/**
 * Two Strapi processes on one database deliver each change once (SPEC 11): the receiver
 * counts the requests of every delivery id. It refuses the first attempt of each, so both
 * instances compete for the retries too.
 */
import { startReceiver, type Receiver } from '../../support/revalidation-receiver';
import { authorized, startTwoInstances, type TwoInstances } from './helpers';

const SECRET = 'two-instances-secret-0123';
/** Fast polling on both instances, so that they race for every change and retry (tests only). */
const TIMING = { pollMs: 50, quietMs: 300, maxWaitMs: 1000, timeoutMs: 5000, leaseMs: 15_000, retryDelaysMs: [300, 300, 300, 300] };

describe('revalidation with two Strapi processes on one database', () => {
  let pair: TwoInstances;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver(SECRET);
    pair = await startTwoInstances({
      NEWSROOM_REVALIDATION: JSON.stringify([{ name: 'web', url: receiver.url, secret: SECRET, paths: ['/news/{slug}'] }]),
      NEWSROOM_REVALIDATION_TIMING: JSON.stringify(TIMING),
    });
  }, 240_000);
  afterAll(async () => {
    await pair?.stop();
    await receiver?.close();
  });

  it('never sends one attempt twice: each delivery is refused once and delivered once', async () => {
    receiver.failFirstAttempts(500);
    const publish = (url: string, i: number) =>
      fetch(
        `${url}/api/newsroom/articles?status=published`,
        authorized(pair.token, { method: 'POST', body: JSON.stringify({ data: { title: `Told once ${Date.now().toString(36)} ${i}`, body: 'Body.' } }) })
      ).then(async (res) => {
        if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${await res.text()}`);
        return ((await res.json()) as { data: { documentId: string } }).data.documentId;
      });

    // Several bursts, each written through both instances at once.
    const ids: string[] = [];
    for (let burst = 0; burst < 4; burst += 1) {
      ids.push(...(await Promise.all(Array.from({ length: 10 }, (_, i) => publish(i % 2 ? pair.a.url : pair.b.url, burst * 10 + i)))));
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }

    const told = () => new Set(receiver.delivered().flatMap((receipt) => receipt.payload.articles.map((article) => article.documentId)));
    await receiver.waitFor('every article', () => ids.every((id) => told().has(id)), 120_000);
    // Both instances keep polling: a second send of any attempt would come now.
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const byId = new Map<string, unknown[]>();
    for (const receipt of receiver.receipts) byId.set(receipt.deliveryId, [...(byId.get(receipt.deliveryId) ?? []), receipt.answer]);
    for (const [id, answers] of byId) expect({ id, answers }).toEqual({ id, answers: [500, 200] });
    expect(receiver.receipts.every((receipt) => receipt.signed)).toBe(true);
    // Every article in exactly one delivery.
    const mentions = receiver.delivered().flatMap((receipt) => receipt.payload.articles.map((article) => article.documentId));
    expect(mentions.sort()).toEqual([...ids].sort());
  }, 240_000);
});
