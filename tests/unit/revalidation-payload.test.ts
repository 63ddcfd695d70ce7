import { articleEvent, categoryEvent, diffArticles, type ArticleSnapshot, type RecordedChange } from '../../server/src/core/revalidation/changes';
import { buildDeliveries, deliveriesFor, testDelivery } from '../../server/src/core/revalidation/payload';

/** A published version of an article; `version` changes with each write. */
const snapshot = (overrides: Partial<ArticleSnapshot> = {}): ArticleSnapshot => ({
  documentId: 'doc1',
  locale: null,
  slug: 'budget-passes',
  language: 'en',
  categories: [{ name: 'Economy', slug: 'economy' }],
  documentDate: '2026-04-27T20:43:39.000Z',
  version: '1@2026-04-27T20:43:39.000Z',
  ...overrides,
});

const change = (overrides: Partial<RecordedChange>): RecordedChange => ({
  event: 'article.publish',
  at: Date.UTC(2026, 3, 27, 21),
  articles: [],
  categories: [],
  ...overrides,
});

const PATHS = ['/news', '/news/{slug}', '/category/{category}', '/{language}/archive/{yyyy}/{mm}'];

describe('revalidation payload', () => {
  describe('what changed', () => {
    it('nothing when the published versions are the same (a draft saved or discarded)', () => {
      expect(diffArticles([snapshot()], [snapshot()])).toEqual([]);
      expect(diffArticles([], [])).toEqual([]);
    });

    it('a publish, an edit, an unpublish and a delete', () => {
      const edited = snapshot({ slug: 'budget-finally-passes', version: '2@x' });
      expect(articleEvent(diffArticles([], [snapshot()]), 'publish')).toBe('article.publish');
      expect(articleEvent(diffArticles([snapshot()], [edited]), 'update')).toBe('article.update');
      expect(articleEvent(diffArticles([snapshot()], [edited]), 'publish')).toBe('article.update');
      expect(articleEvent(diffArticles([snapshot()], []), 'unpublish')).toBe('article.unpublish');
      expect(articleEvent(diffArticles([snapshot()], []), 'delete')).toBe('article.delete');
    });

    it('tells a category renamed from one deleted', () => {
      expect(categoryEvent({ before: { name: 'A', slug: 'a' }, after: { name: 'B', slug: 'a' } })).toBe('category.update');
      expect(categoryEvent({ before: { name: 'A', slug: 'a' }, after: null })).toBe('category.delete');
    });
  });

  describe('one change', () => {
    it('lists the article with its paths from every template and its tags', () => {
      const [delivery] = buildDeliveries([change({ articles: [{ before: null, after: snapshot() }] })], PATHS);
      expect(delivery).toEqual({
        event: 'article.publish',
        occurredAt: '2026-04-27T21:00:00.000Z',
        articles: [{ documentId: 'doc1', slug: 'budget-passes', previousSlug: null, language: 'en', categories: [{ name: 'Economy', slug: 'economy' }] }],
        paths: ['/news', '/news/budget-passes', '/category/economy', '/en/archive/2026/04'],
        tags: ['newsroom', 'newsroom:article:doc1', 'newsroom:slug:budget-passes', 'newsroom:category:economy'],
      });
    });

    it('gives the old and the new slug of an edited article, and the paths of both', () => {
      const after = snapshot({ slug: 'budget-finally-passes', version: '2@x' });
      const [delivery] = buildDeliveries([change({ event: 'article.update', articles: [{ before: snapshot(), after }] })], ['/news/{slug}']);
      expect(delivery.articles[0]).toMatchObject({ slug: 'budget-finally-passes', previousSlug: 'budget-passes' });
      expect(delivery.paths).toEqual(['/news/budget-passes', '/news/budget-finally-passes']);
      expect(delivery.tags).toEqual(expect.arrayContaining(['newsroom:slug:budget-passes', 'newsroom:slug:budget-finally-passes']));
    });

    it('gives an unpublished article as it was last shown', () => {
      const [delivery] = buildDeliveries([change({ event: 'article.unpublish', articles: [{ before: snapshot(), after: null }] })], ['/news/{slug}']);
      expect(delivery.articles).toEqual([expect.objectContaining({ slug: 'budget-passes', previousSlug: null })]);
      expect(delivery.paths).toEqual(['/news/budget-passes']);
    });

    it('renders a category page for each category, an article page with the first', () => {
      const after = snapshot({ categories: [{ name: 'Economy', slug: 'economy' }, { name: 'Politics', slug: 'politics' }] });
      const [delivery] = buildDeliveries([change({ articles: [{ before: null, after }] })], ['/category/{category}', '/{category}/{slug}']);
      expect(delivery.paths).toEqual(['/category/economy', '/category/politics', '/economy/budget-passes']);
    });

    it('leaves out a template the article cannot fill', () => {
      const [delivery] = buildDeliveries([change({ articles: [{ before: null, after: snapshot({ categories: [] }) }] })], ['/{category}/{slug}', '/news']);
      expect(delivery.paths).toEqual(['/news']);
    });

    it('renders a renamed category\'s pages with its old and new slug', () => {
      const [delivery] = buildDeliveries(
        [change({ event: 'category.update', categories: [{ before: { name: 'Economy', slug: 'economy' }, after: { name: 'Business', slug: 'business' } }] })],
        ['/category/{category}', '/news/{slug}']
      );
      expect(delivery).toMatchObject({ event: 'category.update', articles: [], paths: ['/category/economy', '/category/business'] });
      expect(delivery.tags).toEqual(['newsroom', 'newsroom:category:economy', 'newsroom:category:business']);
    });

    it('asks for everything after a refresh: the plain paths and the tag newsroom', () => {
      expect(buildDeliveries([change({ event: 'refresh', everything: true })], PATHS)).toEqual([
        { event: 'refresh', occurredAt: '2026-04-27T21:00:00.000Z', articles: [], paths: ['/news'], tags: ['newsroom'] },
      ]);
    });
  });

  describe('coalescing a burst', () => {
    it('lists each article once, from the slug frontends knew to the last one', () => {
      const first = snapshot();
      const second = snapshot({ slug: 'budget-passes-narrowly', version: '2@x' });
      const third = snapshot({ slug: 'budget-finally-passes', version: '3@x' });
      const [delivery] = buildDeliveries(
        [
          change({ event: 'article.update', at: 1000, articles: [{ before: first, after: second }] }),
          change({ event: 'article.update', at: 2000, articles: [{ before: second, after: third }] }),
        ],
        ['/news/{slug}']
      );
      expect(delivery.articles).toEqual([expect.objectContaining({ slug: 'budget-finally-passes', previousSlug: 'budget-passes' })]);
      expect(delivery.paths).toEqual(['/news/budget-passes', '/news/budget-passes-narrowly', '/news/budget-finally-passes']);
      expect(delivery.occurredAt).toBe(new Date(2000).toISOString());
    });

    it('is one delivery for a burst of one kind, a batch for mixed kinds', () => {
      const publish = (id: string) => change({ articles: [{ before: null, after: snapshot({ documentId: id, slug: id }) }] });
      expect(buildDeliveries([publish('a'), publish('b')], [])).toHaveLength(1);
      expect(buildDeliveries([publish('a'), publish('b')], [])[0].event).toBe('article.publish');
      const unpublish = change({ event: 'article.unpublish', articles: [{ before: snapshot({ documentId: 'c', slug: 'c' }), after: null }] });
      expect(buildDeliveries([publish('a'), unpublish], [])[0].event).toBe('batch');
    });

    it('unites paths and tags without repeating them', () => {
      const publish = (id: string) => change({ articles: [{ before: null, after: snapshot({ documentId: id, slug: id }) }] });
      const [delivery] = buildDeliveries([publish('a'), publish('b'), publish('a')], ['/news', '/news/{slug}', '/category/{category}']);
      expect(delivery.paths).toEqual(['/news', '/news/a', '/category/economy', '/news/b']);
      expect(new Set(delivery.tags).size).toBe(delivery.tags.length);
      expect(delivery.articles.map((article) => article.documentId)).toEqual(['a', 'b']);
    });

    it('splits a burst of many articles into a few deliveries', () => {
      const changes = Array.from({ length: 1200 }, (_, i) =>
        change({ event: 'import', articles: [{ before: null, after: snapshot({ documentId: `d${i}`, slug: `s${i}` }) }] })
      );
      const deliveries = buildDeliveries(changes, ['/news/{slug}'], { maxArticles: 500 });
      expect(deliveries.map((delivery) => delivery.articles.length)).toEqual([500, 500, 200]);
      expect(deliveries.every((delivery) => delivery.event === 'import')).toBe(true);
    });
  });

  describe('deliveries of a burst', () => {
    it('one per target, each with its own paths and a delivery id in the body', () => {
      const rows = deliveriesFor(
        [change({ articles: [{ before: null, after: snapshot() }] })],
        [
          { name: 'web', paths: ['/news/{slug}'] },
          { name: 'app', paths: [] },
        ]
      );
      expect(rows.map((row) => row.target)).toEqual(['web', 'app']);
      const bodies = rows.map((row) => JSON.parse(row.body));
      expect(bodies[0]).toMatchObject({ id: rows[0].id, paths: ['/news/budget-passes'] });
      expect(bodies[1]).toMatchObject({ id: rows[1].id, paths: [] });
      expect(Object.keys(bodies[0])).toEqual(['id', 'event', 'occurredAt', 'articles', 'paths', 'tags']);
      expect(rows[0].id).not.toBe(rows[1].id);
    });

    it('a test asks to revalidate nothing', () => {
      expect(testDelivery(0)).toEqual({ event: 'test', occurredAt: '1970-01-01T00:00:00.000Z', articles: [], paths: [], tags: [] });
    });
  });
});

describe('revalidation paths with {siteUrl}', () => {
  const publish = change({ articles: [{ before: null, after: snapshot() }] });

  it('give absolute URLs once siteUrl is set', () => {
    const [delivery] = buildDeliveries([publish], ['{siteUrl}/news', '{siteUrl}/news/{slug}', '/news'], { siteUrl: 'https://www.example.com/' });
    expect(delivery.paths).toEqual(['https://www.example.com/news', '/news', 'https://www.example.com/news/budget-passes']);
  });

  it('are left out while siteUrl is not set', () => {
    const [delivery] = buildDeliveries([publish], ['{siteUrl}/news', '{siteUrl}/news/{slug}', '/news'], { siteUrl: null });
    expect(delivery.paths).toEqual(['/news']);
  });
});
