/**
 * What a change did to what frontends show (SPEC 11). A write is looked at through the
 * published versions of the articles it touched, before and after: only those are what
 * frontends show. A draft saved, a draft discarded, a document created as a draft: the
 * published versions are the same before and after, so there is nothing to tell.
 */
import type { RevalidationEvent } from '../../../../shared/contracts/revalidation';

export interface CategoryRef {
  name: string;
  slug: string;
}

/** The published version of an article, as far as frontends' pages depend on it. */
export interface ArticleSnapshot {
  documentId: string;
  /** Set when articles are localized; one published version per locale. */
  locale: string | null;
  slug: string;
  language: string | null;
  /** Sorted by name, as in snippets. */
  categories: CategoryRef[];
  /** ISO 8601. */
  documentDate: string | null;
  /**
   * Tells two states of a published version apart: its row id and `updatedAt` (publishing
   * writes a new row). Equal versions with equal fields are the same page.
   */
  version: string;
}

export interface ArticleTransition {
  before: ArticleSnapshot | null;
  after: ArticleSnapshot | null;
}

export interface CategoryTransition {
  before: CategoryRef | null;
  after: CategoryRef | null;
}

/** One recorded change: what the queue stores until it is coalesced into deliveries. */
export interface RecordedChange {
  event: RevalidationEvent;
  /** Milliseconds since the epoch. */
  at: number;
  articles: ArticleTransition[];
  categories: CategoryTransition[];
  /** Every article may look different (excerpts regenerated): frontends should refresh everything. */
  everything?: boolean;
}

export const articleKey = (article: { documentId: string; locale: string | null }) => `${article.documentId}:${article.locale ?? ''}`;

const sameSnapshot = (a: ArticleSnapshot, b: ArticleSnapshot) => JSON.stringify(a) === JSON.stringify(b);

/** The articles whose published version differs between the two readings. */
export function diffArticles(before: ArticleSnapshot[], after: ArticleSnapshot[]): ArticleTransition[] {
  const afterByKey = new Map(after.map((snapshot) => [articleKey(snapshot), snapshot]));
  const transitions: ArticleTransition[] = [];
  const seen = new Set<string>();
  for (const snapshot of before) {
    const key = articleKey(snapshot);
    seen.add(key);
    const next = afterByKey.get(key) ?? null;
    if (!next || !sameSnapshot(snapshot, next)) transitions.push({ before: snapshot, after: next });
  }
  for (const snapshot of after) if (!seen.has(articleKey(snapshot))) transitions.push({ before: null, after: snapshot });
  return transitions;
}

/** The event of an article write, from what it did: `delete` only when the document is gone. */
export function articleEvent(transitions: ArticleTransition[], action: string): RevalidationEvent {
  const events = new Set<RevalidationEvent>(
    transitions.map(({ before, after }) => {
      if (!before) return 'article.publish';
      if (after) return 'article.update';
      return action === 'delete' ? 'article.delete' : 'article.unpublish';
    })
  );
  return events.size === 1 ? [...events][0] : 'batch';
}

/** The event of a category write: a category that is gone was deleted; anything else is an update. */
export function categoryEvent(transition: CategoryTransition): RevalidationEvent {
  return transition.after === null ? 'category.delete' : 'category.update';
}
