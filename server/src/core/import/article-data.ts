/**
 * A parsed document as Document Service data, and the article rules checked
 * before any write. The rules are the same pure functions the article middleware
 * runs (SPEC 3), called early so that a document breaking them is reported as
 * `invalid` without a failed write, and in a preview without any write.
 */
import { deriveArticleFields, publishErrors, type ArticleSettings } from '../article-fields';
import type { ParsedArticle } from '../document-parser';
import type { ImportIssue } from './result';

/** Fields without a value are left out, so the middleware applies its defaults (language, document date). */
export function articleData(article: ParsedArticle): Record<string, unknown> {
  const data: Record<string, unknown> = { title: article.title, body: article.body };
  if (article.language !== null) data.language = article.language;
  if (article.documentDate !== null) data.documentDate = article.documentDate;
  if (article.sourcePublishedDate !== null) data.sourcePublishedDate = article.sourcePublishedDate;
  if (article.source !== null) data.source = article.source;
  if (article.sourceUrl !== null) data.sourceUrl = article.sourceUrl;
  return data;
}

/**
 * The article rules this document breaks, reported at its title line (the
 * parser does not keep the line of each header field), and the language the
 * article will get (the default applied).
 */
export function checkArticle(input: {
  article: ParsedArticle;
  startLine: number;
  settings: ArticleSettings;
  publish: boolean;
}): { problems: ImportIssue[]; language: string | null } {
  const { article, startLine, settings, publish } = input;
  // Without the body: what derives from it (excerpt, word count) takes time in
  // proportion to it and is derived again on create, where the middleware still
  // applies every body rule.
  const { body: _body, ...fields } = articleData(article);
  const derived = deriveArticleFields({ data: fields, previous: null, settings, now: new Date() });
  const errors = derived.ok ? [] : [...derived.errors];
  if (publish) errors.push(...publishErrors({ title: article.title, body: article.body }));
  const language = derived.ok && typeof derived.changes.language === 'string' ? derived.changes.language : null;
  return { problems: errors.map((error) => ({ line: startLine, message: error.message })), language };
}
