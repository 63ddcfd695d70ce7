import type { Core } from '@strapi/strapi';
import { importKey, isoDate } from '../../core/import/key';
import type { ArticleRef } from '../../core/import/result';
import { isLocalized } from '../../localization';
import { createArticleRepository } from '../../repositories/articles';
import { isPendingPlaceholder, isPlaceholder, type Claim } from '../claims';
import { getService } from '../../utils/get-service';
import { poll } from '../../utils/poll';

/**
 * Import keys (SPEC 4.4 idempotency) held as claims in scope `import`, through the
 * claims protocol (services/claims.ts): exactly one request, in any process sharing
 * the database, creates the article for a key. The owner is an import placeholder
 * while the article is being created, then the article's documentId.
 */
const SCOPE = 'import';
/** How long a request waits for another one creating the same document. */
const WAIT_FOR_OTHER_MS = 30 * 1000;

export type KeyClaim =
  | { kind: 'claimed'; placeholder: string }
  | { kind: 'existing'; article: ArticleRef }
  /** Another request is still creating this document after the wait. */
  | { kind: 'busy' };

export interface KeyedDocument {
  key: string;
  title: string;
}

export const createImportKeys = (strapi: Core.Strapi) => {
  const claims = () => getService(strapi, 'claims');
  const articles = createArticleRepository(strapi);

  /** Articles made outside the importer (REST, admin) whose fields give one of these keys. */
  async function articlesByFields(documents: KeyedDocument[]): Promise<Map<string, ArticleRef>> {
    const wanted = new Set(documents.map((document) => document.key));
    const found = new Map<string, ArticleRef>();
    const localized = isLocalized(strapi);
    for (const row of await articles.keyFieldsByTitle(
      documents.map((document) => document.title),
      { localized }
    )) {
      const key = importKey({ source: row.source, title: row.title, documentDate: isoDate(row.documentDate), locale: localized ? row.locale : null });
      if (wanted.has(key) && !found.has(key)) found.set(key, { documentId: row.documentId, slug: row.slug ?? null });
    }
    return found;
  }

  /** The article holding a claim; undefined while another request is creating it; null when it is gone. */
  async function ownerArticle(claim: Claim): Promise<ArticleRef | null | undefined> {
    if (isPendingPlaceholder(claim.owner)) return undefined;
    if (isPlaceholder(claim.owner)) return null; // a request that died mid-create
    return (await articles.refsByDocumentId([claim.owner])).get(claim.owner) ?? null;
  }

  return {
    /**
     * The existing articles for these keys, in a few queries for the whole batch.
     * With `record`, a key found only by fields is claimed for that article, so
     * later imports find it by claim. Keys being created right now are left to `claim`.
     */
    async findExisting(documents: KeyedDocument[], options: { record: boolean }): Promise<Map<string, ArticleRef>> {
      const existing = new Map<string, ArticleRef>();
      const held = (await claims().findMany(SCOPE, documents.map((document) => document.key))).filter((claim) => !isPlaceholder(claim.owner));
      const owners = await articles.refsByDocumentId(held.map((claim) => claim.owner));
      for (const claim of held) {
        const article = owners.get(claim.owner);
        if (article) existing.set(claim.key, article);
      }
      const unclaimed = documents.filter((document) => !existing.has(document.key));
      if (unclaimed.length === 0) return existing;
      for (const [key, article] of await articlesByFields(unclaimed)) {
        existing.set(key, article);
        if (options.record) await claims().claim(SCOPE, key, article.documentId);
      }
      return existing;
    },

    /**
     * Claims a key before its article is created; if another request holds it,
     * waits for that article (with `wait`; without, it is `busy` at once). A key whose
     * article was deleted without the Document Service, or whose request died
     * mid-create, is taken over (compare-and-swap).
     */
    async claim(key: string, options: { wait: boolean }): Promise<KeyClaim> {
      const placeholder = claims().placeholder('import');
      const outcome = await poll<KeyClaim>(
        async () => {
          if (await claims().claim(SCOPE, key, placeholder)) return { kind: 'claimed', placeholder };
          const claim = await claims().find(SCOPE, key);
          if (!claim) return undefined; // released by a failed create in between: try again
          const article = await ownerArticle(claim);
          if (article) return { kind: 'existing', article };
          if (article === null && (await claims().takeOverIfAbandoned(claim, placeholder, async () => true))) {
            return { kind: 'claimed', placeholder };
          }
          return undefined;
        },
        { timeoutMs: options.wait ? WAIT_FOR_OTHER_MS : 0 }
      );
      return outcome ?? { kind: 'busy' };
    },

    /**
     * Claims, in two statements, those of `keys` nobody holds yet; gives each key won
     * its placeholder. The others are for `claim`, which knows what to do with a key
     * that is taken (an article, another request at work, an abandoned claim).
     */
    async claimFree(keys: string[]): Promise<Map<string, string>> {
      const wanted = keys.map((key) => ({ key, owner: claims().placeholder('import'), locked: false }));
      const won = await claims().claimMany(SCOPE, wanted);
      return new Map(wanted.filter((entry) => won.has(entry.key)).map((entry) => [entry.key, entry.owner]));
    },

    /** `adopt` for many keys at once (placeholder → documentId); how many moved. */
    adoptMany: (moves: Array<{ from: string; to: string }>) => claims().handOver(moves),

    /** After the create: the key belongs to the article, if this request still holds it. */
    adopt: (key: string, placeholder: string, documentId: string) => claims().handOverKey(SCOPE, key, placeholder, documentId),

    /** After a failed create: another import may try the key. */
    release: (key: string, placeholder: string) => claims().release(SCOPE, key, placeholder),
  };
};

export type ImportKeys = ReturnType<typeof createImportKeys>;
