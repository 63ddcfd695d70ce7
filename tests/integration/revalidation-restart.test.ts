/**
 * Deliveries survive a crash (SPEC 11): Strapi is killed (SIGKILL, no shutdown) right after
 * a change committed, between two attempts, and in the middle of an attempt; each time the
 * receiver gets the delivery, with the same id, from the Strapi started after it.
 */
import { startReceiver, type Receiver } from '../support/revalidation-receiver';
import { adminCredentials, startStrapiProcess, type StrapiProcess } from '../support/strapi-process';
import { createTestDatabase, type TestDatabase } from './helpers/databases';

const SECRET = 'restart-secret-0123456789';
/**
 * Retries come 5 s after a failure (time enough to kill Strapi in between), an attempt waits
 * 8 s for an answer (time enough to kill Strapi during it), a crashed instance's lease runs
 * out after 10 s. NEWSROOM_REVALIDATION_TIMING is for tests.
 */
const TIMING = { pollMs: 200, quietMs: 300, maxWaitMs: 1000, timeoutMs: 8000, leaseMs: 10_000, retryDelaysMs: [5000, 500, 500, 500, 500] };
/** The first Strapi never ends a burst: its change is still queued whenever it is killed. */
const HOLDING = { ...TIMING, quietMs: 600_000, maxWaitMs: 600_000 };

let database: TestDatabase;
let receiver: Receiver;
let strapi: StrapiProcess | null = null;
let token = '';

const start = async (timing = TIMING) => {
  strapi = await startStrapiProcess({
    ...database.env,
    NEWSROOM_REVALIDATION: JSON.stringify([{ name: 'web', url: receiver.url, secret: SECRET, paths: ['/news/{slug}'] }]),
    NEWSROOM_REVALIDATION_TIMING: JSON.stringify(timing),
  });
  return strapi;
};

/** No shutdown at all: the process is gone as after a power cut. */
const kill = async () => {
  const current = strapi;
  strapi = null;
  if (!current || current.child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    current.child.once('exit', () => resolve());
    current.child.kill('SIGKILL');
  });
};

async function publish(url: string, title: string): Promise<{ documentId: string; slug: string }> {
  const res = await fetch(`${url}/api/newsroom/articles?status=published`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ data: { title, body: 'A body that frontends show.' } }),
  });
  if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: { documentId: string; slug: string } }).data;
}

const attemptsAbout = (documentId: string) =>
  receiver.receipts.filter((receipt) => receipt.payload.articles?.some((article) => article.documentId === documentId));

beforeAll(async () => {
  database = await createTestDatabase();
  receiver = await startReceiver(SECRET);
  const first = await start(HOLDING);
  token = (await adminCredentials(first.url)).apiToken;
}, 240_000);

afterAll(async () => {
  await kill();
  await receiver?.close();
  await database?.drop();
});

describe('revalidation across a crash', () => {
  it('delivers a change committed right before the crash, after the restart', async () => {
    const article = await publish((strapi as StrapiProcess).url, `Committed before the crash ${Date.now()}`);
    // The burst is not over yet: no delivery exists, only the recorded change.
    await kill();
    expect(attemptsAbout(article.documentId)).toEqual([]);
    await start();
    await receiver.waitFor('the delivery after the restart', () => attemptsAbout(article.documentId).some((r) => r.answer === 200));
    const [receipt] = attemptsAbout(article.documentId);
    expect(receipt).toMatchObject({ signed: true, answer: 200 });
    expect(receipt.payload).toMatchObject({ event: 'article.publish', articles: [{ slug: article.slug }], paths: [`/news/${article.slug}`] });
  }, 240_000);

  it('retries a failed delivery after a crash between two attempts, with the same id', async () => {
    receiver.failFirstAttempts(500);
    const article = await publish((strapi as StrapiProcess).url, `Failed before the crash ${Date.now()}`);
    await receiver.waitFor('the first attempt', () => attemptsAbout(article.documentId).length > 0);
    await kill();
    receiver.failFirstAttempts(null);
    await start();
    await receiver.waitFor('the retry after the restart', () => attemptsAbout(article.documentId).some((r) => r.answer === 200));
    const attempts = attemptsAbout(article.documentId);
    expect(attempts.map((r) => r.answer)).toEqual([500, 200]);
    expect(new Set(attempts.map((r) => r.deliveryId)).size).toBe(1);
    expect(attempts.every((r) => r.signed && r.body === attempts[0].body)).toBe(true);
  }, 240_000);

  it('retries an attempt the crash interrupted, once its lease has run out', async () => {
    receiver.failFirstAttempts('hang');
    const article = await publish((strapi as StrapiProcess).url, `Interrupted by the crash ${Date.now()}`);
    await receiver.waitFor('the attempt that hangs', () => attemptsAbout(article.documentId).length > 0);
    await kill();
    receiver.failFirstAttempts(null);
    await start();
    await receiver.waitFor('the retry after the restart', () => attemptsAbout(article.documentId).some((r) => r.answer === 200));
    const attempts = attemptsAbout(article.documentId);
    expect(attempts.map((r) => r.answer)).toEqual(['hang', 200]);
    expect(new Set(attempts.map((r) => r.deliveryId)).size).toBe(1);
  }, 240_000);
});
