/**
 * Public links of articles (SPEC 5, 10): the `articleUrl` template filled in for one
 * article. The template grammar and the encoding rules are shared with the admin's settings
 * form (shared/validation/article-url.ts); here each placeholder gets its value:
 *
 * - `{category}`: the slug of the article's first category by name (as snippets sort them),
 *   empty for an article without one (the empty segment is dropped, never a `//`);
 * - `{yyyy}`, `{mm}`, `{dd}`: the `documentDate` in UTC;
 * - `{language}`: the article's language code, empty when it has none.
 */
import {
  ARTICLE_URL_PLACEHOLDERS,
  parseArticleUrlTemplate,
  renderArticleUrl,
  type ArticleUrlPlaceholder,
  type ArticleUrlValues,
  type TemplatePart,
} from '../../../shared/validation/article-url';
import { compareCategories } from './snippet-response';

export interface LinkedArticle {
  documentId: string;
  slug: string;
  language: string | null;
  /** ISO 8601, as snippets carry it; null when the row has none. */
  documentDate: string | null;
  categories: ReadonlyArray<{ name: string; slug: string }>;
}

export type ArticleUrlBuilder = (article: LinkedArticle) => string;

const pad = (n: number) => String(n).padStart(2, '0');

/** The placeholder values of one article; only those in `needed` are computed (a sitemap builds 50,000 links a request). */
export function articleUrlValues(
  siteUrl: string,
  article: LinkedArticle,
  needed: ReadonlySet<ArticleUrlPlaceholder> = ALL_PLACEHOLDERS
): ArticleUrlValues {
  const dated = needed.has('yyyy') || needed.has('mm') || needed.has('dd');
  const date = dated && article.documentDate !== null ? new Date(article.documentDate) : null;
  const valid = date !== null && !Number.isNaN(date.getTime());
  const first = needed.has('category') ? [...article.categories].sort(compareCategories)[0] : undefined;
  return {
    siteUrl,
    slug: article.slug,
    documentId: article.documentId,
    language: article.language ?? '',
    category: first?.slug ?? '',
    yyyy: valid ? String(date.getUTCFullYear()).padStart(4, '0') : '',
    mm: valid ? pad(date.getUTCMonth() + 1) : '',
    dd: valid ? pad(date.getUTCDate()) : '',
  };
}

const ALL_PLACEHOLDERS: ReadonlySet<ArticleUrlPlaceholder> = new Set(ARTICLE_URL_PLACEHOLDERS);

/**
 * A function giving each article its link. The template is parsed once; settings are
 * validated before they are stored, so a template that does not parse here is a bug.
 */
export function createArticleUrlBuilder(siteUrl: string, template: string): ArticleUrlBuilder {
  const parsed = parseArticleUrlTemplate(template);
  if (!parsed.ok) throw new Error(`newsroom: the articleUrl setting ${parsed.message}`);
  const parts: TemplatePart[] = parsed.parts;
  const needed = new Set(parts.flatMap((part) => ('placeholder' in part ? [part.placeholder] : [])));
  return (article) => renderArticleUrl(parts, articleUrlValues(siteUrl, article, needed));
}
