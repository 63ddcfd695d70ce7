import type { Core } from '@strapi/strapi';
import { sanitize } from '@strapi/utils';
import type { Knex } from 'knex';
import { ARTICLE_UID } from '../../constants';
import { chunks } from '../../core/chunks';

/**
 * The SQL of writes/direct-writes.ts for new articles (the seam is its only
 * caller): many *new* articles at once, the rows the Document Service would
 * write for `create` (and `publish`) of each, in a handful of statements:
 * one multi-row insert of the draft (and published) rows, one of their
 * category links. Used by the importer only, where the Document Service's
 * fixed cost per document (validation, relation bookkeeping, re-reads, an
 * event query: 30-odd queries for a published article) was the whole budget
 * (SPEC 9: at least 200 documents a second on SQLite; bench/import.js).
 *
 * What it keeps from the Document Service path, and how:
 * - every article rule: the data comes from the article write service
 *   (writes/article-writes.ts), which the article middleware calls on every create;
 * - Strapi's validation: `validate` runs the entity validator the Document
 *   Service runs, and its output is what gets stored;
 * - the rows: the same columns and values (documentId from the model's own
 *   generator, timestamps from Strapi's timestamps subscriber through
 *   `createMany`, links with the relation's order columns);
 * - the events: `entry.create` and `entry.publish` with the populated,
 *   sanitized entry, after the commit, so webhooks fire as for any create.
 * What it does not run: other Document Service middlewares and the
 * `beforeCreate`/`afterCreate` database lifecycles of single rows
 * (`beforeCreateMany`/`afterCreateMany` do run). So it is used only while no one
 * else listens to article creates (writes/write-listeners.ts decides; SPEC 13).
 *
 * Only for new documents whose categories exist (the importer resolves them first).
 */
export interface NewArticle {
  data: Record<string, unknown>;
  /** documentIds of existing categories, in order. */
  categories: string[];
}

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

interface RelationMeta {
  type: 'relation';
  target: string;
  joinTable?: JoinTable;
}

interface StoredRow {
  id: number;
  documentId: string;
  publishedAt: unknown;
}

/** Rows grouped by document: its draft and its published version (either may be missing). */
function versionsOf<R extends StoredRow>(rows: R[]): Map<string, { draft?: R; published?: R }> {
  const byDocument = new Map<string, { draft?: R; published?: R }>();
  for (const row of rows) {
    const versions = byDocument.get(row.documentId) ?? {};
    if (row.publishedAt === null) versions.draft = row;
    else versions.published = row;
    byDocument.set(row.documentId, versions);
  }
  return byDocument;
}

