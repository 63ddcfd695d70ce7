/**
 * Deliveries from recorded changes (SPEC 11): the changes of one burst, coalesced into the
 * payload a target receives: each article once (the slug frontends knew before the burst,
 * the one it has after), the target's paths for every state the article went through, and
 * cache tags.
 *
 * Paths. A template with `{slug}` or `{documentId}` is an article's page: rendered with the
 * article's values, `{category}` being its first category by name (as `articleUrl`). Any
 * other template is a list page: rendered once for each of the article's categories when
 * it has `{category}` (`/category/{category}`), else with the article's language and date
 * (`/{language}/archive/{yyyy}`). A plain path (`/news`) is always included. A category
 * renamed or deleted renders its list pages with its old and new slug. A template may start
 * with `{siteUrl}` (as `articleUrl`), which gives absolute URLs; it is left out while the
 * `siteUrl` setting is not set.
 *
 * Tags: `newsroom` on every delivery but a test; `newsroom:article:<documentId>`,
 * `newsroom:slug:<slug>` (old and new) and `newsroom:category:<slug>` for what changed.
 */
import { randomUUID } from 'node:crypto';
import type { RevalidationArticle, RevalidationEvent, RevalidationPayload } from '../../../../shared/contracts/revalidation';
import { SITE_URL_PLACEHOLDER, URL_PLACEHOLDERS, placeholderValues, renderTemplate, scanTemplate } from '../url-template';
import { articleKey, type ArticleSnapshot, type CategoryRef, type RecordedChange } from './changes';

/** Articles one delivery lists at most: a category of thousands of articles is told in several. */
export const MAX_ARTICLES_PER_DELIVERY = 500;

export type DeliveryContent = Omit<RevalidationPayload, 'id'>;

interface ArticleHistory {
  first: ArticleSnapshot | null;
  last: ArticleSnapshot | null;
  /** Every state seen, for the paths and tags of each. */
  states: ArticleSnapshot[];
}

interface Template {
  path: string;
  kind: 'plain' | 'article' | 'list';
  byCategory: boolean;
  /** Only `{category}` (and `{siteUrl}`): a category's own page. */
  categoryOnly: boolean;
}

export interface DeliveryOptions {
  /** The `siteUrl` setting, for templates starting with `{siteUrl}`. */
  siteUrl?: string | null;
  /** Articles one delivery lists at most. */
  maxArticles?: number;
}

function templatesOf(paths: string[]): Template[] {
  return paths.flatMap((path): Template[] => {
    const scan = scanTemplate(path, URL_PLACEHOLDERS);
    if (!scan.ok) return [];
    const names = scan.placeholders.filter((name) => name !== SITE_URL_PLACEHOLDER);
    const article = names.includes('slug') || names.includes('documentId');
    const byCategory = !article && names.includes('category');
    return [{ path, kind: names.length === 0 ? 'plain' : article ? 'article' : 'list', byCategory, categoryOnly: byCategory && names.length === 1 }];
  });
}

function articlePaths(state: ArticleSnapshot, templates: Template[], site: Record<string, string>): string[] {
  const values = { ...site, ...placeholderValues({ ...state, categories: state.categories.map((category) => category.slug) }) };
  return templates
    .flatMap((template) => {
      if (template.kind === 'plain') return [];
      if (!template.byCategory) return [renderTemplate(template.path, values)];
      return state.categories.map((category) => renderTemplate(template.path, { ...values, category: category.slug }));
    })
    .filter((path): path is string => path !== null);
}

function categoryPaths(category: CategoryRef, templates: Template[], site: Record<string, string>): string[] {
  return templates
    .filter((template) => template.categoryOnly)
    .map((template) => renderTemplate(template.path, { ...site, category: category.slug }))
    .filter((path): path is string => path !== null);
}

/** Adds in order, once each. */
class OrderedSet {
  private readonly items = new Set<string>();
  add(...values: string[]) {
    for (const value of values) this.items.add(value);
    return this;
  }
  toArray() {
    return [...this.items];
  }
}

