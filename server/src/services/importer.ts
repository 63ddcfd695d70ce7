import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkArticle } from '../core/import/article-data';
import { parseImportSource } from '../core/import/batch';
import { restrictArticle } from '../core/import/field-permissions';
import { importKey } from '../core/import/key';
import { MAX_IMPORT_DOCUMENTS } from '../core/import/limits';
import type { ImportRequest, ImportSource } from '../core/import/request';
import {
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
import { TRUSTED_ACTOR, type ImportActor } from './import-actor';
import { createImportCategories } from './import-categories';
import { createImportChunkWriter } from './import-chunk';
import { createImportKeys } from './import-keys';
import { createImportWriter } from './import-writer';
import type { SettingsService } from './settings';

/** A document that passed the parser and the article rules: it may become an article. */
export interface Candidate {
  index: number;
  startLine: number;
  title: string;
  warnings: ImportIssue[];
  article: ParsedArticle;
  language: string | null;
  key: string;
}

// The preview the admin's Import view shows is a shared contract.
import type { ImportPreview, ImportPreviewDocument, ImportPreviewStatus as PreviewStatus } from '../../../shared/contracts/import';

export type { ImportPreview, ImportPreviewDocument, PreviewStatus };

/**
 * The importer (SPEC 4.4, 6): snippet documents → articles, with every article
 * rule of SPEC 3 (the article middleware's own function) and Strapi's validation.
 * Shared by the content-API route and the admin's Import view, each with its
 * actor (services/import-actor.ts: creator fields, field and category permissions).
 * Per document: parse, check the article rules, apply the actor's field
 * permissions, skip duplicates (by import key); find or create the categories;
 * then chunks of new documents are claimed and written (services/import-chunk.ts).
 */
const importerService = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.plugin('newsroom').service('settings') as SettingsService;
  const keys = createImportKeys(strapi);
  const categories = createImportCategories(strapi);
  const writer = createImportWriter(strapi);
  const chunks = createImportChunkWriter(strapi, writer);

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

  /**
   * The candidates as the actor may create them (core/import/field-permissions.ts):
   * forbidden optional fields left out with a warning, a forbidden title or body `invalid`.
   */
  async function restrict(parsed: Awaited<ReturnType<typeof parse>>, actor: ImportActor, publish: boolean) {
    if (actor.forbiddenFields.size === 0) return parsed;
    const current = await settings().get();
    const rejected = new Map(parsed.rejected);
    const candidates: Candidate[] = [];
    for (const candidate of parsed.candidates) {
      const { article, startLine } = candidate;
      const restricted = restrictArticle({ article, startLine, forbidden: actor.forbiddenFields, settings: current, publish });
      if (!restricted) candidates.push(candidate);
      else if (!restricted.ok) rejected.set(candidate.index, invalid(candidate, restricted.problems));
      else {
        const warnings = [...candidate.warnings, ...restricted.warnings];
        // The key stays the document's own: importing it again is a duplicate, whoever imports it.
        candidates.push({ ...candidate, article: restricted.article, language: restricted.language, warnings });
      }
    }
    return { documents: parsed.documents, rejected, candidates };
  }

  /** A later copy of a document in the same batch gets the first copy's outcome. */
  const sameAs = (candidate: Candidate, first: ImportDocumentResult): ImportDocumentResult =>
    first.documentId !== null
      ? duplicate(candidate, { documentId: first.documentId, slug: first.slug })
      : invalid(candidate, first.errors ?? []);

  return {
    /** Imports the documents; one bad document never stops the others. Throws a ValidationError for an empty or oversized batch. */
    async import(request: ImportRequest, actor: ImportActor = TRUSTED_ACTOR): Promise<ImportResult> {
      const { documents, rejected, candidates } = await restrict(await parse(request.source, request.publish), actor, request.publish);
      const firsts = new Map<string, Candidate>();
      for (const candidate of candidates) if (!firsts.has(candidate.key)) firsts.set(candidate.key, candidate);
      const existing = await keys.findExisting([...firsts.values()], { record: true });
      const toCreate = [...firsts.values()].filter((candidate) => !existing.has(candidate.key));
      const categoryOf = await categories.resolve(
        toCreate.flatMap((candidate) => candidate.article.categories),
        actor
      );
      const options = { publish: request.publish, actor, categoryOf };
      const written = await writer.run(toCreate, (chunk) => chunks.importChunk(chunk, options), chunks.failure);

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
    async preview(source: ImportSource, options: { publish?: boolean; actor?: ImportActor } = {}): Promise<ImportPreview> {
      const publish = options.publish ?? false;
      const actor = options.actor ?? TRUSTED_ACTOR;
      const { documents, rejected, candidates } = await restrict(await parse(source, publish), actor, publish);
      const existing = await keys.findExisting(candidates, { record: false });
      const byIndex = new Map(candidates.map((candidate) => [candidate.index, candidate]));
      // Categories the new documents would create: refused without the permission or beyond the cap, as on import.
      const fresh = new Set<string>();
      const toCreate = candidates.filter((candidate) => {
        if (existing.has(candidate.key) || fresh.has(candidate.key)) return false;
        fresh.add(candidate.key);
        return true;
      });
      const categoryOf = await categories.plan(
        toCreate.flatMap((candidate) => candidate.article.categories),
        actor
      );
      const refused = new Map<string, string[]>(); // import key → why its categories may not be created
      for (const candidate of toCreate) {
        const messages = candidate.article.categories.map(categoryOf).flatMap((plan) => (plan.ok ? [] : [plan.message]));
        if (messages.length > 0) refused.set(candidate.key, messages);
      }
      for (const candidate of candidates) {
        const messages = refused.get(candidate.key);
        if (messages) rejected.set(candidate.index, invalid(candidate, messages.map((message) => ({ line: candidate.startLine, message }))));
      }
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
