/** The RBAC actions of the plugin, as the admin panel's `permissions` props expect them. */
import { ACTIONS } from '../../server/src/permissions';

const permission = (action: string) => [{ action, subject: null }];

export const PERMISSIONS = {
  read: permission(ACTIONS.read),
  import: permission(ACTIONS.import),
  settingsRead: permission(ACTIONS.settingsRead),
  settingsUpdate: permission(ACTIONS.settingsUpdate),
};
