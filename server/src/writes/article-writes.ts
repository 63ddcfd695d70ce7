/**
 * The article write (SPEC 3): one service for every path that stores an article.
 * The article document middleware (create, update, clone, publish, discard,
 * delete) and the importer (its bulk writer and its one-by-one fallback) call it;
 * nothing else derives article fields or handles article slug claims.
 *
 * - `prepare…` runs the rules once (the pure functions of core/article-fields.ts)
 *   and takes the claims the write needs (services/article-slugs.ts decides which
 *   slug); it throws Strapi's ValidationError naming each field it refuses.
 * - `commit` runs the write with `settle` in its transaction: a new article's slug
 *   claim handed over from its placeholder, an old slug given back, the slug locked
 *   once published. If anything fails nothing of the write stays, and `abandon`
 *   gives back what was claimed for it.
 * - The importer prepares many articles at once (`prepareCreateMany`, `settleMany`)
 *   and, when it writes one through the Document Service after all, hands its
 *   prepared write to the middleware (`handOff`), so the rules do not run again.
 */
import type { Core } from '@strapi/strapi';
import {
  checkStoredArticle,
  deriveArticleFields,
  deriveCloneFields,
  deriveNewArticle,
  mergeArticle,
  type ArticleRow,
  type ArticleSettings,
  type DerivedFields,
} from '../core/article-fields';
import { createArticleRepository } from '../repositories/articles';
import { documentIdOf } from '../utils/document-id';
import { getService } from '../utils/get-service';
import { fieldValidationError } from '../utils/validation-error';
import { typedSlug } from '../services/article-slugs';
import { createDirectWrites } from './direct-writes';

export interface PreparedWrite {
  /** What to store: the caller's fields with the derived ones (slug, excerpt, language, counts). */
  data: Record<string, unknown>;
  /** Owner of a new article's slug claim until its documentId exists. */
  placeholder: string | null;
  /** The article written, when it exists already (update, publish). */
  documentId: string | null;
  /** A slug claimed for this write (an update's new slug): given back if the write fails. */
  claimed: string | null;
  /** The slug claim given up once the write commits (the slug an update replaces). */
  releases: string | null;
  /** This write publishes the article: its slug no longer follows the title (SPEC 3.1). */
  locks: boolean;
  /** Derived values a stored row holds wrongly (written around the rules), put right in the write's transaction. */
  repairs: { rowId: number; changes: Record<string, unknown> } | null;
}

const newArticleWrite = (data: Record<string, unknown>, placeholder: string): PreparedWrite => ({
  data,
  placeholder,
  documentId: null,
  claimed: null,
  releases: null,
  locks: false,
  repairs: null,
});

const existingArticleWrite = (documentId: string, fields: Partial<PreparedWrite>): PreparedWrite => ({
  data: {},
  placeholder: null,
  documentId,
  claimed: null,
  releases: null,
  locks: false,
  repairs: null,
  ...fields,
});

const valid = (result: DerivedFields) => {
  if (!result.ok) throw fieldValidationError(result.errors);
  return result.changes;
};

/** The row's repairs, or a ValidationError naming each field it breaks. */
const checked = (row: ArticleRow, settings: ArticleSettings, options: { publishing: boolean }) => {
  const result = checkStoredArticle(row, settings, options);
  if (!result.ok) throw fieldValidationError(result.errors);
  return result.repairs;
};

/**
 * Carries a write the importer prepared to the article middleware inside the data it
 * gives the Document Service: a symbol key survives the copies other plugins'
 * middlewares may make of the data, and no serialization or validator sees it.
 */
const PREPARED = Symbol('newsroom.preparedArticleWrite');

