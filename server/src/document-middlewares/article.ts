import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { localeOfCall } from '../localization';
import { createArticleWrites } from '../writes/article-writes';
import type { DocumentContext, DocumentMiddleware, Next } from './types';

/**
 * Article rules (SPEC 3) as a Document Service middleware rather than database
 * lifecycles: row lifecycles fire once per draft/published row and again on
 * publish, unpublish and discard, where a document-level action fires once and
 * says what happened. Each action is a call into the article write service
 * (writes/article-writes.ts), which the importer uses too.
 *
 * Every action that stores an article row is covered: create and update (their
 * data), clone (source draft and overrides, as a new article), publish (the whole
 * draft, since the Content Manager's publish and bulk publish publish what is
 * stored) and discardDraft (the published version it copies). unpublish and
 * delete only remove rows.
 *
 * With localized articles (SPEC 12) each action is for the call's locale (the
 * default locale when it names none, as Strapi's i18n does).
 */
export const articleMiddleware = (strapi: Core.Strapi): DocumentMiddleware => {
  const writes = createArticleWrites(strapi);
  const publishing = (ctx: DocumentContext) => ctx.params.status === 'published';
  const localeOf = (ctx: DocumentContext) => localeOfCall(strapi, ctx.params.locale);

  const create = async (ctx: DocumentContext, next: Next) => {
    // The importer's one-by-one path hands over an article it prepared already.
    const prepared = writes.takeHandedOff(ctx.params.data) ?? (await writes.prepareCreate(ctx.params.data ?? {}, { publish: publishing(ctx), locale: await localeOf(ctx) }));
    ctx.params.data = prepared.data;
    return writes.commit(prepared, next);
  };

  const update = async (ctx: DocumentContext, next: Next) => {
    const documentId = ctx.params.documentId;
    const prepared = documentId ? await writes.prepareUpdate(documentId, ctx.params.data ?? {}, { publish: publishing(ctx), locale: await localeOf(ctx) }) : null;
    if (!prepared) return next(); // Strapi answers "not found" itself.
    ctx.params.data = prepared.data;
    return writes.commit(prepared, next);
  };

  const clone = async (ctx: DocumentContext, next: Next) => {
    const prepared = ctx.params.documentId ? await writes.prepareClone(ctx.params.documentId, ctx.params.data ?? {}, await localeOf(ctx)) : null;
    if (!prepared) return next();
    ctx.params.data = prepared.data;
    return writes.commit(prepared, next);
  };

  const publish = async (ctx: DocumentContext, next: Next) => {
    if (!ctx.params.documentId) return next();
    return writes.commit(await writes.preparePublish(ctx.params.documentId, await localeOf(ctx)), next);
  };

  const discardDraft = async (ctx: DocumentContext, next: Next) => {
    if (ctx.params.documentId) await writes.checkDiscard(ctx.params.documentId, await localeOf(ctx));
    return next();
  };

  const remove = async (ctx: DocumentContext, next: Next) => {
    const result = await next();
    if (ctx.params.documentId) await writes.afterDelete(ctx.params.documentId, await localeOf(ctx));
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
