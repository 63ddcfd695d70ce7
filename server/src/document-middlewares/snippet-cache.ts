import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, CATEGORY_UID } from '../constants';
import type { DocumentMiddleware } from './types';
import { getService } from '../utils/get-service';

/** Document actions that can change what a snippet answer contains. */
const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

/**
 * Keeps the snippet response cache fresh on this instance: any write to an
 * article or a category empties it. A Document Service middleware, because
 * every write path (Content Manager, REST, GraphQL, importer, code) goes
 * through the Document Service, once per document action.
 *
 * Invalidated before the write, so reads racing it cannot store their answer;
 * after it, once the transaction has committed; and, when the caller wraps
 * the write in a transaction of its own, again when that one commits, since
 * until then other connections still see the old rows.
 */
export const snippetCacheMiddleware = (strapi: Core.Strapi): DocumentMiddleware => {
  const invalidate = () => getService(strapi, 'snippets').invalidate();

  return async (ctx, next) => {
    if ((ctx.uid !== ARTICLE_UID && ctx.uid !== CATEGORY_UID) || !WRITE_ACTIONS.has(ctx.action)) return next();
    invalidate();
    try {
      return await next();
    } finally {
      invalidate();
      if (strapi.db.inTransaction()) {
        // Nested: joins the caller's transaction and queues the callback for its commit.
        await strapi.db.transaction(async ({ onCommit }) => onCommit(invalidate));
      }
    }
  };
};
