import { factories } from '@strapi/strapi';
import { ARTICLE_UID, CATEGORY_UID } from '../constants';
import articleSlugs from './article-slugs';
import claims from './claims';
import settings from './settings';

export default {
  article: factories.createCoreService(ARTICLE_UID),
  category: factories.createCoreService(CATEGORY_UID),
  'article-slugs': articleSlugs,
  claims,
  settings,
};
