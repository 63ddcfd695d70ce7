/**
 * Admin permissions (SPEC 7): the RBAC actions an admin grants in
 * Settings → Roles → Plugins → Newsroom. The admin routes check them with
 * `admin::hasPermissions`, the admin panel hides what a user may not use.
 * The action ids live in shared/permissions.ts, which the admin panel imports too.
 */
import type { Core } from '@strapi/strapi';

export { ACTIONS } from '../../shared/permissions';

/** `{ pluginName: 'newsroom', uid: 'settings.read' }` becomes `plugin::newsroom.settings.read`. */
const ACTION_DEFINITIONS = [
  { section: 'plugins', pluginName: 'newsroom', uid: 'read', displayName: 'Read the Newsroom page', subCategory: 'general' },
  { section: 'plugins', pluginName: 'newsroom', uid: 'import', displayName: 'Import documents', subCategory: 'general' },
  { section: 'plugins', pluginName: 'newsroom', uid: 'settings.read', displayName: 'Read settings', subCategory: 'settings' },
  { section: 'plugins', pluginName: 'newsroom', uid: 'settings.update', displayName: 'Update settings', subCategory: 'settings' },
];

export const registerPermissions = async (strapi: Core.Strapi) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);
};
