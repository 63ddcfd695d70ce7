/**
 * The Newsroom page and the snippet preview panel (SPEC 7) under the admin API:
 * - `GET /newsroom/snippets`: the snippet list with the content API's query rules;
 * - `GET /newsroom/filters`: the categories and languages the page's filters offer;
 * - `GET /newsroom/articles/:documentId/preview`: one article as the snippet endpoint
 *   serves it, or, while it is not published, as it would serve the draft. It answers
 *   as the Content Manager's own findOne does: its permission checker decides, with the
 *   role's conditions ("is creator") tested on the document (403) and the fields the
 *   role may not read left out. Localized articles (SPEC 12): the version in `?locale=`
 *   (the default locale without it; 400 for a locale that is not configured), with the
 *   article's other locales the role may read, for the panel's list of translations.
 * The list and the filters show what frontends see (published snippets): they need the
 * Newsroom read permission only, no per-document condition (README, Permissions).
 * Thin: the snippets service and the snippet-response rules do the work.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { ARTICLE_UID } from '../constants';
import { parseSnippetQuery } from '../core/snippet-query';
import { compareCategories, toSnippet, type Snippet, type SnippetCategory, type SnippetRow } from '../core/snippet-response';
import { createArticleRepository } from '../repositories/articles';
import { createCategoryRepository } from '../repositories/categories';
import { contentManagerPermissions, type ContentManagerPermissions, type UserAbility } from '../content-manager/permissions';
import { translationsOf } from '../core/article-translations';
import { isLocalized, localeChoices, requestedLocale } from '../localization';
import { getService } from '../utils/get-service';

// The answers' shapes are contracts the admin panel reads too.
import type { ArticlePreview, ArticleTranslation, SnippetFilterOptions } from '../../../shared/contracts/snippets';

export type { ArticlePreview, SnippetFilterOptions } from '../../../shared/contracts/snippets';

type ArticleDocument = SnippetRow &
  Record<string, unknown> & { updatedAt?: unknown; categories?: Array<{ name?: unknown; slug?: unknown }> };

/** Snippet fields that are article attributes of the same name (documentId is always readable). */
const SNIPPET_FIELDS = [
  'slug',
  'title',
  'excerpt',
  'language',
  'documentDate',
  'sourcePublishedDate',
  'source',
  'sourceUrl',
  'readingTime',
  'categories',
] as const satisfies ReadonlyArray<keyof Snippet>;

/** The snippet without the fields missing from `readable` (the version as the role may read it). */
function withReadableFields(snippet: Snippet, readable: Record<string, unknown>): ArticlePreview['data'] & { hidden: Array<keyof Snippet> } {
  const hidden = SNIPPET_FIELDS.filter((field) => !(field in readable));
  const data: Partial<Snippet> & { documentId: string } = { ...snippet };
  for (const field of hidden) delete data[field];
  return Object.assign(data, { hidden });
}

const categoriesOf = (document: ArticleDocument): SnippetCategory[] =>
  (document.categories ?? [])
    .flatMap((category) =>
      typeof category.name === 'string' && typeof category.slug === 'string' ? [{ name: category.name, slug: category.slug }] : []
    )
    .sort(compareCategories);

const timeOf = (value: unknown) => (typeof value === 'string' || value instanceof Date ? new Date(value).getTime() : 0);

