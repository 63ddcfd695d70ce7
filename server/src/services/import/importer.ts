import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkArticle } from '../../core/import/article-data';
import { countImportDocuments } from '../../core/import/batch';
import { restrictArticle } from '../../core/import/field-permissions';
import { importKey } from '../../core/import/key';
import { MAX_IMPORT_DOCUMENTS } from '../../core/import/limits';
import { languageOfLocale, localeForLanguage } from '../../core/localization';
import type { ImportRequest, ImportSource } from '../../core/import/request';
import {
  duplicate,
  invalid,
  summarize,
  unparsable,
  type ArticleRef,
  type ImportDocumentResult,
  type ImportIssue,
  type ImportResult,
} from '../../core/import/result';
import type { ParsedArticle, ParsedDocument } from '../../core/document-parser';
import type { NewsroomSettings } from '../../core/settings';
import { configuredLocales, isLocalized, localeChoices } from '../../localization';
import { TRUSTED_ACTOR, type ImportActor } from './actor';
import { createImportCategories } from './categories';
import { createImportChunkWriter } from './chunk';
import { createImportKeys } from './keys';
import { createImportTranslations, isTranslation } from './translations';
import { createImportWriter } from './writer';
import { getService } from '../../utils/get-service';
import { forEachInSlices } from '../../utils/time-slices';

/** A document that passed the parser and the article rules: it may become an article. */
export interface Candidate {
  index: number;
  startLine: number;
  title: string;
  warnings: ImportIssue[];
  /** The document as imported: the actor's forbidden fields left out. */
  article: ParsedArticle;
  language: string | null;
  /** The locale it goes to when articles are localized (SPEC 12): its language's; null otherwise. */
  locale: string | null;
  /** The article's fields, derived and checked by the article rules (once): what is written. */
  data: Record<string, unknown>;
  key: string;
}

// The preview the admin's Import view shows is a shared contract.
import type { ImportPreview, ImportPreviewDocument, ImportPreviewStatus as PreviewStatus } from '../../../../shared/contracts/import';

export type { ImportPreview, ImportPreviewDocument, PreviewStatus };

/**
 * The importer (SPEC 4.4, 6): snippet documents → articles, with every article
 * rule of SPEC 3 (the functions every create runs, once a document) and Strapi's validation.
 * Shared by the content-API route and the admin's Import view, each with its
 * actor (services/import/actor.ts: creator fields, field and category permissions).
 * Per document: parse, apply the actor's field permissions, check the article
 * rules, skip duplicates (by import key); find or create the categories;
 * then chunks of new documents are claimed and written (services/import/chunk.ts).
 */
