import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID } from '../constants';
import { articleData, checkArticle } from '../core/import/article-data';
import { parseImportSource } from '../core/import/batch';
import { importKey } from '../core/import/key';
import { MAX_IMPORT_DOCUMENTS } from '../core/import/limits';
import type { ImportRequest, ImportSource } from '../core/import/request';
import {
  created,
  duplicate,
  invalid,
  summarize,
  unparsable,
  type ArticleRef,
  type ImportDocumentResult,
  type ImportIssue,
  type ImportResult,
} from '../core/import/result';
import type { ParsedArticle, ParsedDocument } from '../core/document-parser';
import type { NewsroomSettings } from '../core/settings';
import { createImportCategories, type CategoryLookup } from './import-categories';
import { createImportKeys } from './import-keys';
import { createImportWriter } from './import-writer';
import type { SettingsService } from './settings';

/** A document that passed the parser and the article rules: it may become an article. */
interface Candidate {
  index: number;
  startLine: number;
  title: string;
  warnings: ImportIssue[];
  article: ParsedArticle;
  language: string | null;
  key: string;
}

export type PreviewStatus = 'new' | 'duplicate' | 'invalid';

/** One document as the admin's preview table shows it: nothing is written. */
export interface ImportPreviewDocument {
  index: number;
  startLine: number;
  status: PreviewStatus;
  title: string | null;
  /** The fields the article will get (language with the default applied); null when invalid. */
  article: ParsedArticle | null;
  /** For a duplicate: the existing article. */
  documentId: string | null;
  slug: string | null;
  errors: ImportIssue[] | null;
  warnings: ImportIssue[];
}

export interface ImportPreview {
  data: ImportPreviewDocument[];
  meta: { new: number; duplicates: number; invalid: number };
}

/**
 * The importer (SPEC 4.4, 6): snippet documents → articles through the Document
 * Service, so every article rule of SPEC 3 holds. Shared by the content-API
 * route and the admin's Import view. Per document: parse, check the article
 * rules, skip duplicates (by import key), claim the key, create.
 */
