import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID } from '../../constants';
import { created, duplicate, invalid, type ImportDocumentResult } from '../../core/import/result';
import { createArticleWrites, type PreparedWrite } from '../../writes/article-writes';
import { createDirectWrites } from '../../writes/direct-writes';
import { withCreator, type ImportActor } from './actor';
import type { CategoryLookup } from './categories';
import { createImportKeys } from './keys';
import type { ImportWriter } from './writer';
import type { Candidate } from './importer';
import { sliceClock } from '../../utils/time-slices';

/** A document whose import key this request holds. */
interface Claimed {
  position: number;
  candidate: Candidate;
  keyPlaceholder: string;
  /** documentIds of its categories. */
  categories: string[];
}

/** A claimed document ready to write: Strapi's validation passed, its slug claimed. */
interface Pending extends Claimed {
  prepared: PreparedWrite;
  /** The data as Strapi's validator gives it back, with the slug: what the bulk writer stores. */
  stored: Record<string, unknown>;
}

/**
 * Claims went missing between taking them and writing the articles (another request
 * took over a key it thought abandoned): the write is undone rather than leave an
 * article whose key or slug belongs to someone else.
 */
class ClaimsLostError extends Error {}

export interface ChunkOptions {
  publish: boolean;
  actor: ImportActor;
  categoryOf: (name: string) => CategoryLookup;
}

/**
 * Writes chunks of new documents (services/import/writer.ts cuts them). The rows of
 * an article and the hand-over of its claims (import key and slug, from
 * placeholders to its documentId) commit in one transaction: a failure anywhere
 * leaves the articles with their claims, or neither, and the answer says which.
 */
