/**
 * Renders URL and path templates (SPEC 5 `articleUrl`, SPEC 11 revalidation paths):
 * `/news/{yyyy}/{slug}` with an article's values gives `/news/2026/budget-passes`.
 * The grammar (which braces are placeholders) is shared with the admin's form
 * (shared/validation/url-template.ts). Pure: no Strapi import.
 */
import { SITE_URL_PLACEHOLDER, URL_PLACEHOLDERS, scanTemplate, type TemplatePart } from '../../../shared/validation/url-template';
import { trimEndWhere } from './text-scan';

const SLASH = 0x2f;

export {
  ARTICLE_PLACEHOLDERS,
  SITE_URL_PLACEHOLDER,
  URL_PLACEHOLDERS,
  scanTemplate,
  type ArticlePlaceholder,
} from '../../../shared/validation/url-template';

/** The values of one article (SPEC 5): `category` is its first category's slug by name. */
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
  const date = article.documentDate === null ? null : new Date(article.documentDate);
  if (date && !Number.isNaN(date.getTime())) {
    values.yyyy = String(date.getUTCFullYear()).padStart(4, '0');
    values.mm = String(date.getUTCMonth() + 1).padStart(2, '0');
    values.dd = String(date.getUTCDate()).padStart(2, '0');
  }
  return values;
}

/**
 * Each value percent-encoded as one path segment, so no value can add a `/`, `?` or `#` of
 * its own; `{siteUrl}` is an address, inserted as it is without a trailing slash.
 */
function renderParts(parts: TemplatePart[], values: Record<string, string>): string | null {
  let out = '';
  for (const part of parts) {
    if ('text' in part) {
      out += part.text;
      continue;
    }
    const value = values[part.placeholder];
    if (value === undefined || value === '') return null;
    out += part.placeholder === SITE_URL_PLACEHOLDER ? trimEndWhere(value, (code) => code === SLASH) : encodeURIComponent(value);
  }
  return out;
}

/**
 * The template with `values` filled in; null when the template is not valid for
 * `allowed`, or names a placeholder that has no value here (an article without a
 * category, say): a link with a hole in it would be broken.
 */
export function renderTemplate(template: string, values: Record<string, string>, allowed: readonly string[] = URL_PLACEHOLDERS): string | null {
  const scan = scanTemplate(template, allowed);
  return scan.ok ? renderParts(scan.parts, values) : null;
}

/** The placeholders a valid template uses (empty for a plain path or an invalid template). */
export function templatePlaceholders(template: string, allowed: readonly string[] = URL_PLACEHOLDERS): string[] {
  const scan = scanTemplate(template, allowed);
  return scan.ok ? scan.placeholders : [];
}
