/**
 * A parsed document as article data, with the article rules (SPEC 3) run on it
 * once: the same pure function every create runs (`deriveNewArticle`), called
 * before any write so that a document breaking a rule is reported as `invalid`
 * without a failed write, and in a preview without any write. The data it gives
 * is what the importer writes.
 */
import { deriveNewArticle, type ArticleSettings } from '../article-fields';
import type { ParsedArticle } from '../document-parser';
import type { ImportIssue } from './result';

/** Fields without a value are left out, so the article rules apply their defaults (language, document date). */
export function articleData(article: ParsedArticle): Record<string, unknown> {
  const data: Record<string, unknown> = { title: article.title, body: article.body };
  if (article.language !== null) data.language = article.language;
  if (article.documentDate !== null) data.documentDate = article.documentDate;
  if (article.sourcePublishedDate !== null) data.sourcePublishedDate = article.sourcePublishedDate;
  if (article.source !== null) data.source = article.source;
  if (article.sourceUrl !== null) data.sourceUrl = article.sourceUrl;
  return data;
}

export interface CheckedArticle {
  /** The rules the document breaks, at its title line (the parser does not keep the line of each header field). */
  problems: ImportIssue[];
  /** The language the article will get (the default applied); null when the rules refuse it. */
  language: string | null;
  /** The article's fields as they will be stored (derived ones included, no slug yet); null when there are problems. */
  data: Record<string, unknown> | null;
}

export function checkArticle(input: {
  article: ParsedArticle;
  startLine: number;
  settings: ArticleSettings;
  publish: boolean;
  now?: Date;
}): CheckedArticle {
  const { article, startLine, settings, publish } = input;
  const fields = articleData(article);
  const derived = deriveNewArticle({ data: fields, settings, now: input.now ?? new Date(), publish });
  if (!derived.ok) return { problems: derived.errors.map((error) => ({ line: startLine, message: error.message })), language: null, data: null };
  const data = { ...fields, ...derived.changes };
  return { problems: [], language: typeof data.language === 'string' ? data.language : null, data };
}
