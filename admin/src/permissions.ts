/** The RBAC actions of the plugin, as the admin panel's `permissions` props expect them. */
import { ACTIONS } from '../../shared/permissions';
import { ARTICLE_UID } from './api/types';

const permission = (action: string) => [{ action, subject: null }];
const onArticles = (action: string) => ({ action: `plugin::content-manager.explorer.${action}`, subject: ARTICLE_UID });

export const PERMISSIONS = {
  read: permission(ACTIONS.read),
  import: permission(ACTIONS.import),
  settingsRead: permission(ACTIONS.settingsRead),
  settingsUpdate: permission(ACTIONS.settingsUpdate),
  /** Importing creates (and may publish) articles: the Content Manager's permissions apply too. */
  articles: [onArticles('create'), onArticles('publish')],
};
