import type { Core } from '@strapi/strapi';
import { articleMiddleware } from './document-middlewares/article';
import { categoryMiddleware } from './document-middlewares/category';
import { revalidationMiddleware } from './document-middlewares/revalidation';
import { snippetCacheMiddleware } from './document-middlewares/snippet-cache';
import type { DocumentMiddleware } from './document-middlewares/types';
import { registerGraphql } from './graphql';
import { localizeArticleType, watchLocalizationSwitch } from './localization';
import { raiseImportBodyLimit } from './middlewares/import-body';
import { registerOpenApi } from './openapi';
import { watchWriteListeners } from './writes/write-listeners';

// Strapi types its middleware per action result; ours only pass results through.
type StrapiDocumentMiddleware = Parameters<Core.Strapi['documents']['use']>[0];
const asStrapiMiddleware = (middleware: DocumentMiddleware) => middleware as unknown as StrapiDocumentMiddleware;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Started when the plugin's code was loaded; here when that was for an earlier Strapi in this process.
  watchWriteListeners(strapi, 'register');
  // Before anything reads the article schema: with `localized: true` it is localized (SPEC 12).
  localizeArticleType(strapi);
  watchLocalizationSwitch(strapi);
  strapi.documents.use(asStrapiMiddleware(articleMiddleware(strapi)));
  strapi.documents.use(asStrapiMiddleware(categoryMiddleware(strapi)));
  strapi.documents.use(asStrapiMiddleware(snippetCacheMiddleware(strapi)));
  strapi.documents.use(asStrapiMiddleware(revalidationMiddleware(strapi)));
  raiseImportBodyLimit(strapi);
  // Optional integrations (SPEC 8): each does nothing when its Strapi plugin is absent.
  registerGraphql(strapi);
  registerOpenApi(strapi);
};
