import { ARTICLE_UID } from '../api/types';

/** The article's edit view in the Content Manager (a path inside the admin router). */
export const articleEditPath = (documentId: string) => `/content-manager/collection-types/${ARTICLE_UID}/${documentId}`;
