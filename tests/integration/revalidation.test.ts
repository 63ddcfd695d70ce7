/**
 * Frontend revalidation (SPEC 11) against a receiver that checks signatures: every change
 * that alters what a frontend shows reaches it as one signed POST with the right payload,
 * nothing else does, failed attempts are retried with the same delivery id, and a burst
 * (an import) arrives as a few deliveries.
 */
import type { RevalidationDelivery } from '../../shared/contracts/revalidation';
import { verifySignature } from '../../server/src/core/revalidation/signature';
import { startReceiver, type Receipt, type Receiver } from '../support/revalidation-receiver';
import { createAdmin, registerSuperAdmin, type AdminSession } from './helpers/admin';
import { articles, categories } from './helpers/documents';
import { articleData, uniqueTitle } from './helpers/factories';
import { importApi } from './helpers/import';
import { rest } from './helpers/rest';
import { CM } from './helpers/write-paths';
import { startStrapi, type TestApp } from './helpers/strapi';

const SECRET = 'integration-secret-0123456789';
const PATHS = ['/news', '/news/{slug}', '/category/{category}'];
/** Retries in a fraction of a second instead of minutes (NEWSROOM_REVALIDATION_TIMING is for tests). */
const TIMING = { pollMs: 100, quietMs: 300, maxWaitMs: 800, timeoutMs: 1500, leaseMs: 10_000, retryDelaysMs: [300, 300, 300, 300, 300] };

let app: TestApp;
let receiver: Receiver;
let admin: AdminSession;

beforeAll(async () => {
  receiver = await startReceiver(SECRET);
  app = await startStrapi({
    NEWSROOM_REVALIDATION: JSON.stringify([{ name: 'web', url: receiver.url, secret: SECRET, paths: PATHS }]),
    NEWSROOM_REVALIDATION_TIMING: JSON.stringify(TIMING),
  });
  admin = await registerSuperAdmin(app);
});

afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});

/** Deliveries received (and answered 2xx) from now on. */
function watch() {
  const mark = receiver.receipts.length;
  const since = () => receiver.receipts.slice(mark).filter((receipt) => typeof receipt.answer === 'number' && receipt.answer < 300);
  return {
    since,
    /** Waits for a delivery that `matches`, and gives it. */
    async next(what: string, matches: (receipt: Receipt) => boolean): Promise<Receipt> {
      await receiver.waitFor(what, () => since().some(matches));
      return since().find(matches) as Receipt;
    },
  };
}

const about = (documentId: string) => (receipt: Receipt) => receipt.payload.articles.some((article) => article.documentId === documentId);

const publish = (data: Record<string, unknown> = {}) =>
  articles(app).create({ data: articleData({ title: uniqueTitle('Revalidated'), ...data }), status: 'published' });

/** A published article whose delivery has arrived: what a test does next is a burst of its own. */
async function publishNew(data: Record<string, unknown> = {}) {
  const deliveries = watch();
  const article = await publish(data);
  await deliveries.next('the publish', about(article.documentId));
  return article;
}

