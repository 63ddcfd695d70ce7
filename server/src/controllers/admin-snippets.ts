/**
 * The Newsroom page and the snippet preview panel (SPEC 7) under the admin API:
 * - `GET /newsroom/snippets`: the snippet list with the content API's query rules;
 * - `GET /newsroom/filters`: the categories and languages the page's filters offer;
 * - `GET /newsroom/articles/:documentId/preview`: one article as the snippet endpoint
 *   serves it, or, while it is not published, as it would serve the draft.
 * Thin: the snippets service and the snippet-response rules do the work.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { ARTICLE_UID, CATEGORY_UID, PLUGIN_ID } from '../constants';
import { parseSnippetQuery } from '../core/snippet-query';
import { compareCategories, toSnippet, type Snippet, type SnippetCategory, type SnippetRow } from '../core/snippet-response';
import { resolveSnippetTables } from '../repositories/snippet-tables';
import type { SettingsService } from '../services/settings';
import type { SnippetsService } from '../services/snippets';

// The answers' shapes are contracts the admin panel reads too.
import type { ArticlePreview, SnippetFilterOptions } from '../../../shared/contracts/snippets';

export type { ArticlePreview, SnippetFilterOptions } from '../../../shared/contracts/snippets';

type ArticleDocument = SnippetRow & { updatedAt?: unknown; categories?: Array<{ name?: unknown; slug?: unknown }> };

const categoriesOf = (document: ArticleDocument): SnippetCategory[] =>
  (document.categories ?? [])
    .flatMap((category) =>
      typeof category.name === 'string' && typeof category.slug === 'string' ? [{ name: category.name, slug: category.slug }] : []
    )
    .sort(compareCategories);

const timeOf = (value: unknown) => (typeof value === 'string' || value instanceof Date ? new Date(value).getTime() : 0);

const adminSnippets = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.plugin(PLUGIN_ID).service('settings') as SettingsService;
  const snippets = () => strapi.plugin(PLUGIN_ID).service('snippets') as SnippetsService;

  const findArticle = (documentId: string, status: 'draft' | 'published') =>
    strapi.documents(ARTICLE_UID).findOne({
      documentId,
      status,
      populate: { categories: { fields: ['name', 'slug'] } },
    }) as Promise<ArticleDocument | null>;

  return {
    async find(ctx: Context) {
      const parsed = parseSnippetQuery(ctx.query as Record<string, unknown>, await settings().get());
      if (!parsed.ok) throw new errors.ValidationError(parsed.message, { parameter: parsed.parameter });
      // Uncached on purpose: an editor who just published expects to see the article.
      ctx.body = await snippets().list(parsed.query);
    },

    async filters(ctx: Context) {
      const categories = (await strapi.db.query(CATEGORY_UID).findMany({ select: ['name', 'slug'] })) as SnippetCategory[];
      const tables = resolveSnippetTables(strapi);
      const language = tables.articleColumns.language;
      const rows = (await strapi.db
        .connection(tables.articles)
        .distinct(language)
        .whereNotNull(tables.articleColumns.publishedAt)
        .whereNotNull(language)) as Array<Record<string, unknown>>;
      const languages = new Set([...rows.map((row) => String(row[language])), ...(await settings().get()).languages]);
      const data: SnippetFilterOptions = {
        categories: categories.filter((category) => category.slug).sort(compareCategories),
        languages: [...languages].sort(),
      };
      ctx.body = { data };
    },

    async preview(ctx: Context) {
      const documentId = String(ctx.params.documentId);
      const [draft, published] = await Promise.all([findArticle(documentId, 'draft'), findArticle(documentId, 'published')]);
      if (!draft && !published) throw new errors.NotFoundError('No article has this documentId');
      // Published: exactly what the endpoint serves, read the way it reads it.
      const served = published && typeof published.slug === 'string' ? await snippets().get(published.slug) : null;
      const answer: ArticlePreview = served
        ? {
            data: served,
            meta: { published: true, hasDraftChanges: draft !== null && timeOf(draft.updatedAt) > timeOf(published?.updatedAt) },
          }
        : {
            data: toSnippet((draft ?? published) as ArticleDocument, categoriesOf((draft ?? published) as ArticleDocument)),
            meta: { published: false, hasDraftChanges: false },
          };
      ctx.body = answer;
    },
  };
};

export default adminSnippets;
