import { factories } from '@strapi/strapi';
import { ARTICLE_UID, CATEGORY_UID } from '../constants';
import adminImport from './admin-import';
import adminRevalidation from './admin-revalidation';
import adminSettings from './admin-settings';
import adminSnippets from './admin-snippets';
import feedController from './feed';
import importController from './import';
import { newsSitemapController, sitemapController } from './sitemap';
import snippet from './snippet';

export default {
  article: factories.createCoreController(ARTICLE_UID),
  category: factories.createCoreController(CATEGORY_UID),
  'admin-import': adminImport,
  'admin-revalidation': adminRevalidation,
  'admin-settings': adminSettings,
  'admin-snippets': adminSnippets,
  'feed-rss': feedController('rss'),
  'feed-atom': feedController('atom'),
  'feed-json': feedController('json'),
  import: importController,
  'news-sitemap': newsSitemapController,
  sitemap: sitemapController,
  snippet,
};