export const createBulkArticleWriter = (strapi: Core.Strapi) => {
  const metadata = () => strapi.db.metadata.get(ARTICLE_UID);

  const newDocumentId = (): string => {
    const attribute = metadata().attributes.documentId as { default?: unknown };
    if (typeof attribute.default !== 'function') throw new Error('newsroom: the article model has no documentId generator');
    return (attribute.default as () => string)();
  };

  const categoriesRelation = (): RelationMeta => {
    const attribute = metadata().attributes.categories as unknown as RelationMeta;
    if (!attribute?.joinTable) throw new Error('newsroom: the article categories relation has no join table');
    return attribute;
  };

  const table = (trx: Knex.Transaction, name: string) => {
    const schema = strapi.db.getSchemaName();
    return schema ? trx(name).withSchema(schema) : trx(name);
  };

  /** Row ids of the categories; a draft row links to a category's draft, a published row to its published version. */
  async function categoryRows(target: string, documentIds: string[]) {
    const rows = (await strapi.db.query(target as never).findMany({
      where: { documentId: { $in: documentIds } },
      select: ['id', 'documentId', 'publishedAt'],
    })) as StoredRow[];
    const versions = versionsOf(rows);
    // A category without draft & publish has one row, which both versions link to.
    const model = strapi.getModel(target as never) as { options?: { draftAndPublish?: boolean } } | undefined;
    const draftAndPublish = model?.options?.draftAndPublish === true;
    return {
      forDraft: (documentId: string) => {
        const found = versions.get(documentId);
        return found?.draft?.id ?? (draftAndPublish ? undefined : found?.published?.id);
      },
      forPublished: (documentId: string) => versions.get(documentId)?.published?.id,
    };
  }

  /** The next order value of each category's article list (Strapi appends a new link at the end). */
  async function nextOrders(trx: Knex.Transaction, join: JoinTable, categoryIds: number[]) {
    const next = new Map<number, number>();
    if (!join.inverseOrderColumnName || categoryIds.length === 0) return next;
    const category = join.inverseJoinColumn.name;
    for (const ids of chunks(categoryIds)) {
      const rows = (await table(trx, join.name)
        .select(category)
        .max(join.inverseOrderColumnName, { as: 'max' })
        .whereIn(category, ids)
        .groupBy(category)) as Array<Record<string, unknown>>;
      for (const row of rows) next.set(Number(row[category]), Number(row.max ?? 0) + 1);
    }
    return next;
  }

  return {
    /**
     * Strapi's own validation of the data (schema types, lengths, required fields
     * when published), as the Document Service runs it on create; gives back the
     * data Strapi would store. Throws Strapi's ValidationError naming the field.
     */
    async validate(data: Record<string, unknown>, options: { publish: boolean }): Promise<Record<string, unknown>> {
      const model = strapi.contentType(ARTICLE_UID);
      type Input = Parameters<typeof strapi.entityValidator.validateEntityCreation>[1];
      return (await strapi.entityValidator.validateEntityCreation(model, data as Input, { isDraft: !options.publish })) as Record<
        string,
        unknown
      >;
    },

    /**
     * Inserts the articles (drafts, and with `publish` their published versions)
     * and their category links; gives back their documentIds, in order. Run it in
     * a transaction: a failure leaves partial rows behind otherwise.
     */
    async insert(articles: NewArticle[], options: { publish: boolean }): Promise<string[]> {
      if (articles.length === 0) return [];
      const documentIds = articles.map(() => newDocumentId());
      const publishedAt = new Date();
      // Strapi's experimental `firstPublishedAt` (features.future.experimental_firstPublishedAt):
      // the first publication stamps the draft and the published version alike.
      const firstPublished = options.publish && 'firstPublishedAt' in metadata().attributes ? { firstPublishedAt: publishedAt } : {};
      const versions = articles.flatMap((article, i) => {
        const documentId = documentIds[i];
        const draft = { ...article.data, ...firstPublished, documentId, publishedAt: null };
        return options.publish ? [draft, { ...article.data, ...firstPublished, documentId, publishedAt }] : [draft];
      });
      // createMany splits the insert to fit the database's limits itself.
      await strapi.db.query(ARTICLE_UID).createMany({ data: versions });

      // Row ids by reading back: a multi-row insert does not give them on every database.
      const storedRows: StoredRow[] = [];
      for (const ids of chunks(documentIds)) {
        storedRows.push(
          ...((await strapi.db.query(ARTICLE_UID).findMany({
            where: { documentId: { $in: ids } },
            select: ['id', 'documentId', 'publishedAt'],
          })) as StoredRow[])
        );
      }
      const stored = versionsOf(storedRows);

      const relation = categoriesRelation();
      const join = relation.joinTable as JoinTable;
      const wanted = [...new Set(articles.flatMap((article) => article.categories))];
      if (wanted.length === 0) return documentIds;
      const categories = await categoryRows(relation.target, wanted);
      await strapi.db.transaction(async ({ trx }) => {
        const orders = await nextOrders(
          trx,
          join,
          wanted.flatMap((id) => [categories.forDraft(id), categories.forPublished(id)]).filter((id): id is number => id !== undefined)
        );
        const links: Array<Record<string, number>> = [];
        const link = (articleId: number | undefined, categoryIds: Array<number | undefined>) => {
          if (articleId === undefined) return;
          let position = 0;
          for (const categoryId of new Set(categoryIds)) {
            if (categoryId === undefined) continue;
            position += 1;
            const row: Record<string, number> = { [join.joinColumn.name]: articleId, [join.inverseJoinColumn.name]: categoryId };
            if (join.orderColumnName) row[join.orderColumnName] = position;
            if (join.inverseOrderColumnName) {
              const order = orders.get(categoryId) ?? 1;
              row[join.inverseOrderColumnName] = order;
              orders.set(categoryId, order + 1);
            }
            links.push(row);
          }
        };
        articles.forEach((article, i) => {
          const rows = stored.get(documentIds[i]);
          link(rows?.draft?.id, article.categories.map(categories.forDraft));
          if (options.publish) link(rows?.published?.id, article.categories.map(categories.forPublished));
        });
        for (const part of chunks(links)) await table(trx, join.name).insert(part);
      });
      return documentIds;
    },

    /**
     * `entry.create` (and `entry.publish`) for each document, with the entry as the
     * Document Service sends it (relations populated, private fields removed).
     */
    async announce(documentIds: string[], options: { publish: boolean }): Promise<void> {
      const model = strapi.getModel(ARTICLE_UID);
      const populate = Object.fromEntries(
        Object.entries(model.attributes)
          .filter(([, attribute]) => attribute.type === 'relation' && !('unstable_virtual' in attribute && attribute.unstable_virtual))
          .map(([name]) => [name, true])
      );
      for (const ids of chunks(documentIds)) {
        const rows = (await strapi.db.query(ARTICLE_UID).findMany({ where: { documentId: { $in: ids } }, populate })) as Array<
          StoredRow & Record<string, unknown>
        >;
        const byDocument = versionsOf(rows);
        for (const documentId of ids) {
          const versions = byDocument.get(documentId);
          const events: Array<[string, Record<string, unknown> | undefined]> = [['entry.create', versions?.draft]];
          if (options.publish) events.push(['entry.publish', versions?.published]);
          for (const [event, row] of events) {
            if (!row) continue;
            const entry = await sanitize.sanitizers.defaultSanitizeOutput(
              { schema: model, getModel: (uid) => strapi.getModel(uid as never) },
              row as Parameters<typeof sanitize.sanitizers.defaultSanitizeOutput>[1]
            );
            await strapi.eventHub.emit(event, { model: model.modelName, uid: model.uid, entry });
          }
        }
      }
    },
  };
};

export type BulkArticleWriter = ReturnType<typeof createBulkArticleWriter>;
