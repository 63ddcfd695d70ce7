/**
 * Imported translations (SPEC 12): a document with `Translation of: <slug or
 * documentId>` becomes the version in its locale of that article, written through the
 * Document Service (an update in a locale the article lacks), so the article rules run
 * for it in the article middleware like for any new translation. One at a time: they
 * are rare next to new articles. Categories are shared across locales: the article's
 * stay; the document's are not applied.
 */
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../../constants';
import { created, invalid, type ImportDocumentResult } from '../../core/import/result';
import { getService } from '../../utils/get-service';
import type { Candidate } from './importer';

interface Target {
  documentId: string;
  locales: string[];
}

export const createImportTranslations = (strapi: Core.Strapi) => {
  /** The article a reference names: its documentId first, else a slug in any locale. */
  async function targetOf(reference: string): Promise<Target | null> {
    const rows = (await strapi.db.query(ARTICLE_UID).findMany({
      where: { $or: [{ documentId: reference }, { slug: reference }] },
      select: ['documentId', 'locale', 'slug'],
    })) as Array<{ documentId: string; locale: string | null; slug: string | null }>;
    const byId = rows.find((row) => row.documentId === reference) ?? rows.find((row) => row.slug === reference);
    if (!byId) return null;
    const versions = (await strapi.db.query(ARTICLE_UID).findMany({ where: { documentId: byId.documentId }, select: ['locale'] })) as Array<{
      locale: string | null;
    }>;
    return { documentId: byId.documentId, locales: [...new Set(versions.flatMap((row) => (row.locale ? [row.locale] : [])))] };
  }

  return {
    async write(candidate: Candidate & { locale: string }, reference: string, options: { publish: boolean }): Promise<ImportDocumentResult> {
      const line = candidate.startLine;
      const target = await targetOf(reference);
      if (!target) return invalid(candidate, [{ line, message: `Translation of: no article has the slug or documentId "${reference}"` }]);
      if (target.locales.includes(candidate.locale)) {
        return invalid(candidate, [{ line, message: `Translation of: the article "${reference}" has a "${candidate.locale}" version already` }]);
      }
      const { locale: _locale, categories: _shared, ...data } = candidate.data;
      try {
        const document = (await strapi.documents(ARTICLE_UID).update({
          documentId: target.documentId,
          locale: candidate.locale,
          data: data as never, // the article's fields, checked by the article rules already
          status: options.publish ? 'published' : 'draft',
        })) as { documentId: string; slug?: unknown } | null;
        if (!document) return invalid(candidate, [{ line, message: `Translation of: the article "${reference}" is gone` }]);
        await getService(strapi, 'claims').claim('import', candidate.key, target.documentId);
        return created(candidate, { documentId: target.documentId, slug: typeof document.slug === 'string' ? document.slug : null });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return invalid(candidate, [{ line, message }]);
      }
    },
  };
};
