import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { pendingOwner } from '../repositories/claims';
import { createArticleCreation, typedSlug } from '../services/article-creation';
import {
  ARTICLE_ROW_FIELDS,
  checkStoredArticle,
  deriveArticleFields,
  deriveCloneFields,
  mergeArticle,
  type ArticleRow,
  type ArticleSettings,
  type DerivedFields,
} from '../core/article-fields';
import type { ArticleSlugsService } from '../services/article-slugs';
import type { SettingsService } from '../services/settings';
import { fieldValidationError } from '../utils/validation-error';
import { documentIdOf, type DocumentContext, type DocumentMiddleware, type Next } from './types';

interface StoredVersion extends ArticleRow {
  id: number;
  publishedAt: unknown;
}

/**
 * Article rules (SPEC 3) as a Document Service middleware rather than database
 * lifecycles: row lifecycles fire once per draft/published row and again on
 * publish, unpublish and discard, where a document-level action fires once and
 * says what happened. Everything else is a call into pure functions.
 *
 * Every action that stores an article row is covered: create and update (their
 * data), clone (source draft and overrides, as a new article), publish (the whole
 * draft, since the Content Manager's publish and bulk publish publish what is
 * stored) and discardDraft (the published version it copies). unpublish and
 * delete only remove rows.
 */
export const articleMiddleware = (strapi: Core.Strapi): DocumentMiddleware => {
  const settings = () => strapi.plugin('newsroom').service('settings') as SettingsService;
  const slugs = () => strapi.plugin('newsroom').service('article-slugs') as ArticleSlugsService;
  const creation = createArticleCreation(strapi);

  const findVersions = async (documentId: string) => {
    const rows = (await strapi.db.query(ARTICLE_UID).findMany({
      where: { documentId },
      select: ['id', 'publishedAt', ...ARTICLE_ROW_FIELDS],
      limit: 2,
    })) as StoredVersion[];
    return { draft: rows.find((row) => row.publishedAt === null) ?? null, published: rows.find((row) => row.publishedAt !== null) ?? null };
  };

  const valid = (result: DerivedFields) => {
    if (!result.ok) throw fieldValidationError(result.errors);
    return result.changes;
  };

  /** The row's repairs, or a ValidationError naming each field it breaks. */
  const checked = (row: ArticleRow, articleSettings: ArticleSettings, options: { publishing: boolean }) => {
    const result = checkStoredArticle(row, articleSettings, options);
    if (!result.ok) throw fieldValidationError(result.errors);
    return result.repairs;
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
    const { draft, published } = documentId ? await findVersions(documentId) : { draft: null, published: null };
    const previous = draft ?? published;
    if (!documentId || !previous) return next(); // Strapi answers "not found" itself.
    const current = await settings().get();
    const data = { ...ctx.params.data, ...valid(deriveArticleFields({ data: ctx.params.data ?? {}, previous, settings: current, now: new Date() })) };
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
    let result: unknown;
    try {
      // Publishing in the same call: the draft as it will be stored must be publishable.
      if (publish) Object.assign(data, checked(mergeArticle(previous, data), current, { publishing: true }));
      ctx.params.data = data;
      result = await next();
    } catch (error) {
      if (decision.slug) await slugs().release(decision.slug, documentId);
      throw error;
    }
    if (decision.release) await slugs().release(decision.release, documentId);
    if (publish) await slugs().lock(documentId);
    return result;
  };

  /** Strapi publishes the stored draft as it is (bulk publish never updates first): check all of it. */
  const publish = async (ctx: DocumentContext, next: Next) => {
    const documentId = ctx.params.documentId;
    const { draft } = documentId ? await findVersions(documentId) : { draft: null };
    if (draft) {
      const repairs = checked(draft, await settings().get(), { publishing: true });
      if (Object.keys(repairs).length > 0) await strapi.db.query(ARTICLE_UID).update({ where: { id: draft.id }, data: repairs });
    }
    const result = await next();
    if (documentId) await slugs().lock(documentId);
    return result;
  };

  /**
   * The new draft is a copy of the published version: refuse to copy a row that
   * breaks the rules. Its language is checked as a code only, like any field an
   * action does not write: a later change of the `languages` setting must not stop
   * an editor from discarding a draft.
   */
  const discardDraft = async (ctx: DocumentContext, next: Next) => {
    const { published } = ctx.params.documentId ? await findVersions(ctx.params.documentId) : { published: null };
    if (published) checked(published, { ...(await settings().get()), languages: [] }, { publishing: false });
    return next();
  };

  /** A clone is a new article: every field checked and derived, and a slug of its own. */
  const clone = async (ctx: DocumentContext, next: Next) => {
    const { draft: source } = ctx.params.documentId ? await findVersions(ctx.params.documentId) : { draft: null };
    if (!source) return next();
    const overrides = ctx.params.data ?? {};
    const data = { ...overrides, ...valid(deriveCloneFields({ source, overrides, settings: await settings().get(), now: new Date() })) };
    // The source's slug copied back by a form is not one the editor chose.
    const typed = typedSlug(overrides) === source.slug ? null : typedSlug(overrides);
    const placeholder = pendingOwner();
    data.slug = await slugs().forCreate({ title: data.title as string, typedSlug: typed, owner: placeholder, publish: false });
    ctx.params.data = data;
    try {
      const result = await next();
      const documentId = documentIdOf(result);
      if (documentId) await slugs().adopt(placeholder, documentId);
      return result;
    } catch (error) {
      await slugs().releasePlaceholder(placeholder);
      throw error;
    }
  };

  const remove = async (ctx: DocumentContext, next: Next) => {
    const result = await next();
    const documentId = ctx.params.documentId;
    const { draft, published } = documentId ? await findVersions(documentId) : { draft: null, published: null };
    if (documentId && !draft && !published) {
      await strapi.plugin('newsroom').service('claims').releaseOwner(documentId);
    }
    return result;
  };

  const actions = new Map<string, (ctx: DocumentContext, next: Next) => Promise<unknown>>([
    ['create', create],
    ['update', update],
    ['clone', clone],
    ['publish', publish],
    ['discardDraft', discardDraft],
    ['delete', remove],
  ]);

  return async (ctx, next) => {
    const action = ctx.uid === ARTICLE_UID ? actions.get(ctx.action) : undefined;
    return action ? action(ctx, next) : next();
  };
};