const adminSnippets = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService(strapi, 'settings');
  const snippets = () => getService(strapi, 'snippets');
  const articles = createArticleRepository(strapi);
  const categories = createCategoryRepository(strapi);

  // The creator fields as the Content Manager populates them: conditions such as "is creator" test them.
  const findArticle = (documentId: string, status: 'draft' | 'published', locale: string | null) =>
    strapi.documents(ARTICLE_UID).findOne({
      documentId,
      status,
      ...(locale === null ? {} : { locale }),
      populate: { categories: { fields: ['name', 'slug'] }, createdBy: true, updatedBy: true },
    }) as Promise<ArticleDocument | null>;

  /** The article's other locales the role may read (each version, as the Content Manager checks), without unreadable fields. */
  async function translationsFor(permissions: ContentManagerPermissions, documentId: string, locale: string): Promise<ArticleTranslation[]> {
    const entries = translationsOf(await articles.findLocaleVersions(documentId), locale);
    const readable = entries.filter((entry) => entry.versions.every((version) => !permissions.cannot.read(version as unknown as Record<string, unknown>)));
    return Promise.all(
      readable.map(async ({ locale: code, shown, status }) => {
        const fields = await permissions.sanitizeOutput(shown as unknown as Record<string, unknown>);
        const text = (name: 'title' | 'slug') => (typeof fields[name] === 'string' ? (fields[name] as string) : null);
        return { locale: code, title: text('title'), slug: text('slug'), status };
      })
    );
  }

  return {
    async find(ctx: Context) {
      const current = await settings().get();
      const raw = ctx.query as Record<string, unknown>;
      // Localized (SPEC 12): every locale unless `locale` (or `language`) picks one; each row shows its locale.
      const picks = raw.locale !== undefined || raw.language !== undefined;
      const scoped = isLocalized(strapi) && picks ? await requestedLocale(strapi, raw, current) : null;
      const parsed = parseSnippetQuery(scoped?.rest ?? raw, current);
      if (!parsed.ok) throw new errors.ValidationError(parsed.message, { parameter: parsed.parameter });
      // Uncached on purpose: an editor who just published expects to see the article.
      ctx.body = await snippets().list(parsed.query, scoped?.locale ?? (isLocalized(strapi) ? '*' : null));
    },

    async filters(ctx: Context) {
      const named = (await categories.all()).flatMap(({ name, slug }): SnippetCategory[] => (slug ? [{ name, slug }] : []));
      const languages = new Set([...(await articles.publishedLanguages()), ...(await settings().get()).languages]);
      const data: SnippetFilterOptions = {
        categories: named.sort(compareCategories),
        languages: [...languages].sort(),
      };
      if (isLocalized(strapi)) data.locales = await localeChoices(strapi);
      ctx.body = { data };
    },

    async preview(ctx: Context) {
      const documentId = String(ctx.params.documentId);
      const permissions = contentManagerPermissions(strapi, (ctx.state as { userAbility: UserAbility }).userAbility, ARTICLE_UID);
      if (permissions.cannot.read()) throw new errors.ForbiddenError();
      // Localized (SPEC 12): the locale being edited (`locale`, a configured one: 400 otherwise), else the default locale.
      const raw = ctx.query as Record<string, unknown>;
      const locale = isLocalized(strapi)
        ? (await requestedLocale(strapi, raw.locale === undefined ? {} : { locale: raw.locale }, await settings().get())).locale
        : null;
      const [draft, published] = await Promise.all([findArticle(documentId, 'draft', locale), findArticle(documentId, 'published', locale)]);
      if (!draft && !published) {
        throw new errors.NotFoundError(locale === null ? 'No article has this documentId' : `No article has this documentId in the locale "${locale}"`);
      }
      // The preview shows both versions (one, and whether the other differs): each must be readable (locale conditions too).
      for (const version of [draft, published]) {
        if (version && permissions.cannot.read(version)) throw new errors.ForbiddenError();
      }
      // Published: exactly what the endpoint serves, read the way it reads it.
      const served = published && typeof published.slug === 'string' ? await snippets().get(published.slug, locale) : null;
      const shown = (served ? published : draft ?? published) as ArticleDocument;
      const { hidden, ...data } = withReadableFields(
        served ?? toSnippet(shown, categoriesOf(shown)),
        await permissions.sanitizeOutput(shown)
      );
      const answer: ArticlePreview = {
        data,
        meta: {
          published: served !== null,
          hasDraftChanges: served !== null && draft !== null && timeOf(draft.updatedAt) > timeOf(published?.updatedAt),
          hiddenFields: hidden,
        },
      };
      if (locale !== null) {
        answer.meta.locale = locale;
        answer.meta.translations = await translationsFor(permissions, documentId, locale);
      }
      ctx.body = answer;
    },
  };
};

export default adminSnippets;