export const createArticleWrites = (strapi: Core.Strapi) => {
  const settings = () => getService(strapi, 'settings');
  const slugs = () => getService(strapi, 'article-slugs');
  const claims = () => getService(strapi, 'claims');
  const articles = createArticleRepository(strapi);
  const direct = createDirectWrites(strapi);

  /** A new article's slug, claimed under a fresh placeholder, for data already derived. */
  async function claimSlug(data: Record<string, unknown>, options: { publish: boolean; typedSlug?: string | null }) {
    const placeholder = claims().placeholder();
    const slug = await slugs().forCreate({
      title: data.title as string,
      typedSlug: options.typedSlug === undefined ? typedSlug(data) : options.typedSlug,
      owner: placeholder,
      publish: options.publish,
    });
    return newArticleWrite({ ...data, slug }, placeholder);
  }

  async function settle(prepared: PreparedWrite, documentId: string): Promise<void> {
    if (prepared.placeholder) await claims().handOver([{ from: prepared.placeholder, to: documentId }]);
    if (prepared.releases) await slugs().release(prepared.releases, documentId);
    if (prepared.locks) await slugs().lock(documentId);
  }

  async function abandon(prepared: PreparedWrite): Promise<void> {
    if (prepared.placeholder) await claims().releaseOwner(prepared.placeholder);
    if (prepared.claimed && prepared.documentId) await slugs().release(prepared.claimed, prepared.documentId);
  }

  return {
    /** A create (and create and publish): every field derived and checked, a slug of its own. */
    async prepareCreate(input: Record<string, unknown>, options: { publish: boolean }): Promise<PreparedWrite> {
      const data = { ...input, ...valid(deriveNewArticle({ data: input, settings: await settings().get(), now: new Date(), publish: options.publish })) };
      return claimSlug(data, options);
    },

    /**
     * New articles whose fields are derived already (the importer's, by the same rules,
     * core/import/article-data.ts), without typed slugs: the plain slugs that are free
     * in one go, the others one by one.
     */
    async prepareCreateMany(items: Array<Record<string, unknown>>, options: { publish: boolean }): Promise<PreparedWrite[]> {
      const owners = items.map(() => claims().placeholder());
      const plain = await slugs().forCreateMany(
        items.map((data, i) => ({ title: data.title as string, owner: owners[i] })),
        options
      );
      const prepared: PreparedWrite[] = [];
      try {
        for (const [i, data] of items.entries()) {
          const slug = plain[i];
          prepared.push(slug !== null ? newArticleWrite({ ...data, slug }, owners[i]) : await claimSlug(data, { ...options, typedSlug: null }));
        }
      } catch (error) {
        await claims().releaseOwners([...owners, ...prepared.flatMap((item) => (item.placeholder ? [item.placeholder] : []))]);
        throw error;
      }
      return prepared;
    },

    /** A clone is a new article: the source draft with the overrides, every field checked and derived, a slug of its own. */
    async prepareClone(sourceDocumentId: string, overrides: Record<string, unknown>): Promise<PreparedWrite | null> {
      const { draft: source } = await articles.findVersions(sourceDocumentId);
      if (!source) return null;
      const data = { ...overrides, ...valid(deriveCloneFields({ source, overrides, settings: await settings().get(), now: new Date() })) };
      // The source's slug copied back by a form is not one the editor chose.
      const typed = typedSlug(overrides) === source.slug ? null : typedSlug(overrides);
      return claimSlug(data, { publish: false, typedSlug: typed });
    },

    /**
     * An update of the data sent (partial data too); with `publish`, the draft as it
     * will be stored must be publishable. Null when the article does not exist (Strapi
     * answers "not found" itself).
     */
    async prepareUpdate(documentId: string, input: Record<string, unknown>, options: { publish: boolean }): Promise<PreparedWrite | null> {
      const { draft, published } = await articles.findVersions(documentId);
      const previous = draft ?? published;
      if (!previous) return null;
      const current = await settings().get();
      const data = { ...input, ...valid(deriveArticleFields({ data: input, previous, settings: current, now: new Date() })) };
      const title = (data.title as string | undefined) ?? previous.title ?? '';
      const decision = await slugs().forUpdate({
        documentId,
        current: previous.slug,
        title,
        titleChanged: data.title !== undefined && data.title !== previous.title,
        typedSlug: typedSlug(data),
      });
      data.slug = decision.slug ?? previous.slug;
      const prepared = existingArticleWrite(documentId, { data, claimed: decision.slug, releases: decision.release, locks: options.publish });
      try {
        if (options.publish) Object.assign(data, checked(mergeArticle(previous, data), current, { publishing: true }));
      } catch (error) {
        await abandon(prepared);
        throw error;
      }
      return prepared;
    },

    /** Strapi publishes the stored draft as it is (bulk publish never updates first): all of it is checked. */
    async preparePublish(documentId: string): Promise<PreparedWrite> {
      const { draft } = await articles.findVersions(documentId);
      if (!draft) return existingArticleWrite(documentId, { locks: true });
      const repairs = checked(draft, await settings().get(), { publishing: true });
      return existingArticleWrite(documentId, {
        locks: true,
        repairs: Object.keys(repairs).length > 0 ? { rowId: draft.id, changes: repairs } : null,
      });
    },

    /**
     * The new draft is a copy of the published version: a row that breaks the rules
     * is refused. Its language is checked as a code only, like any field an action
     * does not write: a later change of the `languages` setting must not stop an
     * editor from discarding a draft.
     */
    async checkDiscard(documentId: string): Promise<void> {
      const { published } = await articles.findVersions(documentId);
      if (published) checked(published, { ...(await settings().get()), languages: [] }, { publishing: false });
    },

    /** Runs the write (`next()` of a middleware, say) with the bookkeeping of `prepared` in its transaction. */
    commit<T>(prepared: PreparedWrite, write: () => Promise<T>): Promise<T> {
      return claims().withinWrite(
        async () => {
          const { repairs } = prepared;
          if (repairs) await direct.updateRows([repairs.rowId], () => articles.repair(repairs.rowId, repairs.changes));
          return write();
        },
        {
          settle: async (result) => {
            const documentId = documentIdOf(result) ?? prepared.documentId;
            if (documentId) await settle(prepared, documentId);
          },
          abandon: () => abandon(prepared),
        }
      );
    },

    /** `settle` for many new articles at once (the bulk writer); how many slug claims were handed over. */
    settleMany: (prepared: PreparedWrite[], documentIds: string[]) =>
      claims().handOver(prepared.flatMap((item, i) => (item.placeholder ? [{ from: item.placeholder, to: documentIds[i] }] : []))),

    abandon,

    /** The data to give the Document Service for a prepared create: the middleware then writes it as prepared. */
    handOff(prepared: PreparedWrite): Record<string, unknown> {
      return { ...prepared.data, [PREPARED]: prepared };
    },

    /** The prepared write handed off in this data, with the data as it reached the middleware; null for any other data. */
    takeHandedOff(data: Record<string, unknown> | undefined): PreparedWrite | null {
      const prepared = (data as { [PREPARED]?: PreparedWrite } | undefined)?.[PREPARED];
      if (!data || !prepared) return null;
      const { [PREPARED]: _carried, ...rest } = data as Record<string | symbol, unknown>;
      return { ...prepared, data: rest as Record<string, unknown> };
    },

    /** After a delete: the slug (and any import key) goes once no version of the article is left. */
    async afterDelete(documentId: string): Promise<void> {
      const { draft, published } = await articles.findVersions(documentId);
      if (!draft && !published) await claims().releaseOwner(documentId);
    },
  };
};

export type ArticleWrites = ReturnType<typeof createArticleWrites>;