export const createImportChunkWriter = (strapi: Core.Strapi, writer: ImportWriter) => {
  const keys = createImportKeys(strapi);
  const writes = createArticleWrites(strapi);
  const direct = createDirectWrites(strapi);

  const busy = (candidate: Candidate) =>
    invalid(candidate, [
      { line: candidate.startLine, message: 'another import is saving this document right now; import it again to see its result' },
    ]);

  /** A failed create: an article rule or Strapi's own validation is the user's to fix; anything else is logged. */
  function failure(candidate: Candidate, error: unknown): ImportDocumentResult {
    if (error instanceof errors.ApplicationError) return invalid(candidate, [{ line: candidate.startLine, message: error.message }]);
    if (error instanceof ClaimsLostError) {
      return invalid(candidate, [
        { line: candidate.startLine, message: 'another import took this document over while it was being saved; import it again to see its result' },
      ]);
    }
    strapi.log.error(`newsroom import: document ${candidate.index} ("${candidate.title}") could not be saved`, error);
    return invalid(candidate, [{ line: candidate.startLine, message: 'the article could not be saved (server error, see the server log)' }]);
  }

  /**
   * Imports one chunk of new documents: claims their import keys, runs Strapi's
   * validator on their fields (derived by the article rules when the request was
   * read), claims their slugs, then writes them all at once. Keys and plain slugs
   * nobody holds are claimed a chunk at a time; anything taken goes the careful way,
   * one document at a time. If the write fails, each document goes through the
   * Document Service on its own, so one bad document never stops the others.
   *
   * A key another request is saving is never waited for while this request holds
   * keys it has not written yet: two imports of one file in opposite orders would
   * wait on each other. Such documents are looked at again once the chunk is written
   * (on SQLite, inside the chunk's transaction, waiting would only block: `busy`).
   */
  async function importChunk(chunk: Candidate[], options: ChunkOptions): Promise<ImportDocumentResult[]> {
    const results: ImportDocumentResult[] = new Array(chunk.length);
    const claimable: Array<Omit<Claimed, 'keyPlaceholder'>> = [];
    for (const [position, candidate] of chunk.entries()) {
      const lookups = candidate.article.categories.map(options.categoryOf);
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

    for (const [item, result] of await writeAll(await prepareAll(claimed, results, options), options)) {
      results[item.position] = result;
    }

    for (const item of later) {
      const claim = await keys.claim(item.candidate.key, { wait: true });
      if (claim.kind === 'existing') results[item.position] = duplicate(item.candidate, claim.article);
      else if (claim.kind === 'busy') results[item.position] = busy(item.candidate);
      else {
        const [prepared] = await prepareAll([{ ...item, keyPlaceholder: claim.placeholder }], results, options);
        if (prepared) results[item.position] = await writeOne(prepared, options);
      }
    }
    return results;
  }

  /**
   * Runs Strapi's validator on each claimed document, then claims the slugs. A
   * document that fails gets its result in `results` and its key back.
   */
  async function prepareAll(claimed: Claimed[], results: ImportDocumentResult[], options: ChunkOptions): Promise<Pending[]> {
    const { publish } = options;
    const valid: Array<Claimed & { validated: Record<string, unknown> }> = [];
    const turn = sliceClock(); // Strapi's validator takes about a millisecond a document: 500 would hold the event loop
    for (const item of claimed) {
      try {
        valid.push({ ...item, validated: await direct.validateNew(item.candidate.data, { publish }) });
      } catch (error) {
        await keys.release(item.candidate.key, item.keyPlaceholder);
        results[item.position] = failure(item.candidate, error);
      }
      await turn();
    }
    if (valid.length === 0) return [];
    try {
      const prepared = await writes.prepareCreateMany(
        valid.map((item) => item.candidate.data),
        { publish, locales: valid.map((item) => item.candidate.locale) }
      );
      return valid.map(({ validated, ...item }, i) => ({
        ...item,
        prepared: prepared[i],
        stored: { ...validated, slug: prepared[i].data.slug },
      }));
    } catch (error) {
      for (const item of valid) {
        await keys.release(item.candidate.key, item.keyPlaceholder);
        results[item.position] = failure(item.candidate, error);
      }
      return [];
    }
  }

  /**
   * The claims of written articles move from their placeholders to the documentIds,
   * in the write's transaction; throws when any of them is no longer held.
   */
  async function handOver(pending: Pending[], documentIds: string[]): Promise<void> {
    const slugs = await writes.settleMany(
      pending.map((item) => item.prepared),
      documentIds
    );
    const importKeys = await keys.adoptMany(pending.map((item, i) => ({ from: item.keyPlaceholder, to: documentIds[i] })));
    // Each placeholder holds exactly one claim: a slug, or an import key.
    if (slugs !== pending.length || importKeys !== pending.length) {
      throw new ClaimsLostError(`newsroom import: ${2 * pending.length - slugs - importKeys} claims changed hands during the write`);
    }
  }

  /**
   * Writes the documents at once, or one by one through the Document Service when
   * others listen to article creates (the seam says so) or the batch write fails;
   * each one's result.
   */
  async function writeAll(pending: Pending[], options: ChunkOptions): Promise<Array<[Pending, ImportDocumentResult]>> {
    if (pending.length === 0) return [];
    const { publish, actor } = options;
    let documentIds: string[] | null = null;
    try {
      const articles = pending.map(({ stored, categories }) => ({ data: withCreator(actor, stored), categories }));
      documentIds = await writer.isolated(() => direct.createArticles(articles, { publish, settle: (ids) => handOver(pending, ids) }));
    } catch (error) {
      strapi.log.warn(`newsroom import: writing ${pending.length} documents at once failed, writing them one by one: ${String(error)}`);
    }
    const outcomes: Array<[Pending, ImportDocumentResult]> = [];
    if (!documentIds) {
      for (const item of pending) outcomes.push([item, await writeOne(item, options)]);
      return outcomes;
    }
    for (const [i, item] of pending.entries()) {
      outcomes.push([item, created(item.candidate, { documentId: documentIds[i], slug: item.prepared.data.slug as string })]);
    }
    return outcomes;
  }

  /**
   * One document through the Document Service (its key and slug already claimed),
   * given to the article middleware as prepared; its result, also when it fails. As
   * the Content Manager does it, so other plugins' middlewares and lifecycles see the
   * same calls: `create` (a draft), then `publish` when asked. These, the slug's
   * hand-over and the key's commit together.
   */
  async function writeOne(item: Pending, options: ChunkOptions): Promise<ImportDocumentResult> {
    const { candidate, keyPlaceholder, categories, prepared } = item;
    const data = withCreator(options.actor, { ...prepared.data, categories });
    try {
      const article = await writer.isolated(async () => {
        const locale = candidate.locale ?? undefined;
        const document = await strapi.documents(ARTICLE_UID).create({ data: writes.handOff({ ...prepared, data }), status: 'draft', locale });
        if (options.publish) await strapi.documents(ARTICLE_UID).publish({ documentId: document.documentId, locale });
        if (!(await keys.adopt(candidate.key, keyPlaceholder, document.documentId))) {
          throw new ClaimsLostError('newsroom import: the import key changed hands during the write');
        }
        return document;
      });
      return created(candidate, { documentId: article.documentId, slug: typeof article.slug === 'string' ? article.slug : null });
    } catch (error) {
      // The transaction took back what was written; the claims taken before it go now.
      await writes.abandon(prepared);
      await keys.release(candidate.key, keyPlaceholder);
      return failure(candidate, error);
    }
  }

  return { importChunk, failure };
};
