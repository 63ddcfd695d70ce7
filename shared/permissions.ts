/**
 * The plugin's admin RBAC actions (SPEC 7): the server registers them and checks them on
 * its admin routes, the admin panel asks for them before it shows a page or a link.
 */
export const ACTIONS = {
  read: 'plugin::newsroom.read',
  import: 'plugin::newsroom.import',
  settingsRead: 'plugin::newsroom.settings.read',
  settingsUpdate: 'plugin::newsroom.settings.update',
} as const;
