import { factories } from '@strapi/strapi';
import { ARTICLE_UID, CATEGORY_UID } from '../constants';
import adminImport from './admin-import';
import adminRevalidation from './admin-revalidation';
import adminSettings from './admin-settings';
import adminSnippets from './admin-snippets';
import importController from './import';
import snippet from './snippet';

export default {
  article: factories.createCoreController(ARTICLE_UID),
  category: factories.createCoreController(CATEGORY_UID),
  'admin-import': adminImport,
  'admin-revalidation': adminRevalidation,
  'admin-settings': adminSettings,
  'admin-snippets': adminSnippets,
  import: importController,
  snippet,
};
