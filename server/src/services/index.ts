import { factories } from '@strapi/strapi';
import { ARTICLE_UID, CATEGORY_UID } from '../constants';
import articleSlugs from './article-slugs';
import claims from './claims';
import excerptRefresh from './excerpt-refresh';
import feeds from './feeds';
import importer from './import/importer';
import revalidation from './revalidation';
import settings from './settings';
import sitemaps from './sitemaps';
import snippets from './snippets';
import textWorker from './text-worker';

export default {
  article: factories.createCoreService(ARTICLE_UID),
  category: factories.createCoreService(CATEGORY_UID),
  'article-slugs': articleSlugs,
  claims,
  'excerpt-refresh': excerptRefresh,
  feeds,
  importer,
  revalidation,
  settings,
  sitemaps,
  snippets,
  'text-worker': textWorker,
};