const importerService = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.plugin('newsroom').service('settings') as SettingsService;
  const keys = createImportKeys(strapi);
  const categories = createImportCategories(strapi);
  const writer = createImportWriter(strapi);

  async function parse(source: ImportSource, publish: boolean) {
    const current = await settings().get();
    const documents = parseImportSource(source, { timeZone: current.importTimeZone });
    if (documents.length === 0) {
      throw new errors.ValidationError('no documents found: each document starts with a "## <title>" line');
    }
    if (documents.length > MAX_IMPORT_DOCUMENTS) {
      throw new errors.ValidationError(
        `the request holds ${documents.length} documents; at most ${MAX_IMPORT_DOCUMENTS} are accepted a request`
      );
    }
    return sortOut(documents, current, publish);
  }

  /** Parser errors and article-rule errors become answers; the rest are candidates. */
  function sortOut(documents: ParsedDocument[], current: NewsroomSettings, publish: boolean) {
    const rejected = new Map<number, ImportDocumentResult>();
    const candidates: Candidate[] = [];
    for (const document of documents) {
      if (!document.ok) {
        rejected.set(document.index, unparsable(document));
        continue;
      }
      const { article, startLine, index, warnings } = document;
      const checked = checkArticle({ article, startLine, settings: current, publish });
      if (checked.problems.length > 0) rejected.set(index, invalid({ index, title: article.title, warnings }, checked.problems));
      else candidates.push({ index, startLine, title: article.title, warnings, article, language: checked.language, key: importKey(article) });
    }
    return { documents, rejected, candidates };
  }

  /** Creates the article of a new document; throws when the create fails (after giving its key back). */
  async function importOne(candidate: Candidate, categoryOf: (name: string) => CategoryLookup, publish: boolean) {
    const lookups = candidate.article.categories.map(categoryOf);
    const problems = lookups.flatMap((lookup) => (lookup.ok ? [] : [{ line: candidate.startLine, message: lookup.message }]));
    if (problems.length > 0) return invalid(candidate, problems);

    const claim = await keys.claim(candidate.key, { wait: !writer.batched });
    if (claim.kind === 'existing') return duplicate(candidate, claim.article);
    if (claim.kind === 'busy') {
      return invalid(candidate, [
        { line: candidate.startLine, message: 'another import is saving this document right now; import it again to see its result' },
      ]);
    }
    try {
      const article = await strapi.documents(ARTICLE_UID).create({
        data: { ...articleData(candidate.article), categories: lookups.flatMap((lookup) => (lookup.ok ? [lookup.documentId] : [])) },
        status: publish ? 'published' : 'draft',
        // Only what the answer needs: Strapi then reads back no relations.
        fields: ['documentId', 'slug'],
      });
      await keys.adopt(candidate.key, claim.placeholder, article.documentId);
      return created(candidate, { documentId: article.documentId, slug: typeof article.slug === 'string' ? article.slug : null });
    } catch (error) {
      await keys.release(candidate.key, claim.placeholder);
      throw error;
    }
  }

  /** A failed create: an article rule or Strapi's own validation is the user's to fix; anything else is logged. */
  function failure(candidate: Candidate, error: unknown): ImportDocumentResult {
    if (error instanceof errors.ApplicationError) return invalid(candidate, [{ line: candidate.startLine, message: error.message }]);
    strapi.log.error(`newsroom import: document ${candidate.index} ("${candidate.title}") could not be saved`, error);
    return invalid(candidate, [{ line: candidate.startLine, message: 'the article could not be saved (server error, see the server log)' }]);
  }

  /** A later copy of a document in the same batch gets the first copy's outcome. */
  const sameAs = (candidate: Candidate, first: ImportDocumentResult): ImportDocumentResult =>
    first.documentId !== null
      ? duplicate(candidate, { documentId: first.documentId, slug: first.slug })
      : invalid(candidate, first.errors ?? []);

  return {
    /** Imports the documents; one bad document never stops the others. Throws a ValidationError for an empty or oversized batch. */
    async import(request: ImportRequest): Promise<ImportResult> {
      const { documents, rejected, candidates } = await parse(request.source, request.publish);
      const firsts = new Map<string, Candidate>();
      for (const candidate of candidates) if (!firsts.has(candidate.key)) firsts.set(candidate.key, candidate);
      const existing = await keys.findExisting([...firsts.values()], { record: true });
      const toCreate = [...firsts.values()].filter((candidate) => !existing.has(candidate.key));
      const categoryOf = await categories.resolve(toCreate.flatMap((candidate) => candidate.article.categories));
      const written = await writer.run(toCreate, (candidate) => importOne(candidate, categoryOf, request.publish), failure);

      const byKey = new Map<string, ImportDocumentResult>(toCreate.map((candidate, i) => [candidate.key, written[i]]));
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
    async preview(source: ImportSource, options: { publish?: boolean } = {}): Promise<ImportPreview> {
      const { documents, rejected, candidates } = await parse(source, options.publish ?? false);
      const existing = await keys.findExisting(candidates, { record: false });
      const byIndex = new Map(candidates.map((candidate) => [candidate.index, candidate]));
      const seen = new Set<string>();
      const data = documents.map((document): ImportPreviewDocument => {
        const candidate = byIndex.get(document.index);
        const result = rejected.get(document.index);
        if (!candidate || result) {
          return { ...(result as ImportDocumentResult), startLine: document.startLine, status: 'invalid', article: null };
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
        };
      });
      const tally = (status: PreviewStatus) => data.filter((row) => row.status === status).length;
      return { data, meta: { new: tally('new'), duplicates: tally('duplicate'), invalid: tally('invalid') } };
    },
  };
};

export default importerService;
export type ImporterService = ReturnType<typeof importerService>;
