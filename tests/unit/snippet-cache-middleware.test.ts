import type { Core } from '@strapi/strapi';
import { snippetCacheMiddleware } from '../../server/src/document-middlewares/snippet-cache';
import type { DocumentContext } from '../../server/src/document-middlewares/types';

/** Just enough of Strapi: the snippets service and the database's transaction state. */
function fakeStrapi(options: { inTransaction: boolean }) {
  const events: string[] = [];
  const commitCallbacks: Array<() => void> = [];
  const strapi = {
    plugin: () => ({ service: () => ({ invalidate: () => events.push('invalidate') }) }),
    db: {
      inTransaction: () => options.inTransaction,
      transaction: async (cb: (params: { onCommit: (fn: () => void) => void }) => Promise<unknown>) =>
        cb({ onCommit: (fn) => commitCallbacks.push(fn) }),
    },
  } as unknown as Core.Strapi;
  const commit = () => commitCallbacks.splice(0).forEach((fn) => fn());
  return { strapi, events, commit };
}

const context = (uid: string, action: string): DocumentContext => ({ uid, action, params: {} });

describe('snippet cache middleware', () => {
  it.each(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone'])(
    'empties the cache before and after an article %s',
    async (action) => {
      const { strapi, events } = fakeStrapi({ inTransaction: false });
      const result = await snippetCacheMiddleware(strapi)(context('plugin::newsroom.article', action), async () => {
        events.push('write');
        return 'result';
      });
      expect(result).toBe('result');
      expect(events).toEqual(['invalidate', 'write', 'invalidate']);
    }
  );

  it('empties the cache on category writes too', async () => {
    const { strapi, events } = fakeStrapi({ inTransaction: false });
    await snippetCacheMiddleware(strapi)(context('plugin::newsroom.category', 'update'), async () => events.push('write'));
    expect(events).toEqual(['invalidate', 'write', 'invalidate']);
  });

  it('leaves reads and other content types alone', async () => {
    const { strapi, events } = fakeStrapi({ inTransaction: false });
    await snippetCacheMiddleware(strapi)(context('plugin::newsroom.article', 'findMany'), async () => events.push('read'));
    await snippetCacheMiddleware(strapi)(context('api::page.page', 'update'), async () => events.push('write'));
    expect(events).toEqual(['read', 'write']);
  });

  it('empties it again when the caller’s own transaction commits', async () => {
    const { strapi, events, commit } = fakeStrapi({ inTransaction: true });
    await snippetCacheMiddleware(strapi)(context('plugin::newsroom.article', 'publish'), async () => events.push('write'));
    expect(events).toEqual(['invalidate', 'write', 'invalidate']);
    commit();
    expect(events).toEqual(['invalidate', 'write', 'invalidate', 'invalidate']);
  });

  it('still empties it when the write fails, and rethrows', async () => {
    const { strapi, events } = fakeStrapi({ inTransaction: false });
    const failing = snippetCacheMiddleware(strapi)(context('plugin::newsroom.article', 'update'), async () => {
      throw new Error('rejected');
    });
    await expect(failing).rejects.toThrow('rejected');
    expect(events).toEqual(['invalidate', 'invalidate']);
  });
});
