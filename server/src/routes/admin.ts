/**
 * Admin routes (SPEC 7), mounted under the admin API with the plugin's prefix:
 * `/newsroom/...`. Each needs an authenticated admin and the RBAC action named here;
 * an admin without it gets a 403.
 */
import { ACTIONS } from '../permissions';

type Action = string | [action: string, subject: string];

const policies = (...actions: Action[]) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions } },
];

/** Whoever may open an article in the Content Manager may see its snippet preview. */
const READ_ARTICLE: Action = ['plugin::content-manager.explorer.read', 'plugin::newsroom.article'];
/** Importing creates articles: it needs the Content Manager's create permission too (publishing: see the controller). */
const CREATE_ARTICLE: Action = ['plugin::content-manager.explorer.create', 'plugin::newsroom.article'];

export default [
  { method: 'GET', path: '/settings', handler: 'admin-settings.find', config: { policies: policies(ACTIONS.settingsRead) } },
  { method: 'PUT', path: '/settings', handler: 'admin-settings.update', config: { policies: policies(ACTIONS.settingsUpdate) } },
  // Frontend revalidation (SPEC 11): seeing deliveries is reading settings; a test sends a request, as saving would.
  {
    method: 'GET',
    path: '/revalidation/deliveries',
    handler: 'admin-revalidation.deliveries',
    config: { policies: policies(ACTIONS.settingsRead) },
  },
  { method: 'POST', path: '/revalidation/test', handler: 'admin-revalidation.test', config: { policies: policies(ACTIONS.settingsUpdate) } },
  { method: 'GET', path: '/snippets', handler: 'admin-snippets.find', config: { policies: policies(ACTIONS.read) } },
  { method: 'GET', path: '/filters', handler: 'admin-snippets.filters', config: { policies: policies(ACTIONS.read) } },
  { method: 'POST', path: '/import/preview', handler: 'admin-import.preview', config: { policies: policies(ACTIONS.import) } },
  { method: 'POST', path: '/import', handler: 'admin-import.create', config: { policies: policies(ACTIONS.import, CREATE_ARTICLE) } },
  {
    method: 'GET',
    path: '/articles/:documentId/preview',
    handler: 'admin-snippets.preview',
    config: { policies: policies(READ_ARTICLE) },
  },
];
