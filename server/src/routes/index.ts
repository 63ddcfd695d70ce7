import { factories } from '@strapi/strapi';
import { ARTICLE_UID, CATEGORY_UID } from '../constants';
import adminRoutes from './admin';
import contentApiRoutes from './content-api';

/**
 * Core routers build their routes lazily (they need the registered content type), so
 * they are given to Strapi as routers of their own rather than spread at import time.
 * Paths: /api/newsroom/articles[/:id] and /api/newsroom/categories[/:id].
 */
export default {
  article: factories.createCoreRouter(ARTICLE_UID),
  category: factories.createCoreRouter(CATEGORY_UID),
  'content-api': { type: 'content-api', routes: contentApiRoutes },
  admin: { type: 'admin', routes: adminRoutes },
};
