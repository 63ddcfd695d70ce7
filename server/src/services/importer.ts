import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID } from '../constants';
import { articleData, checkArticle } from '../core/import/article-data';
import { countImportDocuments } from '../core/import/batch';
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
import { createArticleCreation, type PreparedArticle } from './article-creation';
import { createBulkArticleWriter } from './import-bulk';
import { createImportCategories, type CategoryLookup } from './import-categories';
import { createImportKeys } from './import-keys';
import { createImportWriter } from './import-writer';
import type { SettingsService } from './settings';
import type { SnippetsService } from './snippets';
import type { TextWorkerService } from './text-worker';
import { forEachInSlices, sliceClock } from '../utils/time-slices';

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
 * The importer (SPEC 4.4, 6): snippet documents → articles, with every article
 * rule of SPEC 3 (the article middleware's own function) and Strapi's validation.
 * Shared by the content-API route and the admin's Import view. Per document:
 * parse, check the article rules, skip duplicates (by import key), claim the key;
 * then a chunk of new documents is written at once (services/import-bulk.ts).
 */
const importerService = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.plugin('newsroom').service('settings') as SettingsService;
  const keys = createImportKeys(strapi);
  const categories = createImportCategories(strapi);
  const writer = createImportWriter(strapi);
  const bulk = createBulkArticleWriter(strapi);
  const creation = createArticleCreation(strapi);
  const snippets = () => strapi.plugin('newsroom').service('snippets') as SnippetsService;

  /**
   * Counts the documents first (a scan, no parsing: a million `## a` lines are
   * refused in milliseconds), then parses them in the text worker, off the main
   * thread (services/text-worker.ts).
   */
  async function parse(source: ImportSource, publish: boolean) {
    const count = countImportDocuments(source);
    if (count === 0) {
      throw new errors.ValidationError('no documents found: each document starts with a "## <title>" line');
    }
    if (count > MAX_IMPORT_DOCUMENTS) {
      throw new errors.ValidationError(`the request holds ${count} documents; at most ${MAX_IMPORT_DOCUMENTS} are accepted a request`);
    }
    const current = await settings().get();
    const textWorker = strapi.plugin('newsroom').service('text-worker') as TextWorkerService;
    const documents = await textWorker.parseImport(source, current.importTimeZone);
    return sortOut(documents, current, publish);
  }

  /**
   * Parser errors and article-rule errors become answers; the rest are candidates.
   * A document at a time, giving the event loop a turn every few milliseconds.
   */
  async function sortOut(documents: ParsedDocument[], current: NewsroomSettings, publish: boolean) {
    const rejected = new Map<number, ImportDocumentResult>();
    const candidates: Candidate[] = [];
    const sortOne = (document: ParsedDocument) => {
      if (!document.ok) {
        rejected.set(document.index, unparsable(document));
        return;
      }
      const { article, startLine, index, warnings } = document;
      const checked = checkArticle({ article, startLine, settings: current, publish });
      if (checked.problems.length > 0) rejected.set(index, invalid({ index, title: article.title, warnings }, checked.problems));
      else candidates.push({ index, startLine, title: article.title, warnings, article, language: checked.language, key: importKey(article) });
    };
    await forEachInSlices(documents, sortOne);
    return { documents, rejected, candidates };
  }

  /** A document whose import key this request holds. */
  interface Claimed {
    position: number;
    candidate: Candidate;
    keyPlaceholder: string;
    /** documentIds of its categories. */
    categories: string[];
  }

  /** A claimed document ready to write: its fields derived and validated, its slug claimed. */
  interface Pending extends Claimed {
    prepared: PreparedArticle;
  }

  const busy = (candidate: Candidate) =>
    invalid(candidate, [
      { line: candidate.startLine, message: 'another import is saving this document right now; import it again to see its result' },
    ]);

  /**
   * Imports one chunk of new documents: claims their import keys, derives and
   * validates their fields (the article middleware's own function, then Strapi's
   * validator), claims their slugs, then writes them all at once. Keys and plain
   * slugs nobody holds are claimed a chunk at a time; anything taken goes the
   * careful way, one document at a time. If the write fails, each document goes
   * through the Document Service on its own, so one bad document never stops the others.
   *
   * A key another request is saving is never waited for while this request holds
   * keys it has not written yet: two imports of one file in opposite orders would
   * wait on each other. Such documents are looked at again once the chunk is written
   * (on SQLite, inside the chunk's transaction, waiting would only block: `busy`).
   */
  async function importChunk(chunk: Candidate[], categoryOf: (name: string) => CategoryLookup, publish: boolean) {
    const results: ImportDocumentResult[] = new Array(chunk.length);
    const claimable: Array<Omit<Claimed, 'keyPlaceholder'>> = [];
    for (const [position, candidate] of chunk.entries()) {
      const lookups = candidate.article.categories.map(categoryOf);
      const problems = lookups.flatMap((lookup) => (lookup.ok ? [] : [{ line: candidate.startLine, message: lookup.message }]));
      if (problems.length > 0) results[position] = invalid(candidate, problems);
      else claimable.push({ position, candidate, categories: lookups.flatMap((lookup) => (lookup.ok ? [lookup.documentId] : [])) });
    }

    const free = await keys.claimFree(claimable.map((item) => item.candidate.key));
    const claimed: Claimed[] = [];
    const later: Array<Omit<Claimed, 'keyPlaceholder'>> = [];
    for (const item of claimable) {
      const placeholder = free.get(item.candidate.key);
      if (placeholder) {
        claimed.push({ ...item, keyPlaceholder: placeholder });
        continue;
      }
      const claim = await keys.claim(item.candidate.key, { wait: false });
      if (claim.kind === 'existing') results[item.position] = duplicate(item.candidate, claim.article);
      else if (claim.kind === 'busy' && writer.batched) results[item.position] = busy(item.candidate);
      else if (claim.kind === 'busy') later.push(item);
      else claimed.push({ ...item, keyPlaceholder: claim.placeholder });
    }

    for (const [item, result] of await writeAll(await prepareAll(claimed, results, publish), publish)) {
      results[item.position] = result;
    }

    for (const item of later) {
      const claim = await keys.claim(item.candidate.key, { wait: true });
      if (claim.kind === 'existing') results[item.position] = duplicate(item.candidate, claim.article);
      else if (claim.kind === 'busy') results[item.position] = busy(item.candidate);
      else results[item.position] = await writeOne({ ...item, keyPlaceholder: claim.placeholder }, publish);
    }
    return results;
  }

  /**
   * Derives and validates each claimed document's fields, then claims the slugs. A
   * document that fails gets its result in `results` and its key back.
   */
  async function prepareAll(claimed: Claimed[], results: ImportDocumentResult[], publish: boolean): Promise<Pending[]> {
    const valid: Array<Claimed & { data: Record<string, unknown> }> = [];
    const turn = sliceClock(); // Strapi's validator takes about a millisecond a document: 500 would hold the event loop
    for (const item of claimed) {
      try {
        const data = await creation.derive(articleData(item.candidate.article), { publish });
        valid.push({ ...item, data: await bulk.validate(data, { publish }) });
      } catch (error) {
        await keys.release(item.candidate.key, item.keyPlaceholder);
        results[item.position] = failure(item.candidate, error);
      }
      await turn();
    }
    if (valid.length === 0) return [];
    try {
      const prepared = await creation.claimSlugs(
        valid.map((item) => item.data),
        { publish }
      );
      return valid.map(({ data: _data, ...item }, i) => ({ ...item, prepared: prepared[i] }));
    } catch (error) {
      for (const item of valid) {
        await keys.release(item.candidate.key, item.keyPlaceholder);
        results[item.position] = failure(item.candidate, error);
      }
      return [];
    }
  }

  /** Writes the documents at once, or one by one when that fails; each one's result. */
  async function writeAll(pending: Pending[], publish: boolean): Promise<Array<[Pending, ImportDocumentResult]>> {
    if (pending.length === 0) return [];
    snippets().invalidate();
    let documentIds: string[] | null = null;
    try {
      const articles = pending.map(({ prepared, categories }) => ({ data: prepared.data, categories }));
      documentIds = await writer.isolated(() => bulk.insert(articles, { publish }));
    } catch (error) {
      strapi.log.warn(`newsroom import: writing ${pending.length} documents at once failed, writing them one by one: ${String(error)}`);
    }
    const outcomes: Array<[Pending, ImportDocumentResult]> = [];
    if (!documentIds) {
      for (const item of pending) {
        await creation.abandon(item.prepared.placeholder);
        outcomes.push([item, await writeOne(item, publish)]);
      }
      return outcomes;
    }
    const ids = documentIds;
    await creation.settleMany(pending.map((item, i) => ({ placeholder: item.prepared.placeholder, documentId: ids[i] })));
    await keys.adoptMany(pending.map((item, i) => ({ from: item.keyPlaceholder, to: ids[i] })));
    for (const [i, item] of pending.entries()) {
      outcomes.push([item, created(item.candidate, { documentId: ids[i], slug: item.prepared.data.slug as string })]);
    }
    const written = documentIds;
    writer.afterCommit(async () => {
      snippets().invalidate();
      await bulk.announce(written, { publish });
    });
    return outcomes;
  }

  /** One document through the Document Service (its key already claimed); its result, also when it fails. */
  async function writeOne(item: Claimed, publish: boolean): Promise<ImportDocumentResult> {
    const { candidate, keyPlaceholder, categories } = item;
    try {
      const article = await writer.isolated(() =>
        strapi.documents(ARTICLE_UID).create({
          data: { ...articleData(candidate.article), categories },
          status: publish ? 'published' : 'draft',
          // Only what the answer needs: Strapi then reads back no relations.
          fields: ['documentId', 'slug'],
        })
      );
      await keys.adopt(candidate.key, keyPlaceholder, article.documentId);
      return created(candidate, { documentId: article.documentId, slug: typeof article.slug === 'string' ? article.slug : null });
    } catch (error) {
      await keys.release(candidate.key, keyPlaceholder);
      return failure(candidate, error);
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
      const written = await writer.run(toCreate, (chunk) => importChunk(chunk, categoryOf, request.publish), failure);

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
