/**
 * Imported translations (SPEC 12): a document with `Translation of: <slug or
 * documentId>` becomes the version in its locale of that article, written through the
 * Document Service (an update in a locale the article lacks), so the article rules run
 * for it in the article middleware like for any new translation. One at a time: they
 * are rare next to new articles. Categories are shared across locales: the article's
 * stay; the document's are not applied. The importer's actor applies as to a new
 * article: its field permissions were applied when the document was read, and it is
 * recorded as `createdBy`/`updatedBy`, as the Content Manager does for a new locale.
 */
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../../constants';
import { created, invalid, type ImportDocumentResult } from '../../core/import/result';
import { slugFromText } from '../../core/slug';
import { getService } from '../../utils/get-service';
import { withCreator, type ImportActor } from './actor';
import type { Candidate } from './importer';
import type { ImportTranslationTarget } from '../../../../shared/contracts/import';

/** A candidate that is a translation: it has a locale and a `Translation of:` header. */
export const isTranslation = (candidate: Candidate): candidate is Candidate & { locale: string } =>
  candidate.locale !== null && candidate.article.translationOf !== undefined;

interface Target {
  documentId: string;
  /** The locales the article has a version in. */
  locales: string[];
  title: string | null;
  slug: string | null;
}

/** What the preview shows of a translation: its target, and why it cannot be added (null: it can). */
export interface TranslationPlan {
  target: ImportTranslationTarget;
  problem: string | null;
}

const notFound = (reference: string) => `Translation of: no article has the slug or documentId "${reference}"`;
const taken = (reference: string, locale: string) => `Translation of: the article "${reference}" has a "${locale}" version already`;

export const createImportTranslations = (strapi: Core.Strapi) => {
  /** The article a reference names: its documentId first, else a slug in any locale. */
  async function targetOf(reference: string): Promise<Target | null> {
    const rows = (await strapi.db.query(ARTICLE_UID).findMany({
      where: { $or: [{ documentId: reference }, { slug: reference }] },
      select: ['documentId', 'locale', 'slug', 'title'],
    })) as Array<{ documentId: string; locale: string | null; slug: string | null; title: string | null }>;
    const named = rows.find((row) => row.documentId === reference) ?? rows.find((row) => row.slug === reference);
    if (!named) return null;
    const versions = (await strapi.db.query(ARTICLE_UID).findMany({ where: { documentId: named.documentId }, select: ['locale'] })) as Array<{
      locale: string | null;
    }>;
    return {
      documentId: named.documentId,
      locales: [...new Set(versions.flatMap((row) => (row.locale ? [row.locale] : [])))],
      title: named.title,
      slug: named.slug,
    };
  }

  return {
    /**
     * For the preview: each translation's target and problem, by document index. An
     * existing article comes first, as on import; else a new article of the same batch
     * whose title gives the reference as its slug (imported before its translations).
     */
    async plan(translations: Array<Candidate & { locale: string }>, newArticles: Candidate[]): Promise<Map<number, TranslationPlan>> {
      const plans = new Map<number, TranslationPlan>();
      const found = new Map<string, Target | null>();
      // Each new article's slug once (the first with a slug wins, as a search in order would): a lookup per translation.
      const bySlug = new Map<string, Candidate>();
      for (const article of newArticles) {
        const slug = slugFromText(article.title);
        if (!bySlug.has(slug)) bySlug.set(slug, article);
      }
      for (const candidate of translations) {
        const reference = candidate.article.translationOf as string;
        if (!found.has(reference)) found.set(reference, await targetOf(reference));
        const target = found.get(reference) ?? null;
        if (target) {
          const { documentId, title, slug } = target;
          const problem = target.locales.includes(candidate.locale) ? taken(reference, candidate.locale) : null;
          plans.set(candidate.index, { target: { reference, documentId, title, slug }, problem });
          continue;
        }
        const inBatch = bySlug.get(reference);
        plans.set(candidate.index, {
          target: { reference, documentId: null, title: inBatch?.title ?? null, slug: inBatch ? reference : null },
          problem: !inBatch ? notFound(reference) : inBatch.locale === candidate.locale ? taken(reference, candidate.locale) : null,
        });
      }
      return plans;
    },

    async write(
      candidate: Candidate & { locale: string },
      reference: string,
      options: { publish: boolean; actor: ImportActor }
    ): Promise<ImportDocumentResult> {
      const line = candidate.startLine;
      const target = await targetOf(reference);
      if (!target) return invalid(candidate, [{ line, message: notFound(reference) }]);
      if (target.locales.includes(candidate.locale)) return invalid(candidate, [{ line, message: taken(reference, candidate.locale) }]);
      const { locale: _locale, categories: _shared, ...data } = candidate.data;
      try {
        const document = (await strapi.documents(ARTICLE_UID).update({
          documentId: target.documentId,
          locale: candidate.locale,
          data: withCreator(options.actor, data) as never, // the article's fields, checked by the article rules already
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