function payloadArticle(history: ArticleHistory): RevalidationArticle {
  const current = (history.last ?? history.states[history.states.length - 1]) as ArticleSnapshot;
  const previousSlug = history.first && history.first.slug !== current.slug ? history.first.slug : null;
  return {
    documentId: current.documentId,
    slug: current.slug,
    previousSlug,
    language: current.language,
    categories: current.categories.map(({ name, slug }) => ({ name, slug })),
  };
}

const eventOf = (changes: RecordedChange[]): RevalidationEvent => {
  const events = new Set(changes.map((change) => change.event));
  return events.size === 1 ? [...events][0] : 'batch';
};

/**
 * The deliveries one target gets for a burst of changes (in the order they were
 * recorded): usually one; more when it lists more than MAX_ARTICLES_PER_DELIVERY
 * articles. None when the changes touched nothing (an empty burst).
 */
export function buildDeliveries(changes: RecordedChange[], targetPaths: string[], options: DeliveryOptions = {}): DeliveryContent[] {
  if (changes.length === 0) return [];
  const maxArticles = options.maxArticles ?? MAX_ARTICLES_PER_DELIVERY;
  const site: Record<string, string> = options.siteUrl ? { [SITE_URL_PLACEHOLDER]: options.siteUrl } : {};
  const templates = templatesOf(targetPaths);
  const histories = new Map<string, ArticleHistory>();
  for (const change of changes) {
    for (const { before, after } of change.articles) {
      const key = articleKey((after ?? before) as ArticleSnapshot);
      const history = histories.get(key) ?? { first: before, last: after, states: [] };
      history.last = after;
      history.states.push(...[before, after].filter((state): state is ArticleSnapshot => state !== null));
      histories.set(key, history);
    }
  }
  const categories = changes.flatMap((change) => change.categories.flatMap(({ before, after }) => [before, after])).filter(
    (category): category is CategoryRef => category !== null
  );
  const event = eventOf(changes);
  const occurredAt = new Date(Math.max(...changes.map((change) => change.at))).toISOString();
  const plain = templates
    .filter((template) => template.kind === 'plain')
    .map((template) => renderTemplate(template.path, site))
    .filter((path): path is string => path !== null);

  const all = [...histories.values()].filter((history) => history.states.length > 0);
  const parts = all.length === 0 ? [[]] : Array.from({ length: Math.ceil(all.length / maxArticles) }, (_, i) => all.slice(i * maxArticles, (i + 1) * maxArticles));
  return parts.map((part, index) => {
    const paths = new OrderedSet().add(...plain);
    const tags = new OrderedSet().add('newsroom');
    // Category pages once, with the first part.
    if (index === 0) {
      for (const category of categories) {
        paths.add(...categoryPaths(category, templates, site));
        tags.add(`newsroom:category:${category.slug}`);
      }
    }
    for (const history of part) {
      for (const state of history.states) {
        paths.add(...articlePaths(state, templates, site));
        tags.add(`newsroom:article:${state.documentId}`, `newsroom:slug:${state.slug}`);
        tags.add(...state.categories.map((category) => `newsroom:category:${category.slug}`));
      }
    }
    return { event, occurredAt, articles: part.map(payloadArticle), paths: paths.toArray(), tags: tags.toArray() };
  });
}

/** The payload of a test delivery: it asks frontends to revalidate nothing. */
export function testDelivery(nowMs: number): DeliveryContent {
  return { event: 'test', occurredAt: new Date(nowMs).toISOString(), articles: [], paths: [], tags: [] };
}

/** A delivery ready to queue: its body is what every attempt sends. */
export interface DeliveryDraft {
  id: string;
  target: string;
  event: RevalidationEvent;
  body: string;
  articleCount: number;
  pathCount: number;
}

/** The deliveries of a burst for each target (each with its own paths), ids and bodies made. */
export function deliveriesFor(
  changes: RecordedChange[],
  targets: Array<{ name: string; paths: string[] }>,
  options: Pick<DeliveryOptions, 'siteUrl'> = {}
): DeliveryDraft[] {
  return targets.flatMap((target) =>
    buildDeliveries(changes, target.paths, options).map((content) => {
      const id = randomUUID();
      return {
        id,
        target: target.name,
        event: content.event,
        // `id` first: the body's keys in the order SPEC 11 lists them.
        body: JSON.stringify({ id, ...content }),
        articleCount: content.articles.length,
        pathCount: content.paths.length,
      };
    })
  );
}
