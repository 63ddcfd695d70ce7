/**
 * Field-level permissions on import. An admin role may be refused some article
 * fields on create (Settings → Roles → Article → Create → fields); the Content
 * Manager then drops those fields from what the editor sends
 * (`sanitizeCreateInput`) and saves the rest. The importer does the same, and
 * says so in the answer: a warning names each field it left out. A document
 * without a title or a body is no article, so a role that may not set those
 * cannot import it: the document is `invalid`, naming the field.
 */
import type { ArticleSettings } from '../article-fields';
import type { ParsedArticle } from '../document-parser';
import { checkArticle } from './article-data';
import type { ImportIssue } from './result';

/** The article attributes an import sets, as the Content Manager names them. */
export const ARTICLE_INPUT_FIELDS = [
  'title',
  'body',
  'language',
  'documentDate',
  'sourcePublishedDate',
  'source',
  'sourceUrl',
  'categories',
] as const;

export type ArticleInputField = (typeof ARTICLE_INPUT_FIELDS)[number];

const REQUIRED: ReadonlySet<ArticleInputField> = new Set(['title', 'body']);

/** The fields a document gives a value: only those can be dropped. */
function presentFields(article: ParsedArticle): ArticleInputField[] {
  return ARTICLE_INPUT_FIELDS.filter((field) => (field === 'categories' ? article.categories.length > 0 : article[field] !== null));
}

export type RestrictedArticle =
  | { ok: true; article: ParsedArticle; language: string | null; data: Record<string, unknown>; warnings: ImportIssue[] }
  | { ok: false; problems: ImportIssue[] };

/**
 * The document as the actor may create it: each forbidden optional field left
 * empty (the article rules then apply their defaults: `defaultLanguage`, the
 * moment of creation), with a warning at the document's title line. The article
 * rules run on what is left (instead of on the whole document: once a document).
 * Null when the actor may set every field the document gives.
 */
export function restrictArticle(input: {
  article: ParsedArticle;
  startLine: number;
  forbidden: ReadonlySet<ArticleInputField>;
  settings: ArticleSettings;
  publish: boolean;
}): RestrictedArticle | null {
  const { article, startLine, forbidden } = input;
  const dropped = presentFields(article).filter((field) => forbidden.has(field));
  if (dropped.length === 0) return null;
  const required = dropped.filter((field) => REQUIRED.has(field));
  if (required.length > 0) {
    return {
      ok: false,
      problems: required.map((field) => ({
        line: startLine,
        message: `your role may not set the article field "${field}" (Content Manager field permissions), and every imported article needs it`,
      })),
    };
  }
  const restricted: ParsedArticle = { ...article };
  for (const field of dropped) {
    if (field === 'categories') restricted.categories = [];
    else if (field !== 'title' && field !== 'body') restricted[field] = null;
  }
  const checked = checkArticle({ article: restricted, startLine, settings: input.settings, publish: input.publish });
  if (checked.data === null) return { ok: false, problems: checked.problems };
  return {
    ok: true,
    article: restricted,
    language: checked.language,
    data: checked.data,
    warnings: dropped.map((field) => ({
      line: startLine,
      message: `the article field "${field}" was not imported: your role may not set it (Content Manager field permissions)`,
    })),
  };
}
