import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { pendingOwner } from '../repositories/claims';
import { createArticleCreation, typedSlug } from '../services/article-creation';
import { deriveArticleFields, publishErrors, type StoredArticle } from '../core/article-fields';
import type { ArticleSlugsService } from '../services/article-slugs';
import type { SettingsService } from '../services/settings';
import { fieldValidationError } from '../utils/validation-error';
import { documentIdOf, type DocumentContext, type DocumentMiddleware, type Next } from './types';

interface StoredDraft extends StoredArticle {
  slug: string | null;
}

/**
 * Article rules (SPEC 3) as a Document Service middleware rather than database
 * lifecycles: row lifecycles fire once per draft/published row and again on
 * publish, unpublish and discard, where a document-level action fires once and
 * says what happened. Everything else is a call into pure functions.
 */
export const articleMiddleware = (strapi: Core.Strapi): DocumentMiddleware => {
  const settings = () => strapi.plugin('newsroom').service('settings') as SettingsService;
  const slugs = () => strapi.plugin('newsroom').service('article-slugs') as ArticleSlugsService;
  const creation = createArticleCreation(strapi);

  const findDraft = async (documentId: string): Promise<StoredDraft | null> => {
    const rows = (await strapi.db.query(ARTICLE_UID).findMany({
      where: { documentId },
      select: ['title', 'body', 'excerpt', 'slug', 'publishedAt'],
      limit: 2,
    })) as Array<StoredDraft & { publishedAt: string | null }>;
    return rows.find((row) => row.publishedAt === null) ?? rows[0] ?? null;
  };

  const derive = async (data: Record<string, unknown>, previous: StoredArticle | null) => {
    const result = deriveArticleFields({ data, previous, settings: await settings().get(), now: new Date() });
    if (!result.ok) throw fieldValidationError(result.errors);
    return { ...data, ...result.changes };
  };

  const create = async (ctx: DocumentContext, next: Next) => {
    const { data, placeholder } = await creation.prepare(ctx.params.data ?? {}, { publish: ctx.params.status === 'published' });
    ctx.params.data = data;
    try {
      const result = await next();
      const documentId = documentIdOf(result);
      if (documentId) await creation.settle(placeholder, documentId);
      return result;
    } catch (error) {
      await creation.abandon(placeholder);
      throw error;
    }
  };

  const update = async (ctx: DocumentContext, next: Next) => {
    const documentId = ctx.params.documentId;
    const previous = documentId ? await findDraft(documentId) : null;
    if (!documentId || !previous) return next(); // Strapi answers "not found" itself.
    const data = await derive(ctx.params.data ?? {}, previous);
    const title = (data.title as string | undefined) ?? previous.title ?? '';
    const decision = await slugs().forUpdate({
      documentId,
      current: previous.slug,
      title,
      titleChanged: data.title !== undefined && data.title !== previous.title,
      typedSlug: typedSlug(data),
    });
    data.slug = decision.slug ?? previous.slug;
    const publish = ctx.params.status === 'published';
    if (publish) {
      const errors = publishErrors({ title, body: ((data.body ?? previous.body) as string | null) ?? null });
      if (errors.length > 0) throw fieldValidationError(errors);
    }
    ctx.params.data = data;
    let result: unknown;
    try {
      result = await next();
    } catch (error) {
      if (decision.slug) await slugs().release(decision.slug, documentId);
      throw error;
    }
    if (decision.release) await slugs().release(decision.release, documentId);
    if (publish) await slugs().lock(documentId);
    return result;
  };

  const publish = async (ctx: DocumentContext, next: Next) => {
    const documentId = ctx.params.documentId;
    const draft = documentId ? await findDraft(documentId) : null;
    if (draft) {
      const errors = publishErrors(draft);
      if (errors.length > 0) throw fieldValidationError(errors);
    }
    const result = await next();
    if (documentId) await slugs().lock(documentId);
    return result;
  };

  const remove = async (ctx: DocumentContext, next: Next) => {
    const result = await next();
    const documentId = ctx.params.documentId;
    if (documentId && !(await findDraft(documentId))) {
      await strapi.plugin('newsroom').service('claims').releaseOwner(documentId);
    }
    return result;
  };

  return async (ctx, next) => {
    if (ctx.uid !== ARTICLE_UID) return next();
    switch (ctx.action) {
      case 'create':
        return create(ctx, next);
      case 'clone':
        return cloneArticle(ctx, next);
      case 'update':
        return update(ctx, next);
      case 'publish':
        return publish(ctx, next);
      case 'delete':
        return remove(ctx, next);
      default:
        return next();
    }
  };

  /** A clone is a new article: it gets a slug of its own, derived like a create. */
  async function cloneArticle(ctx: DocumentContext, next: Next) {
    const source = ctx.params.documentId ? await findDraft(ctx.params.documentId) : null;
    if (!source) return next();
    const overrides = ctx.params.data ?? {};
    const title = typeof overrides.title === 'string' && overrides.title.trim() ? overrides.title.trim() : source.title ?? '';
    const placeholder = pendingOwner();
    ctx.params.data = {
      ...overrides,
      slug: await slugs().forCreate({ title, typedSlug: typedSlug(overrides), owner: placeholder, publish: false }),
    };
    try {
      const result = await next();
      const documentId = documentIdOf(result);
      if (documentId) await slugs().adopt(placeholder, documentId);
      return result;
    } catch (error) {
      await slugs().releasePlaceholder(placeholder);
      throw error;
    }
  }
};
