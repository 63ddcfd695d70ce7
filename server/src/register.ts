import type { Core } from '@strapi/strapi';
import { articleMiddleware } from './document-middlewares/article';
import { categoryMiddleware } from './document-middlewares/category';
import type { DocumentMiddleware } from './document-middlewares/types';

// Strapi types its middleware per action result; ours only pass results through.
type StrapiDocumentMiddleware = Parameters<Core.Strapi['documents']['use']>[0];
const asStrapiMiddleware = (middleware: DocumentMiddleware) => middleware as unknown as StrapiDocumentMiddleware;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(asStrapiMiddleware(articleMiddleware(strapi)));
  strapi.documents.use(asStrapiMiddleware(categoryMiddleware(strapi)));
};
