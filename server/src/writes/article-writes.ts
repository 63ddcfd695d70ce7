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
 * - Localized articles (SPEC 12): each write is for one locale (`locale`, null when
 *   articles are not localized). The rules hold per locale: each locale's version has
 *   its own slug (unique within the locale, frozen after that locale's first
 *   publication), excerpt and counts; its language is its locale. A write to a locale
 *   the document does not have yet adds a translation, checked like a new article.
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
import { languageOfLocale } from '../core/localization';
import { createArticleRepository, type StoredVersion } from '../repositories/articles';
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
  /** Derived values stored rows hold wrongly (written around the rules), put right in the write's transaction. */
  repairs: Array<{ rowId: number; changes: Record<string, unknown> }>;
  /** The locale written (SPEC 12): null when articles are not localized, `'*'` for every locale (publish). */
  locale: string | null;
}

const newArticleWrite = (data: Record<string, unknown>, placeholder: string, locale: string | null): PreparedWrite => ({
  data,
  placeholder,
  documentId: null,
  claimed: null,
  releases: null,
  locks: false,
  repairs: [],
  locale,
});

const existingArticleWrite = (documentId: string, fields: Partial<PreparedWrite>): PreparedWrite => ({
  data: {},
  placeholder: null,
  documentId,
  claimed: null,
  releases: null,
  locks: false,
  repairs: [],
  locale: null,
  ...fields,
});

/** A locale's slug claims: one locale's (null when not localized); `'*'` means all of them. */
const slugLocale = (locale: string | null) => (locale === '*' ? null : locale);

/** The write's data with the language of its locale: a localized article's language is its locale. */
const withLocaleLanguage = (input: Record<string, unknown>, locale: string | null) =>
  locale === null || locale === '*' ? input : { ...input, language: languageOfLocale(locale) };

