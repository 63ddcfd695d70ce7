/**
 * Table and column names the snippet queries need, read from Strapi's database
 * metadata rather than guessed: Strapi shortens long identifiers and names join
 * tables itself (`newsroom_articles_categories_lnk`, `article_id`, …), and a
 * later Strapi may name them differently.
 */
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, CATEGORY_UID } from '../constants';

/** The article attributes a snippet is built from, plus the row id, publication state and body (searched). */
const ARTICLE_ATTRIBUTES = [
  'id',
  'documentId',
  'slug',
  'title',
  'body',
  'excerpt',
  'language',
  'documentDate',
  'sourcePublishedDate',
  'source',
  'sourceUrl',
  'readingTime',
  'publishedAt',
] as const;

export type ArticleColumn = (typeof ARTICLE_ATTRIBUTES)[number];

export interface SnippetTables {
  articles: string;
  articleColumns: Record<ArticleColumn, string>;
  categories: string;
  categoryColumns: { id: string; name: string; slug: string };
  /** The article ↔ category join table of `article.categories`. */
  links: { table: string; articleColumn: string; categoryColumn: string };
}

interface AttributeMeta {
  columnName?: string;
  joinTable?: {
    name: string;
    joinColumn: { name: string; referencedColumn: string };
    inverseJoinColumn: { name: string; referencedColumn: string };
  };
}

interface ModelMeta {
  tableName: string;
  attributes: Record<string, AttributeMeta | undefined>;
}

function columnOf(model: ModelMeta, uid: string, attribute: string): string {
  const meta = model.attributes[attribute];
  if (!meta) throw new Error(`newsroom: ${uid} has no attribute "${attribute}" in the database metadata`);
  return meta.columnName ?? attribute;
}

/** Resolves the names once the database is loaded (after `register`). */
/** `table` in the configured PostgreSQL schema (as is without one). */
export function inSchema(strapi: Core.Strapi, table: string): string {
  const schema = strapi.db.getSchemaName();
  return schema ? `${schema}.${table}` : table;
}

export function resolveSnippetTables(strapi: Core.Strapi): SnippetTables {
  // The metadata is typed loosely by Strapi; we read only the fields declared above.
  const article = strapi.db.metadata.get(ARTICLE_UID) as unknown as ModelMeta;
  const category = strapi.db.metadata.get(CATEGORY_UID) as unknown as ModelMeta;
  const joinTable = article.attributes.categories?.joinTable;
  if (!joinTable) throw new Error('newsroom: article.categories has no join table in the database metadata');

  // Schema-qualified so every query (also subqueries) reaches the configured PostgreSQL schema.
  const qualified = (table: string) => inSchema(strapi, table);

  const articleColumns = Object.fromEntries(
    ARTICLE_ATTRIBUTES.map((attribute) => [attribute, columnOf(article, ARTICLE_UID, attribute)])
  ) as Record<ArticleColumn, string>;

  return {
    articles: qualified(article.tableName),
    articleColumns,
    categories: qualified(category.tableName),
    categoryColumns: {
      id: columnOf(category, CATEGORY_UID, 'id'),
      name: columnOf(category, CATEGORY_UID, 'name'),
      slug: columnOf(category, CATEGORY_UID, 'slug'),
    },
    links: {
      table: qualified(joinTable.name),
      articleColumn: joinTable.joinColumn.name,
      categoryColumn: joinTable.inverseJoinColumn.name,
    },
  };
}
