import { factories } from '@strapi/strapi';
import { ARTICLE_UID, CATEGORY_UID } from '../constants';

export default {
  article: factories.createCoreController(ARTICLE_UID),
  category: factories.createCoreController(CATEGORY_UID),
};