/** Shared (non-localized) fields of an existing translation, for a new one that does not send them. */
const sharedFrom = (row: StoredVersion | undefined): Record<string, unknown> =>
  row ? { documentDate: row.documentDate, source: row.source, sourceUrl: row.sourceUrl } : {};

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
  async function claimSlug(data: Record<string, unknown>, options: { publish: boolean; typedSlug?: string | null; locale: string | null }) {
    const placeholder = claims().placeholder();
    const slug = await slugs().forCreate({
      title: data.title as string,
      typedSlug: options.typedSlug === undefined ? typedSlug(data) : options.typedSlug,
      owner: placeholder,
      publish: options.publish,
      locale: options.locale,
    });
    return newArticleWrite({ ...data, slug }, placeholder, options.locale);
  }

  async function settle(prepared: PreparedWrite, documentId: string): Promise<void> {
    if (prepared.placeholder) await claims().handOver([{ from: prepared.placeholder, to: documentId }]);
    if (prepared.releases) await slugs().release(prepared.releases, documentId, prepared.locale);
    if (prepared.locks) await slugs().lock(documentId, slugLocale(prepared.locale));
  }

  async function abandon(prepared: PreparedWrite): Promise<void> {
    if (prepared.placeholder) await claims().releaseOwner(prepared.placeholder);
    if (prepared.claimed && prepared.documentId) await slugs().release(prepared.claimed, prepared.documentId, prepared.locale);
  }

  /**
   * A translation: a locale the document does not have yet, checked and derived like a
   * new article (the shared fields from an existing translation unless sent), with a
   * slug of its own in that locale, claimed for the document.
   */
  async function prepareTranslation(
    documentId: string,
    locale: string,
    input: Record<string, unknown>,
    options: { publish: boolean; existing: StoredVersion }
  ): Promise<PreparedWrite> {
    const sent = { ...sharedFrom(options.existing), ...withLocaleLanguage(input, locale) };
    const data = { ...sent, ...valid(deriveNewArticle({ data: sent, settings: await settings().get(), now: new Date(), publish: options.publish })) };
    const slug = await slugs().forCreate({ title: data.title as string, typedSlug: typedSlug(data), owner: documentId, publish: options.publish, locale });
    return existingArticleWrite(documentId, { data: { ...data, slug }, claimed: slug, locks: options.publish, locale });
  }

  return {
    /** A create (and create and publish): every field derived and checked, a slug of its own. */
    async prepareCreate(input: Record<string, unknown>, options: { publish: boolean; locale: string | null }): Promise<PreparedWrite> {
      const sent = withLocaleLanguage(input, options.locale);
      const data = { ...sent, ...valid(deriveNewArticle({ data: sent, settings: await settings().get(), now: new Date(), publish: options.publish })) };
      return claimSlug(data, options);
    },

    /**
     * New articles whose fields are derived already (the importer's, by the same rules,
     * core/import/article-data.ts), without typed slugs: the plain slugs that are free
     * in one go, the others one by one.
     */
    async prepareCreateMany(
      items: Array<Record<string, unknown>>,
      options: { publish: boolean; locales?: ReadonlyArray<string | null> }
    ): Promise<PreparedWrite[]> {
      const owners = items.map(() => claims().placeholder());
      const localeOf = (i: number) => options.locales?.[i] ?? null;
      const plain = await slugs().forCreateMany(
        items.map((data, i) => ({ title: data.title as string, owner: owners[i], locale: localeOf(i) })),
        options
      );
      const prepared: PreparedWrite[] = [];
      try {
        for (const [i, data] of items.entries()) {
          const slug = plain[i];
          prepared.push(
            slug !== null
              ? newArticleWrite({ ...data, slug }, owners[i], localeOf(i))
              : await claimSlug(data, { publish: options.publish, typedSlug: null, locale: localeOf(i) })
          );
        }
      } catch (error) {
        await claims().releaseOwners([...owners, ...prepared.flatMap((item) => (item.placeholder ? [item.placeholder] : []))]);
        throw error;
      }
      return prepared;
    },

    /** A clone is a new article: the source draft with the overrides, every field checked and derived, a slug of its own. */
    async prepareClone(sourceDocumentId: string, input: Record<string, unknown>, locale: string | null): Promise<PreparedWrite | null> {
      const { draft: source } = await articles.findVersions(sourceDocumentId, slugLocale(locale));
      if (!source) return null;
      const overrides = withLocaleLanguage(input, locale);
      const data = { ...overrides, ...valid(deriveCloneFields({ source, overrides, settings: await settings().get(), now: new Date() })) };
      // The source's slug copied back by a form is not one the editor chose.
      const typed = typedSlug(overrides) === source.slug ? null : typedSlug(overrides);
      return claimSlug(data, { publish: false, typedSlug: typed, locale: slugLocale(locale) });
    },

    /**
     * An update of the data sent (partial data too); with `publish`, the draft as it
     * will be stored must be publishable. Null when the article does not exist (Strapi
     * answers "not found" itself).
     */
    async prepareUpdate(
      documentId: string,
      sent: Record<string, unknown>,
      options: { publish: boolean; locale: string | null }
    ): Promise<PreparedWrite | null> {
      const { locale } = options;
      const { draft, published } = await articles.findVersions(documentId, slugLocale(locale));
      const previous = draft ?? published;
      if (!previous) {
        const existing = locale !== null && locale !== '*' ? (await articles.findAllVersions(documentId))[0] : undefined;
        return existing && locale ? prepareTranslation(documentId, locale, sent, { publish: options.publish, existing }) : null;
      }
      const input = withLocaleLanguage(sent, locale);
      const current = await settings().get();
      const data = { ...input, ...valid(deriveArticleFields({ data: input, previous, settings: current, now: new Date() })) };
      const title = (data.title as string | undefined) ?? previous.title ?? '';
      const decision = await slugs().forUpdate({
        documentId,
        current: previous.slug,
        title,
        titleChanged: data.title !== undefined && data.title !== previous.title,
        typedSlug: typedSlug(data),
        locale: slugLocale(locale),
      });
      data.slug = decision.slug ?? previous.slug;
      const prepared = existingArticleWrite(documentId, {
        data,
        claimed: decision.slug,
        releases: decision.release,
        locks: options.publish,
        locale: slugLocale(locale),
      });
      try {
        if (options.publish) Object.assign(data, checked(mergeArticle(previous, data), current, { publishing: true }));
      } catch (error) {
        await abandon(prepared);
        throw error;
      }
      return prepared;
    },

    /** Strapi publishes the stored draft as it is (bulk publish never updates first): all of it is checked. */
    async preparePublish(documentId: string, locale: string | null): Promise<PreparedWrite> {
      // Every locale at once (`'*'`): each locale's draft is checked.
      const drafts =
        locale === '*'
          ? (await articles.findAllVersions(documentId)).filter((row) => row.publishedAt === null)
          : [(await articles.findVersions(documentId, locale)).draft].filter((row): row is StoredVersion => row !== null);
      const current = await settings().get();
      const repairs = drafts.flatMap((draft) => {
        const changes = checked(draft, current, { publishing: true });
        return Object.keys(changes).length > 0 ? [{ rowId: draft.id, changes }] : [];
      });
      return existingArticleWrite(documentId, { locks: true, repairs, locale });
    },

    /**
     * The new draft is a copy of the published version: a row that breaks the rules
     * is refused. Its language is checked as a code only, like any field an action
     * does not write: a later change of the `languages` setting must not stop an
     * editor from discarding a draft.
     */
    async checkDiscard(documentId: string, locale: string | null): Promise<void> {
      const { published } = await articles.findVersions(documentId, slugLocale(locale));
      if (published) checked(published, { ...(await settings().get()), languages: [] }, { publishing: false });
    },

    /** Runs the write (`next()` of a middleware, say) with the bookkeeping of `prepared` in its transaction. */
    commit<T>(prepared: PreparedWrite, write: () => Promise<T>): Promise<T> {
      return claims().withinWrite(
        async () => {
          for (const repair of prepared.repairs) await direct.updateRows([repair.rowId], () => articles.repair(repair.rowId, repair.changes));
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
    async afterDelete(documentId: string, locale: string | null): Promise<void> {
      const { draft, published } = await articles.findVersions(documentId);
      if (!draft && !published) return claims().releaseOwner(documentId);
      // One locale deleted (SPEC 12): its slug goes, the document's other claims stay.
      const gone = locale !== null && locale !== '*' ? await articles.findVersions(documentId, locale) : null;
      if (gone && locale && !gone.draft && !gone.published) await slugs().releaseLocale(documentId, locale);
    },
  };
};

export type ArticleWrites = ReturnType<typeof createArticleWrites>;
