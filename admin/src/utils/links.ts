import { ARTICLE_UID } from '../api/types';

/** The article's edit view in the Content Manager (a path inside the admin router), in `locale` when given. */
export const articleEditPath = (documentId: string, locale?: string) =>
  `/content-manager/collection-types/${ARTICLE_UID}/${documentId}${locale ? `?plugins[i18n][locale]=${encodeURIComponent(locale)}` : ''}`;
