import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { importKey, isoDate } from '../core/import/key';
import type { ArticleRef } from '../core/import/result';
import { IMPORT_PENDING_OWNER, type Claim, type ClaimsRepository } from '../repositories/claims';
import { poll } from '../utils/poll';

/**
 * Import keys (SPEC 4.4 idempotency) held as claims in scope `import`: the
 * claims table's primary key lets exactly one request, in any process sharing
 * the database, create the article for a key. The owner is a placeholder while
 * the article is being created, then the article's documentId.
 */
const SCOPE = 'import';
const PENDING = IMPORT_PENDING_OWNER;
/** A placeholder this old belongs to a request that died mid-create: its key may be taken over. */
const STALE_PENDING_MS = 2 * 60 * 1000;
/** How long a request waits for another one creating the same document. */
const WAIT_FOR_OTHER_MS = 30 * 1000;
/** Keeps IN lists well inside every database's limit on bound parameters. */
const CHUNK = 200;

const chunks = <T>(items: T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

const isPending = (owner: string) => owner.startsWith(PENDING);
const isStale = (owner: string) => {
  const since = Number(owner.slice(PENDING.length).split(':')[0]);
  return !Number.isFinite(since) || Date.now() - since > STALE_PENDING_MS;
};

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
  const claims = () => strapi.plugin('newsroom').service('claims') as ClaimsRepository;

  async function articlesById(documentIds: string[]): Promise<Map<string, ArticleRef>> {
    const found = new Map<string, ArticleRef>();
    for (const ids of chunks([...new Set(documentIds)])) {
      const rows = (await strapi.db.query(ARTICLE_UID).findMany({
        where: { documentId: { $in: ids } },
        select: ['documentId', 'slug'],
      })) as Array<{ documentId: string; slug: string | null }>;
      for (const row of rows) found.set(row.documentId, { documentId: row.documentId, slug: row.slug ?? null });
    }
    return found;
  }

  /** Articles made outside the importer (REST, admin) whose fields give one of these keys. */
  async function articlesByFields(documents: KeyedDocument[]): Promise<Map<string, ArticleRef>> {
    const wanted = new Set(documents.map((document) => document.key));
    const found = new Map<string, ArticleRef>();
    for (const titles of chunks([...new Set(documents.map((document) => document.title))])) {
      const rows = (await strapi.db.query(ARTICLE_UID).findMany({
        where: { title: { $in: titles } },
        select: ['documentId', 'slug', 'title', 'source', 'documentDate'],
      })) as Array<{ documentId: string; slug: string | null; title: string; source: string | null; documentDate: unknown }>;
      for (const row of rows) {
        const key = importKey({ source: row.source, title: row.title, documentDate: isoDate(row.documentDate) });
        if (wanted.has(key) && !found.has(key)) found.set(key, { documentId: row.documentId, slug: row.slug ?? null });
      }
    }
    return found;
  }

  async function claimsFor(keys: string[]): Promise<Claim[]> {
    const all: Claim[] = [];
    for (const part of chunks([...new Set(keys)])) all.push(...(await claims().findMany(SCOPE, part)));
    return all;
  }

  /** The article holding a claim; undefined while another request is creating it (or it died, see STALE_PENDING_MS). */
  async function ownerArticle(claim: Claim): Promise<ArticleRef | null | undefined> {
    if (isPending(claim.owner)) return undefined;
    return (await articlesById([claim.owner])).get(claim.owner) ?? null;
  }

  return {
    /**
     * The existing articles for these keys, in a few queries for the whole batch.
     * With `record`, a key found only by fields is claimed for that article, so
     * later imports find it by claim. Keys being created right now are left to `claim`.
     */
    async findExisting(documents: KeyedDocument[], options: { record: boolean }): Promise<Map<string, ArticleRef>> {
      const existing = new Map<string, ArticleRef>();
      const held = (await claimsFor(documents.map((document) => document.key))).filter((claim) => !isPending(claim.owner));
      const owners = await articlesById(held.map((claim) => claim.owner));
      for (const claim of held) {
        const article = owners.get(claim.owner);
        if (article) existing.set(claim.key, article);
      }
      const unclaimed = documents.filter((document) => !existing.has(document.key));
      if (unclaimed.length === 0) return existing;
      for (const [key, article] of await articlesByFields(unclaimed)) {
        existing.set(key, article);
        if (options.record) await claims().tryClaim(SCOPE, key, article.documentId);
      }
      return existing;
    },

    /**
     * Claims a key before its article is created; if another request holds it,
     * waits for that article (with `wait`; without, it is `busy` at once). A key whose article was deleted without the Document
     * Service, or whose request died mid-create, is taken over (compare-and-set).
     */
    async claim(key: string, options: { wait: boolean }): Promise<KeyClaim> {
      const placeholder = `${PENDING}${Date.now()}:${randomUUID()}`;
      const outcome = await poll<KeyClaim>(
        async () => {
          if (await claims().tryClaim(SCOPE, key, placeholder)) return { kind: 'claimed', placeholder };
          const claim = await claims().find(SCOPE, key);
          if (!claim) return undefined; // released by a failed create in between: try again
          const article = await ownerArticle(claim);
          if (article) return { kind: 'existing', article };
          const abandoned = article === null || isStale(claim.owner);
          if (abandoned && (await claims().takeOver(SCOPE, key, claim.owner, placeholder))) {
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
      const wanted = keys.map((key) => ({ key, owner: `${PENDING}${Date.now()}:${randomUUID()}`, locked: false }));
      const won = await claims().tryClaimMany(SCOPE, wanted);
      return new Map(wanted.filter((entry) => won.has(entry.key)).map((entry) => [entry.key, entry.owner]));
    },

    /** `adopt` for many keys at once: placeholder → documentId. */
    adoptMany: (moves: Array<{ from: string; to: string }>) => claims().transferOwners(moves),

    /** After the create: the key now belongs to the article. */
    adopt: (key: string, placeholder: string, documentId: string) => claims().takeOver(SCOPE, key, placeholder, documentId),

    /** After a failed create: another import may try the key. */
    release: (key: string, placeholder: string) => claims().release(SCOPE, key, placeholder),
  };
};

export type ImportKeys = ReturnType<typeof createImportKeys>;