describe('frontend revalidation', () => {
  it('sends a signed POST when an article is published, with its paths and tags', async () => {
    const category = await categories(app).create({ data: { name: uniqueTitle('Economy') } });
    const deliveries = watch();
    const article = await publish({ categories: [category.documentId] });
    const receipt = await deliveries.next('the publish', about(article.documentId));

    expect(receipt.signed).toBe(true);
    expect(receipt.deliveryId).toBe(receipt.payload.id);
    expect(receipt.event).toBe('article.publish');
    expect(receipt.payload).toEqual({
      id: receipt.deliveryId,
      event: 'article.publish',
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      articles: [
        {
          documentId: article.documentId,
          slug: article.slug,
          previousSlug: null,
          language: 'en',
          categories: [{ name: category.name, slug: category.slug }],
        },
      ],
      paths: ['/news', `/news/${article.slug}`, `/category/${category.slug}`],
      tags: ['newsroom', `newsroom:article:${article.documentId}`, `newsroom:slug:${article.slug}`, `newsroom:category:${category.slug}`],
    });
  });

  it('sends nothing for a draft: created, saved or discarded', async () => {
    const published = await publishNew();
    const deliveries = watch();
    const draft = await articles(app).create({ data: articleData() });
    await articles(app).update({ documentId: draft.documentId, data: { title: uniqueTitle('Still a draft') } });
    await articles(app).update({ documentId: published.documentId, data: { title: uniqueTitle('Edited, not published') } });
    await articles(app).discardDraft({ documentId: published.documentId });
    // Something that is delivered, to know the quiet before it was really quiet.
    const marker = await publish();
    await deliveries.next('the marker', about(marker.documentId));
    const told = deliveries.since().flatMap((receipt) => receipt.payload.articles.map((article) => article.documentId));
    expect(told).toEqual([marker.documentId]);
  });

  it('gives the old and the new slug when a published article gets a new one', async () => {
    const article = await publishNew();
    const deliveries = watch();
    const res = await rest(app).updateArticle(article.documentId, { slug: `${article.slug}-renamed` }, 'published');
    expect(res.status).toBe(200);
    const receipt = await deliveries.next('the edit', about(article.documentId));
    expect(receipt.payload.event).toBe('article.update');
    expect(receipt.payload.articles).toEqual([expect.objectContaining({ slug: `${article.slug}-renamed`, previousSlug: article.slug })]);
    expect(receipt.payload.paths).toEqual(expect.arrayContaining([`/news/${article.slug}`, `/news/${article.slug}-renamed`]));
  });

  it('tells of an unpublish and of a delete', async () => {
    const unpublished = await publishNew();
    const deleted = await publishNew();
    let deliveries = watch();
    await articles(app).unpublish({ documentId: unpublished.documentId });
    const unpublish = await deliveries.next('the unpublish', about(unpublished.documentId));
    expect(unpublish.payload).toMatchObject({ event: 'article.unpublish', articles: [{ slug: unpublished.slug, previousSlug: null }] });
    expect(unpublish.payload.paths).toContain(`/news/${unpublished.slug}`);

    deliveries = watch();
    expect((await rest(app).deleteArticle(deleted.documentId)).status).toBe(204);
    const deletion = await deliveries.next('the delete', about(deleted.documentId));
    expect(deletion.payload).toMatchObject({ event: 'article.delete', articles: [{ documentId: deleted.documentId, slug: deleted.slug }] });
  });

  it('tells of a renamed category, with its articles and its pages under the old and the new slug', async () => {
    const category = await categories(app).create({ data: { name: uniqueTitle('Science') } });
    const article = await publishNew({ categories: [category.documentId] });
    const deliveries = watch();
    await categories(app).update({ documentId: category.documentId, data: { name: `${category.name} and Tech`, slug: `${category.slug}-tech` } });
    const receipt = await deliveries.next('the rename', (r) => r.payload.event === 'category.update');
    expect(receipt.payload.articles).toEqual([
      expect.objectContaining({ documentId: article.documentId, categories: [{ name: `${category.name} and Tech`, slug: `${category.slug}-tech` }] }),
    ]);
    expect(receipt.payload.paths).toEqual(expect.arrayContaining([`/category/${category.slug}`, `/category/${category.slug}-tech`, `/news/${article.slug}`]));
    expect(receipt.payload.tags).toEqual(expect.arrayContaining([`newsroom:category:${category.slug}`, `newsroom:category:${category.slug}-tech`]));
  });

  it('tells of a deleted category', async () => {
    const category = await categories(app).create({ data: { name: uniqueTitle('Gone') } });
    const article = await publishNew({ categories: [category.documentId] });
    const deliveries = watch();
    await categories(app).delete({ documentId: category.documentId });
    const receipt = await deliveries.next('the category delete', (r) => r.payload.event === 'category.delete');
    expect(receipt.payload.articles).toEqual([expect.objectContaining({ documentId: article.documentId, categories: [] })]);
    expect(receipt.payload.paths).toContain(`/category/${category.slug}`);
  });

  it('coalesces a bulk publish and a bulk unpublish in the Content Manager', async () => {
    const drafts = await Promise.all([0, 1, 2].map(() => articles(app).create({ data: articleData() })));
    const ids = drafts.map((draft) => draft.documentId);
    let deliveries = watch();
    expect((await admin.post(`${CM}/actions/bulkPublish`, { documentIds: ids })).status).toBe(200);
    const published = await deliveries.next('the bulk publish', (r) => ids.every((id) => about(id)(r)));
    expect(published.payload.event).toBe('article.publish');
    expect(deliveries.since()).toHaveLength(1);

    deliveries = watch();
    expect((await admin.post(`${CM}/actions/bulkUnpublish`, { documentIds: ids })).status).toBe(200);
    const unpublished = await deliveries.next('the bulk unpublish', (r) => ids.every((id) => about(id)(r)));
    expect(unpublished.payload.event).toBe('article.unpublish');
  });

  it('sends nothing for a write that rolled back', async () => {
    const article = await articles(app).create({ data: articleData() });
    const deliveries = watch();
    await expect(
      app.strapi.db.transaction(async () => {
        await articles(app).publish({ documentId: article.documentId });
        throw new Error('rolled back on purpose');
      })
    ).rejects.toThrow('rolled back on purpose');
    const marker = await publish();
    await deliveries.next('the marker', about(marker.documentId));
    expect(deliveries.since().some(about(article.documentId))).toBe(false);
  });

  it('coalesces an import of many articles into a few deliveries', async () => {
    const count = 120;
    const text = Array.from({ length: count }, (_, i) => `## ${uniqueTitle(`Imported ${i}`)}\n\nCategory: English, Imports\n\n---\n\nBody ${i}.\n`).join('\n');
    const deliveries = watch();
    const res = await importApi(app).text(text, '?publish=true');
    expect(res.status).toBe(200);
    const ids = new Set((res.body.data as Array<{ documentId: string }>).map((entry) => entry.documentId));
    expect(ids.size).toBe(count);
    const told = () => new Set(deliveries.since().flatMap((receipt) => receipt.payload.articles.map((article) => article.documentId)));
    await receiver.waitFor('every imported article', () => [...ids].every((id) => told().has(id)));
    expect(deliveries.since().length).toBeLessThanOrEqual(3);
    expect(deliveries.since().every((receipt) => receipt.signed && receipt.payload.event === 'import')).toBe(true);
    expect(deliveries.since()[0].payload.paths).toEqual(expect.arrayContaining(['/news', '/category/imports']));
  });

  it('retries a refused delivery with the same id: after a 500, a timeout and a refused connection', async () => {
    const deliveries = watch();
    const mark = receiver.receipts.length;
    receiver.answerNext(500, 'hang');
    const article = await publish();
    // The 500 and the timeout reach the receiver; then it stops listening.
    await receiver.waitFor('two failed attempts', (r) => r.receipts.slice(mark).length >= 2, 30_000);
    await receiver.refuse();
    const service = app.strapi.plugin('newsroom').service('revalidation') as { recentDeliveries(): Promise<RevalidationDelivery[]> };
    const deliveryId = receiver.receipts[mark].deliveryId;
    const refused = async () => (await service.recentDeliveries()).find((delivery) => delivery.id === deliveryId)?.lastError === 'connection refused';
    const deadline = Date.now() + 30_000;
    while (!(await refused())) {
      if (Date.now() > deadline) throw new Error('no attempt met the refused connection');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await receiver.resume();
    const receipt = await deliveries.next('the retry', about(article.documentId));

    const attempts = receiver.receipts.slice(mark).filter((r) => r.deliveryId === deliveryId);
    expect(attempts.map((r) => r.answer)).toEqual([500, 'hang', 200]);
    expect(attempts.every((r) => r.signed && r.body === receipt.body)).toBe(true);
    const res = await admin.get('/newsroom/revalidation/deliveries?target=web');
    expect(res.status).toBe(200);
    expect((res.body.data as RevalidationDelivery[]).find((delivery) => delivery.id === deliveryId)).toMatchObject({
      status: 'delivered',
      attempts: 4,
      lastStatus: 200,
      lastError: null,
    });
  });

  it('asks frontends to refresh everything when a new excerpt length rewrote the excerpts', async () => {
    await publishNew({ body: 'A long body whose generated excerpt is cut. '.repeat(20) });
    const deliveries = watch();
    expect((await admin.put('/newsroom/settings', { excerptLength: 120 })).status).toBe(200);
    const receipt = await deliveries.next('the refresh', (r) => r.payload.event === 'refresh');
    expect(receipt.payload).toMatchObject({ articles: [], paths: ['/news'], tags: ['newsroom'] });
  });

  describe('in the admin', () => {
    it('shows targets with their secrets masked, and keeps a saved secret that is not retyped', async () => {
      const own = { name: 'preview', url: `${receiver.url}?preview=1`, secret: 'preview-secret-abcdefgh', paths: ['/preview/{slug}'] };
      const saved = await admin.put('/newsroom/settings', { revalidation: [own] });
      expect(saved.status).toBe(200);
      const res = await admin.get('/newsroom/settings');
      expect(res.body.data.revalidation).toEqual([
        { name: 'web', url: receiver.url, paths: PATHS, secretHint: '…6789', source: 'config' },
        { name: 'preview', url: own.url, paths: own.paths, secretHint: '…efgh', source: 'settings' },
      ]);
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
      expect(JSON.stringify(res.body)).not.toContain(own.secret);

      // The list read back, sent back as it is, with a new path: the secret stays.
      const again = await admin.put('/newsroom/settings', {
        revalidation: res.body.data.revalidation.map((target: { name: string; paths: string[] }) =>
          target.name === 'preview' ? { ...target, paths: [...target.paths, '/preview'] } : target
        ),
      });
      expect(again.status).toBe(200);
      expect(again.body.data.revalidation[1]).toMatchObject({ paths: ['/preview/{slug}', '/preview'], secretHint: '…efgh' });
    });

    it('answers 400 naming the key of a bad target, and saves nothing', async () => {
      const res = await admin.put('/newsroom/settings', {
        excerptLength: 300,
        revalidation: [{ name: 'bad', url: 'javascript:alert(1)', secret: 'x', paths: ['/news/{title}'] }],
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors.map((error: { path: string[] }) => error.path[0])).toEqual([
        'revalidation[0].url',
        'revalidation[0].secret',
        'revalidation[0].paths[0]',
      ]);
      const after = await admin.get('/newsroom/settings');
      expect(after.body.data.excerptLength).not.toBe(300);
      expect(after.body.data.revalidation.map((target: { name: string }) => target.name)).toEqual(['web', 'preview']);
    });

    it('refuses a target named like one in the config file', async () => {
      const res = await admin.put('/newsroom/settings', { revalidation: [{ name: 'WEB', url: receiver.url, secret: 'sixteen-chars-ok' }] });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/config file/);
    });

    it('sends a test delivery and shows its outcome', async () => {
      const mark = receiver.receipts.length;
      const res = await admin.post('/newsroom/revalidation/test', { target: 'preview' });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ target: 'preview', event: 'test', status: 'delivered', attempts: 1, lastStatus: 200 });
      const [receipt] = receiver.receipts.slice(mark);
      expect(receipt.deliveryId).toBe(res.body.data.id);
      // Signed with the preview target's own secret.
      expect(verifySignature(receipt.signature, receipt.body, 'preview-secret-abcdefgh')).toBe(true);
      expect(receipt.payload).toMatchObject({ event: 'test', articles: [], paths: [], tags: [] });
    });

    it('shows a failed test at once, without retrying it', async () => {
      receiver.answerNext(503);
      const res = await admin.post('/newsroom/revalidation/test', { target: 'web' });
      expect(res.body.data).toMatchObject({ status: 'failed', attempts: 1, lastStatus: 503, lastError: 'HTTP 503' });
    });

    it('needs Read settings to see deliveries and Update settings to send a test', async () => {
      const reader = await createAdmin(app, 'Settings Reader', ['plugin::newsroom.settings.read']);
      expect((await reader.get('/newsroom/revalidation/deliveries')).status).toBe(200);
      expect((await reader.post('/newsroom/revalidation/test', { target: 'web' })).status).toBe(403);
      const nobody = await createAdmin(app, 'No Settings');
      expect((await nobody.get('/newsroom/revalidation/deliveries')).status).toBe(403);
    });

    it('answers 404 for an unknown target and 400 for a malformed request', async () => {
      expect((await admin.post('/newsroom/revalidation/test', { target: 'nobody' })).status).toBe(404);
      expect((await admin.post('/newsroom/revalidation/test', { target: '' })).status).toBe(400);
      expect((await admin.post('/newsroom/revalidation/test', { target: 'web', extra: 1 })).status).toBe(400);
      expect((await admin.get('/newsroom/revalidation/deliveries?status=failed')).status).toBe(400);
    });
  });
});
