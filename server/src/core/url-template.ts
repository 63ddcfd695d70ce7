/**
 * Renders URL and path templates (SPEC 5 `articleUrl`, SPEC 10 article links, SPEC 11
 * revalidation paths): `/news/{yyyy}/{slug}` with an article's values gives
 * `/news/2026/budget-passes`. The grammar, the encoding and the checks are shared with the
 * admin's form (shared/validation/url-template.ts); here each placeholder gets its value:
 *
 * - `{category}`: the slug of the article's first category by name (as snippets sort them);
 * - `{yyyy}`, `{mm}`, `{dd}`: the `documentDate` in UTC;
 * - `{language}`: the article's language code.
 *
 * An article link (`articleUrl`) leaves out a segment whose value is missing; a revalidation
 * path with a missing value is not sent at all. Pure: no Strapi import.
 */
import {
  URL_PLACEHOLDERS,
  fillTemplate,
  renderArticleUrl,
  scanTemplate,
  type UrlValues,
} from '../../../shared/validation/url-template';
import { compareCategories } from './snippet-response';

export {
  ARTICLE_PLACEHOLDERS,
  SITE_URL_PLACEHOLDER,
  URL_PLACEHOLDERS,
  scanTemplate,
  type ArticlePlaceholder,
} from '../../../shared/validation/url-template';

/** `{yyyy}`, `{mm}`, `{dd}` of a `documentDate`, in UTC; null without a valid date. */
function dateValues(documentDate: string | null): { yyyy: string; mm: string; dd: string } | null {
  const date = documentDate === null ? null : new Date(documentDate);
  if (date === null || Number.isNaN(date.getTime())) return null;
  return {
    yyyy: String(date.getUTCFullYear()).padStart(4, '0'),
    mm: String(date.getUTCMonth() + 1).padStart(2, '0'),
    dd: String(date.getUTCDate()).padStart(2, '0'),
  };
}

/** The values of one article for a revalidation path (SPEC 11). */
export interface ArticleUrlValues {
  slug: string;
  documentId: string;
  language: string | null;
  /** Category slugs, in the order of their names. */
  categories: string[];
  /** `documentDate`, whose UTC date gives `{yyyy}`, `{mm}`, `{dd}`. */
  documentDate: string | null;
}

/** Placeholder values of an article; a placeholder without one is left out. */
export function placeholderValues(article: ArticleUrlValues): Record<string, string> {
  const values: Record<string, string> = { slug: article.slug, documentId: article.documentId };
  if (article.language) values.language = article.language;
  if (article.categories.length > 0) values.category = article.categories[0];
  return { ...values, ...dateValues(article.documentDate) };
}

/**
 * The template with `values` filled in; null when the template is not valid for
 * `allowed`, or names a placeholder that has no value here (an article without a
 * category, say): a path with a hole in it would be wrong.
 */
export function renderTemplate(template: string, values: Record<string, string>, allowed: readonly string[] = URL_PLACEHOLDERS): string | null {
  const scan = scanTemplate(template, allowed);
  if (!scan.ok || scan.placeholders.some((name) => !values[name])) return null;
  return fillTemplate(scan.parts, values);
}

/** The placeholders a valid template uses (empty for a plain path or an invalid template). */
export function templatePlaceholders(template: string, allowed: readonly string[] = URL_PLACEHOLDERS): string[] {
  const scan = scanTemplate(template, allowed);
  return scan.ok ? scan.placeholders : [];
}

/** An article as feeds and sitemaps link it (SPEC 5, 10). */
export interface LinkedArticle {
  documentId: string;
  slug: string;
  language: string | null;
  /** ISO 8601, as snippets carry it; null when the row has none. */
  documentDate: string | null;
  categories: ReadonlyArray<{ name: string; slug: string }>;
}

export type ArticleUrlBuilder = (article: LinkedArticle) => string;

const ALL_PLACEHOLDERS: ReadonlySet<string> = new Set(URL_PLACEHOLDERS);

/**
 * The placeholder values of one article's link, empty where it has none; only those in
 * `needed` are computed (a sitemap builds 50,000 links a request).
 */
export function articleUrlValues(siteUrl: string, article: LinkedArticle, needed: ReadonlySet<string> = ALL_PLACEHOLDERS): UrlValues {
  const dated = needed.has('yyyy') || needed.has('mm') || needed.has('dd');
  const date = dated ? dateValues(article.documentDate) : null;
  const first = needed.has('category') ? [...article.categories].sort(compareCategories)[0] : undefined;
  return {
    siteUrl,
    slug: article.slug,
    documentId: article.documentId,
    language: article.language ?? '',
    category: first?.slug ?? '',
    yyyy: date?.yyyy ?? '',
    mm: date?.mm ?? '',
    dd: date?.dd ?? '',
  };
}

/**
 * A function giving each article its link. The template is parsed once; settings are
 * validated before they are stored, so a template that does not parse here is a bug.
 */
export function createArticleUrlBuilder(siteUrl: string, template: string): ArticleUrlBuilder {
  const scan = scanTemplate(template);
  if (!scan.ok) throw new Error(`newsroom: the articleUrl setting ${scan.message}`);
  const { parts } = scan;
  const needed = new Set(scan.placeholders);
  return (article) => renderArticleUrl(parts, articleUrlValues(siteUrl, article, needed));
}
