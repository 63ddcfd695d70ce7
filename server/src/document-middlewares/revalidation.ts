import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, CATEGORY_UID } from '../constants';
import { articleEvent, categoryEvent, diffArticles, articleKey, type ArticleSnapshot } from '../core/revalidation/changes';
import { documentIdOf } from '../utils/document-id';
import type { DocumentContext, DocumentMiddleware } from './types';
import { getService } from '../utils/get-service';

/** Document actions that can change what frontends show. */
const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

/** The document a write is about, once it ran: a create or clone makes a new one. */
const documentOf = (ctx: DocumentContext, result: unknown): string | null =>
  ctx.action === 'create' || ctx.action === 'clone' ? documentIdOf(result) : (ctx.params.documentId ?? documentIdOf(result));

/**
 * Frontend revalidation (SPEC 11) for every write through the Document Service: the
 * published versions the write touches are read before and after it, in one
 * transaction with it, and what changed is recorded in that transaction too. So a
 * write that rolls back records nothing, and a committed one is never lost. Nothing is
 * read when no target is configured.
 *
 * Saving a draft, discarding one, creating a draft: the published versions stay as they
 * were, nothing is recorded. A category renamed, deleted, or given other articles:
 * the published articles linked to it before or after, and its own pages.
 */
export const revalidationMiddleware = (strapi: Core.Strapi): DocumentMiddleware => {
  const service = () => getService(strapi, 'revalidation');

  async function onArticle(ctx: DocumentContext, next: () => Promise<unknown>) {
    const revalidation = service();
    const known = ctx.action === 'create' || ctx.action === 'clone' ? null : (ctx.params.documentId ?? null);
    const before = known ? await revalidation.snapshots.articles([known]) : [];
    const result = await next();
    const documentId = documentOf(ctx, result);
    const after = documentId ? await revalidation.snapshots.articles([documentId]) : [];
    const transitions = diffArticles(before, after);
    if (transitions.length > 0) await revalidation.record({ event: articleEvent(transitions, ctx.action), articles: transitions });
    return result;
  }

  async function onCategory(ctx: DocumentContext, next: () => Promise<unknown>) {
    const revalidation = service();
    const known = ctx.action === 'create' || ctx.action === 'clone' ? null : (ctx.params.documentId ?? null);
    const categoryBefore = known ? await revalidation.snapshots.category(known) : null;
    const articlesBefore = known ? await revalidation.snapshots.articlesOfCategory(known) : [];
    const result = await next();
    const documentId = documentOf(ctx, result);
    const categoryAfter = documentId ? await revalidation.snapshots.category(documentId) : null;
    const linkedAfter = documentId ? await revalidation.snapshots.articlesOfCategory(documentId) : [];
    // An article linked or unlinked here changed only in this category: read the others
    // again after the write, and take "before" of a newly linked one as it is now without it.
    const stillLinked = new Set(linkedAfter.map(articleKey));
    const unlinked = await revalidation.snapshots.articles(articlesBefore.filter((article) => !stillLinked.has(articleKey(article))).map((article) => article.documentId));
    const afterAll = [...linkedAfter, ...unlinked];
    const beforeKeys = new Set(articlesBefore.map(articleKey));
    const withoutIt = (article: ArticleSnapshot): ArticleSnapshot => ({
      ...article,
      categories: article.categories.filter((category) => category.slug !== categoryAfter?.slug),
    });
    const beforeAll = [...articlesBefore, ...linkedAfter.filter((article) => !beforeKeys.has(articleKey(article))).map(withoutIt)];
    const transitions = diffArticles(beforeAll, afterAll);
    // Renamed (a new name or slug) or deleted: its own pages change too.
    const changedItself = categoryBefore !== null && (categoryBefore.name !== categoryAfter?.name || categoryBefore.slug !== categoryAfter?.slug);
    if (transitions.length > 0 || changedItself) {
      const category = { before: categoryBefore, after: categoryAfter };
      await revalidation.record({ event: categoryEvent(category), articles: transitions, categories: changedItself ? [category] : [] });
    }
    return result;
  }

  return async (ctx, next) => {
    if ((ctx.uid !== ARTICLE_UID && ctx.uid !== CATEGORY_UID) || !WRITE_ACTIONS.has(ctx.action)) return next();
    if (!(await service().active())) return next();
    // One transaction for the readings, the write (the Document Service joins it) and the record.
    return strapi.db.transaction(() => (ctx.uid === ARTICLE_UID ? onArticle(ctx, next) : onCategory(ctx, next)));
  };
};
