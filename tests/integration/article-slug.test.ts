import { articleData, uniqueTitle } from './helpers/factories';
import { articles } from './helpers/documents';
import { failWhen } from './helpers/faults';
import { rest, type RestArticle } from './helpers/rest';
import { useStrapi } from './helpers/strapi';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('article slug', () => {
  const app = useStrapi();
  let api: ReturnType<typeof rest>;

  beforeAll(async () => {
    api = rest(app);
  });

  const docs = () => articles(app);

  it('is made from the title with slugify, as in the specification', async () => {
    const res = await api.createArticle(articleData({ title: "Iran's Supreme Leader shifts Stance on Nuclear talks with the U.S." }));
    expect(res.status).toBe(201);
    expect((res.body.data as RestArticle).slug).toBe('irans-supreme-leader-shifts-stance-on-nuclear-talks-with-the-us');
  });

  it('cuts long titles at a word boundary within 80 characters', async () => {
    const title = 'Parliament debates the extraordinarily complicated reform of regional transportation funding formulas again';
    const res = await api.createArticle(articleData({ title }));
    const slug = (res.body.data as RestArticle).slug;
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(SLUG);
    expect(`${slug}-`).toBe(
      'parliament-debates-the-extraordinarily-complicated-reform-of-regional-transportation-funding-formulas-again-'.slice(0, slug.length + 1)
    );
  });

  it('gives a stable fallback to titles that transliterate to nothing, kept through publishing', async () => {
    const created = await docs().create({ data: articleData({ title: '中国新闻发布会' }) });
    expect(created.slug).toMatch(/^article-[a-z0-9]+$/);
    const published = await docs().publish({ documentId: created.documentId });
    expect(published.entries[0].slug).toBe(created.slug);
    await docs().unpublish({ documentId: created.documentId });
    const republished = await docs().publish({ documentId: created.documentId });
    expect(republished.entries[0].slug).toBe(created.slug);
  });

  it('takes the lowest free suffix on collision', async () => {
    const title = uniqueTitle('Collision');
    const first = await docs().create({ data: articleData({ title }) });
    const second = await docs().create({ data: articleData({ title }) });
    const third = await docs().create({ data: articleData({ title }) });
    expect(second.slug).toBe(`${first.slug}-2`);
    expect(third.slug).toBe(`${first.slug}-3`);
    await docs().delete({ documentId: second.documentId });
    const fourth = await docs().create({ data: articleData({ title }) });
    expect(fourth.slug).toBe(`${first.slug}-2`);
  });

  it('keeps a slug typed by an editor, normalized and de-duplicated', async () => {
    const typed = await api.createArticle(articleData({ slug: 'My Own Slug!' }));
    expect(typed.status).toBe(201);
    expect((typed.body.data as RestArticle).slug).toBe('my-own-slug');
    const again = await api.createArticle(articleData({ slug: 'my-own-slug' }));
    expect((again.body.data as RestArticle).slug).toBe('my-own-slug-2');
    const renamed = await api.updateArticle((typed.body.data as RestArticle).documentId, { title: 'A completely new title' });
    expect((renamed.body.data as RestArticle).slug).toBe('my-own-slug');
  });

  it('follows title changes while the article has never been published', async () => {
    const created = await docs().create({ data: articleData({ title: uniqueTitle('Draft title') }) });
    const title = uniqueTitle('Better title');
    const updated = await api.updateArticle(created.documentId, { title });
    expect(updated.status).toBe(200);
    expect((updated.body.data as RestArticle).slug).toBe(title.toLowerCase().replace(/\s+/g, '-'));
  });

  it('stays as it is after the first publication: edit title, republish, unpublish, discard', async () => {
    const created = await docs().create({ data: articleData({ title: uniqueTitle('Frozen') }) });
    await docs().publish({ documentId: created.documentId });
    const edited = await docs().update({ documentId: created.documentId, data: { title: uniqueTitle('Edited after publish') } });
    expect(edited.slug).toBe(created.slug);
    const republished = await docs().publish({ documentId: created.documentId });
    expect(republished.entries[0].slug).toBe(created.slug);
    await docs().update({ documentId: created.documentId, data: { title: uniqueTitle('Another edit') } });
    const discarded = await docs().discardDraft({ documentId: created.documentId });
    expect(discarded.entries[0].slug).toBe(created.slug);
    await docs().unpublish({ documentId: created.documentId });
    const afterUnpublish = await docs().update({ documentId: created.documentId, data: { title: uniqueTitle('Unpublished edit') } });
    expect(afterUnpublish.slug).toBe(created.slug);
  });

  it('changes after publication only when an editor changes it', async () => {
    const created = await api.createArticle(articleData(), 'published');
    const documentId = (created.body.data as RestArticle).documentId;
    const res = await api.updateArticle(documentId, { slug: 'Edited By Hand' }, 'published');
    expect(res.status).toBe(200);
    expect((res.body.data as RestArticle).slug).toBe('edited-by-hand');
    const published = await api.getArticle(documentId, 'published');
    expect((published.body.data as RestArticle).slug).toBe('edited-by-hand');
  });

  it('gives 30 concurrent creates with one title 30 distinct slugs and no errors', async () => {
    const title = `${uniqueTitle('Race')} ends here`;
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => api.createArticle(articleData({ title })))
    );
    expect(responses.map((res) => res.status)).toEqual(Array(30).fill(201));
    const slugs = responses.map((res) => (res.body.data as RestArticle).slug);
    expect(new Set(slugs).size).toBe(30);
    const base = slugs.find((slug) => !/-\d+$/.test(slug));
    expect(base).toBeDefined();
    expect([...slugs].sort()).toEqual(
      [base, ...Array.from({ length: 29 }, (_, i) => `${base}-${i + 2}`)].sort()
    );
  });

  it('is proposed by the Content Manager exactly as the plugin will store it', async () => {
    const title = "Iran's Supreme Leader shifts Stance on Nuclear talks with the U.S.";
    const uid = app.strapi.plugin('content-manager').service('uid') as {
      generateUIDField(args: { contentTypeUID: string; field: string; data: Record<string, unknown> }): Promise<string>;
    };
    const proposal = await uid.generateUIDField({ contentTypeUID: 'plugin::newsroom.article', field: 'slug', data: { title } });
    // The first test of this file already holds the plain slug.
    expect(proposal).toBe('irans-supreme-leader-shifts-stance-on-nuclear-talks-with-the-us-2');
    const created = await api.createArticle(articleData({ title, slug: proposal }));
    const article = created.body.data as RestArticle;
    expect(article.slug).toBe(proposal);
    const renamed = await api.updateArticle(article.documentId, { title: 'Kept in step with the title', slug: proposal });
    expect((renamed.body.data as RestArticle).slug).toBe('kept-in-step-with-the-title');
  });

  it('retries a deadlock or serialization failure while claiming a slug instead of failing the request', async () => {
    const db = app.strapi.db as unknown as { transaction: (...args: unknown[]) => Promise<unknown> };
    const original = db.transaction;
    let injected = 0;
    db.transaction = function (this: unknown, ...args: unknown[]) {
      if (injected < 2) {
        injected += 1;
        const code = injected === 1 ? '40P01' : 'ER_LOCK_DEADLOCK';
        return Promise.reject(Object.assign(new Error('deadlock detected'), { code }));
      }
      return original.apply(this, args);
    };
    try {
      const res = await api.createArticle(articleData({ title: `${uniqueTitle('Deadlock')} retried` }));
      expect(res.status).toBe(201);
      expect(injected).toBe(2);
      expect((res.body.data as RestArticle).slug).toMatch(/^deadlock-.*-retried$/);
    } finally {
      db.transaction = original;
    }
  });

  it('leaves neither the article nor a claim behind when its slug claim cannot be handed over to it', async () => {
    const title = uniqueTitle('Handover refused');
    const slug = title.toLowerCase().replace(/\s+/g, '-');
    const claims = () => app.strapi.db.connection('newsroom_claims').where({ scope: 'article-slug', claim_key: slug });
    // The hand-over from the placeholder to the new documentId fails, after the article rows are written.
    const fault = await failWhen(
      app,
      'newsroom_claims',
      'UPDATE',
      `OLD.scope = 'article-slug' AND OLD.claim_key = '${slug}' AND NEW.owner NOT LIKE 'pending:%'`
    );
    try {
      const refused = await api.createArticle(articleData({ title }), 'published');
      expect(refused.status).not.toBe(201);
    } finally {
      await fault.remove();
    }
    expect(await docs().count({ filters: { title }, status: 'draft' })).toBe(0);
    expect(await claims()).toEqual([]);

    const again = await api.createArticle(articleData({ title }));
    expect(again.status).toBe(201);
    expect((again.body.data as RestArticle).slug).toBe(slug);
    expect((await claims()).map((claim: { owner: string }) => claim.owner)).toEqual([(again.body.data as RestArticle).documentId]);
  });
});
