'use strict';

/**
 * Tests only (config/plugins.js enables it with NEWSROOM_TEST_EXTRA_AUTH=1): a content-API
 * auth strategy of the project's own, as a project adds one for a session cookie or a
 * gateway header. A request with `X-Newsroom-Test-Reader: <name>` is that reader's, who may
 * read (find, findOne) anything; the reader `blocked` is refused with a 401. Without the
 * header the strategy passes and the next one (Users & Permissions) decides.
 *
 * A plugin, not the app's register(): Strapi tries strategies in the order they were
 * registered, and Users & Permissions answers every request without a token (as the Public
 * role) before a strategy registered after it is asked. A plugin listed before
 * users-permissions in config/plugins.js registers first.
 */
const { errors } = require('@strapi/utils');

const HEADER = 'x-newsroom-test-reader';
const isRead = (scope) => /\.(find|findOne)$/.test(scope);

module.exports = {
  register({ strapi }) {
    strapi.get('auth').register('content-api', {
      name: 'newsroom-test-header',
      async authenticate(ctx) {
        const reader = ctx.request.header[HEADER];
        if (!reader) return { authenticated: false };
        if (reader === 'blocked') return { error: 'This reader is blocked' };
        return { authenticated: true, credentials: { reader } };
      },
      verify(auth, config) {
        const scopes = [].concat((config && config.scope) || []);
        if (scopes.length === 0 || !scopes.every(isRead)) throw new errors.ForbiddenError();
      },
    });
  },
};
