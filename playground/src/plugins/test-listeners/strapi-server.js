'use strict';

/**
 * Tests only (config/plugins.js enables it with NEWSROOM_TEST_LISTENERS=1): a plugin
 * like a search indexer, a URL-alias or an audit plugin, which learns about articles
 * from a Document Service middleware and a database lifecycle subscriber. It records
 * every article write each of them sees, in memory; tests read the list through the
 * service (`strapi.plugin('test-listeners').service('calls')`), people through
 * `GET /api/test-listeners/calls` (`DELETE` empties it).
 *
 * The middleware is registered in register() and the subscriber in bootstrap(): listed
 * before the newsroom in config/plugins.js, the plugin registers its middleware before
 * the newsroom's register() runs and subscribes after it.
 */
const ARTICLE = 'plugin::newsroom.article';
const WRITES = ['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft'];

const calls = [];
const versionOf = (row) => (row && row.publishedAt ? 'published' : 'draft');

const recordingMiddleware = async (ctx, next) => {
  if (ctx.uid !== ARTICLE || !WRITES.includes(ctx.action)) return next();
  const result = await next();
  // What an indexer would index: the document the action gave back (create, clone) or its entries.
  const document = result && Array.isArray(result.entries) ? result.entries[0] : result;
  calls.push({
    via: 'documentMiddleware',
    action: ctx.action,
    status: ctx.params.status ?? null,
    documentId: ctx.params.documentId ?? (document && document.documentId) ?? null,
    title: (document && document.title) ?? null,
  });
  return result;
};

const record = (event) => {
  // Before a create the row has no documentId yet: the title tells which article it is.
  const row = event.result || (event.params && event.params.data);
  calls.push({
    via: 'lifecycle',
    action: event.action,
    documentId: (row && row.documentId) ?? null,
    title: (row && row.title) ?? null,
    version: versionOf(row),
  });
};

const recordMany = (event) => {
  const rows = (event.params && event.params.data) || [];
  calls.push({ via: 'lifecycle', action: event.action, documentId: null, count: rows.length });
};

let unsubscribe = null;
const subscribe = (strapi) => {
  if (unsubscribe) return;
  unsubscribe = strapi.db.lifecycles.subscribe({
    models: [ARTICLE],
    beforeCreate: record,
    afterCreate: record,
    // Only multi-row inserts: what the import's bulk path gave such plugins before.
    afterCreateMany: recordMany,
  });
};

module.exports = {
  register({ strapi }) {
    strapi.documents.use(recordingMiddleware);
  },

  bootstrap({ strapi }) {
    subscribe(strapi);
  },

  services: {
    calls: ({ strapi }) => ({
      list: () => calls.slice(),
      clear: () => void calls.splice(0, calls.length),
      // Tests: the middleware alone (registered before the newsroom's register()) must be enough.
      unsubscribeLifecycles: () => {
        if (unsubscribe) unsubscribe();
        unsubscribe = null;
      },
      subscribeLifecycles: () => subscribe(strapi),
    }),
  },

  controllers: {
    calls: {
      list(ctx) {
        ctx.body = { data: calls };
      },
      clear(ctx) {
        calls.splice(0, calls.length);
        ctx.status = 204;
      },
    },
  },

  routes: {
    'content-api': {
      type: 'content-api',
      routes: [
        { method: 'GET', path: '/calls', handler: 'calls.list', config: { auth: false } },
        { method: 'DELETE', path: '/calls', handler: 'calls.clear', config: { auth: false } },
      ],
    },
  },
};