const importerService = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService(strapi, 'settings');
  const keys = createImportKeys(strapi);
  const categories = createImportCategories(strapi);
  const writer = createImportWriter(strapi);
  const chunks = createImportChunkWriter(strapi, writer);
  const translations = createImportTranslations(strapi);

  /**
   * Counts the documents first (a scan, no parsing: a million `## a` lines are
   * refused in milliseconds), then parses them in the text worker, off the main
   * thread (services/text-worker.ts).
   */
  async function parse(source: ImportSource, publish: boolean, actor: ImportActor) {
    const count = countImportDocuments(source);
    if (count === 0) {
      throw new errors.ValidationError('no documents found: each document starts with a "## <title>" line');
    }
    if (count > MAX_IMPORT_DOCUMENTS) {
      throw new errors.ValidationError(`the request holds ${count} documents; at most ${MAX_IMPORT_DOCUMENTS} are accepted a request`);
    }
    const current = await settings().get();
    const documents = await getService(strapi, 'text-worker').parseImport(source, current.importTimeZone);
    const locales = isLocalized(strapi) ? (await configuredLocales(strapi)).codes : null;
    return { ...(await sortOut(documents, current, publish, actor, locales)), localized: locales !== null };
  }

  /**
   * Parser errors and article-rule errors become answers; the rest are candidates.
   * The rules run once a document, on what the actor may set: forbidden optional
   * fields are left out first, with a warning, as the Content Manager drops them
   * from a create (core/import/field-permissions.ts); a forbidden title or body is `invalid`.
   * A document at a time, giving the event loop a turn every few milliseconds.
   */
  async function sortOut(
    documents: ParsedDocument[],
    current: NewsroomSettings,
    publish: boolean,
    actor: ImportActor,
    locales: readonly string[] | null
  ) {
    const rejected = new Map<number, ImportDocumentResult>();
    /** The locale of each document refused for the actor's permissions in it (the preview shows it). */
    const refusedIn = new Map<number, string>();
    const candidates: Candidate[] = [];
    const sortOne = (document: ParsedDocument) => {
      if (!document.ok) {
        rejected.set(document.index, unparsable(document));
        return;
      }
      const { article, startLine, index, warnings } = document;
      const input = { article, startLine, settings: current, publish };
      // Null when the actor may set every field the document gives.
      const restricted = actor.forbiddenFields.size > 0 ? restrictArticle({ ...input, forbidden: actor.forbiddenFields }) : null;
      if (restricted && !restricted.ok) {
        rejected.set(index, invalid({ index, title: article.title, warnings }, restricted.problems));
        return;
      }
      let checked = restricted;
      if (!checked) {
        const { problems, language, data } = checkArticle(input);
        if (data === null) {
          rejected.set(index, invalid({ index, title: article.title, warnings }, problems));
          return;
        }
        checked = { ok: true, article, language, data, warnings: [] };
      }
      // Localized (SPEC 12): the locale of its language, which must be configured.
      const locale = locales === null ? null : localeForLanguage(checked.language, locales);
      if (locales !== null && locale === null) {
        const message = `language "${checked.language ?? ''}" has no locale: add the locale "${checked.language ?? ''}" in Settings → Internationalization`;
        rejected.set(index, invalid({ index, title: article.title, warnings }, [{ line: startLine, message }]));
        return;
      }
      // The actor's permissions in that locale (services/import/actor.ts): refused here, the other documents go on.
      const refusal = locale === null ? null : actor.localeRefusal({ locale, translation: article.translationOf !== undefined, publish });
      if (locale !== null && refusal !== null) {
        refusedIn.set(index, locale);
        rejected.set(index, invalid({ index, title: article.title, warnings }, [{ line: startLine, message: refusal }]));
        return;
      }
      const unlocalized =
        locales === null && article.translationOf !== undefined
          ? [{ line: startLine, message: 'Translation of: ignored, articles are not localized (the "localized" setting)' }]
          : [];
      candidates.push({
        index,
        startLine,
        title: article.title,
        warnings: [...warnings, ...checked.warnings, ...unlocalized],
        article: checked.article,
        language: locale === null ? checked.language : languageOfLocale(locale),
        locale,
        data: locale === null ? checked.data : { ...checked.data, locale, language: languageOfLocale(locale) },
        // The key is the document's own, whoever imports it: importing it again is a duplicate (in its locale).
        key: importKey({ ...article, locale }),
      });
    };
    await forEachInSlices(documents, sortOne);
    return { documents, rejected, refusedIn, candidates };
  }

  /** A later copy of a document in the same batch gets the first copy's outcome. */
  const sameAs = (candidate: Candidate, first: ImportDocumentResult): ImportDocumentResult =>
    first.documentId !== null
      ? duplicate(candidate, { documentId: first.documentId, slug: first.slug })
      : invalid(candidate, first.errors ?? []);

  return {
    /** Imports the documents; one bad document never stops the others. Throws a ValidationError for an empty or oversized batch. */
    async import(request: ImportRequest, actor: ImportActor = TRUSTED_ACTOR): Promise<ImportResult> {
      const { documents, rejected, candidates } = await parse(request.source, request.publish, actor);
      const firsts = new Map<string, Candidate>();
      for (const candidate of candidates) if (!firsts.has(candidate.key)) firsts.set(candidate.key, candidate);
      const existing = await keys.findExisting([...firsts.values()], { record: true });
      const fresh = [...firsts.values()].filter((candidate) => !existing.has(candidate.key));
      // Translations (SPEC 12) after the new articles: a batch may hold an article and its translations.
      const toCreate = fresh.filter((candidate) => !isTranslation(candidate));
      const categoryOf = await categories.resolve(
        toCreate.flatMap((candidate) => candidate.article.categories),
        actor
      );
      const options = { publish: request.publish, actor, categoryOf };
      const written = await writer.run(toCreate, (chunk) => chunks.importChunk(chunk, options), chunks.failure);

      const byKey = new Map<string, ImportDocumentResult>(toCreate.map((candidate, i) => [candidate.key, written[i]]));
      for (const candidate of fresh.filter(isTranslation)) {
        const reference = candidate.article.translationOf as string;
        byKey.set(candidate.key, await translations.write(candidate, reference, { publish: request.publish, actor }));
      }
      const results = new Map(rejected);
      for (const candidate of candidates) {
        const first = firsts.get(candidate.key) as Candidate;
        const found: ArticleRef | undefined = existing.get(candidate.key);
        const outcome = found ? duplicate(candidate, found) : (byKey.get(candidate.key) as ImportDocumentResult);
        results.set(candidate.index, first === candidate ? outcome : sameAs(candidate, outcome));
      }
      return summarize(documents.map((document) => results.get(document.index) as ImportDocumentResult));
    },

    /** The documents as they would be imported, with their problems and duplicates; writes nothing. */
    async preview(source: ImportSource, options: { publish?: boolean; actor?: ImportActor } = {}): Promise<ImportPreview> {
      const publish = options.publish ?? false;
      const actor = options.actor ?? TRUSTED_ACTOR;
      const { documents, rejected, refusedIn, candidates, localized } = await parse(source, publish, actor);
      const existing = await keys.findExisting(candidates, { record: false });
      const byIndex = new Map(candidates.map((candidate) => [candidate.index, candidate]));
      // Categories the new documents would create: refused without the permission or beyond the cap, as on import.
      const fresh = new Set<string>();
      const toCreate = candidates.filter((candidate) => {
        if (existing.has(candidate.key) || fresh.has(candidate.key)) return false;
        fresh.add(candidate.key);
        return true;
      });
      // Translations keep their article's categories (SPEC 12): only new articles may create some.
      const newArticles = toCreate.filter((candidate) => !isTranslation(candidate));
      const categoryOf = await categories.plan(
        newArticles.flatMap((candidate) => candidate.article.categories),
        actor
      );
      const refused = new Map<string, string[]>(); // import key → why its categories may not be created
      for (const candidate of newArticles) {
        const messages = candidate.article.categories.map(categoryOf).flatMap((plan) => (plan.ok ? [] : [plan.message]));
        if (messages.length > 0) refused.set(candidate.key, messages);
      }
      for (const candidate of candidates) {
        const messages = refused.get(candidate.key);
        if (messages) rejected.set(candidate.index, invalid(candidate, messages.map((message) => ({ line: candidate.startLine, message }))));
      }
      // Translations (SPEC 12): the article each one translates; one it cannot be added to makes it invalid, as on import.
      const plans = await translations.plan(candidates.filter(isTranslation), newArticles);
      for (const candidate of candidates) {
        const problem = plans.get(candidate.index)?.problem;
        if (problem && !existing.has(candidate.key) && !rejected.has(candidate.index)) {
          rejected.set(candidate.index, invalid(candidate, [{ line: candidate.startLine, message: problem }]));
        }
      }
      /** Localized only: where the document goes, and what it translates. */
      const placement = (index: number): Pick<ImportPreviewDocument, 'locale' | 'translationOf'> =>
        localized ? { locale: byIndex.get(index)?.locale ?? refusedIn.get(index) ?? null, translationOf: plans.get(index)?.target ?? null } : {};
      const seen = new Set<string>();
      const data = documents.map((document): ImportPreviewDocument => {
        const candidate = byIndex.get(document.index);
        const result = rejected.get(document.index);
        if (!candidate || result) {
          return { ...(result as ImportDocumentResult), startLine: document.startLine, status: 'invalid', article: null, ...placement(document.index) };
        }
        const found = existing.get(candidate.key);
        const repeated = seen.has(candidate.key);
        seen.add(candidate.key);
        return {
          index: candidate.index,
          startLine: candidate.startLine,
          status: found || repeated ? 'duplicate' : 'new',
          title: candidate.title,
          article: { ...candidate.article, language: candidate.language },
          documentId: found?.documentId ?? null,
          slug: found?.slug ?? null,
          errors: null,
          warnings: candidate.warnings,
          ...placement(candidate.index),
        };
      });
      const tally = (status: PreviewStatus) => data.filter((row) => row.status === status).length;
      const meta: ImportPreview['meta'] = { new: tally('new'), duplicates: tally('duplicate'), invalid: tally('invalid') };
      if (localized) meta.locales = await localeChoices(strapi);
      return { data, meta };
    },
  };
};

export default importerService;
export type ImporterService = ReturnType<typeof importerService>;
