/**
 * The article table's excerpt column, read and written past the Document Service for the
 * excerpt regeneration (services/excerpt-refresh.ts): maintenance of a derived column on
 * every row, draft and published alike, that must neither publish nor touch `updatedAt`.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ARTICLE_UID } from '../constants';
import { groupIntoStatements, type ExcerptRow, type ExcerptUpdate } from '../core/excerpt-refresh';

/** Well inside every database's limit on bound parameters (five a row) and MySQL's default packet size. */
const STATEMENT_LIMITS = { maxRows: 100, maxChars: 1_000_000 };

export const createExcerptRepository = (strapi: Core.Strapi) => {
  const knex = () => strapi.db.connection;
  const table = () => strapi.db.metadata.get(ARTICLE_UID).tableName;
  // MySQL's default collations compare text without regard to case and trailing spaces: compare bytes.
  const binary = () => strapi.db.dialect.client === 'mysql';

  const stillEquals = (where: Knex.QueryBuilder, column: 'body' | 'excerpt', value: string | null) => {
    if (value === null) where.whereNull(column);
    else if (binary()) where.whereRaw('?? = CAST(? AS BINARY)', [column, value]);
    else where.where(column, value);
  };

  /**
   * One statement: each row gets its new excerpt if its body and excerpt are still those
   * the update was computed from. Returns how many rows it changed.
   */
  const writeStatement = async (updates: readonly ExcerptUpdate[]): Promise<number> => {
    const cases = updates.map(() => 'WHEN ?? = ? THEN ?').join(' ');
    const bindings = updates.flatMap((update) => ['id', update.id, update.next]);
    const changed = await knex()(table())
      .update({ excerpt: knex().raw(`CASE ${cases} ELSE ?? END`, [...bindings, 'excerpt']) })
      .where((any) => {
        for (const update of updates) {
          any.orWhere((row) => {
            row.where('id', update.id);
            stillEquals(row, 'body', update.body);
            stillEquals(row, 'excerpt', update.excerpt);
          });
        }
      });
    return Number(changed);
  };

  return {
    /** Up to `limit` rows with an id above `afterId`, in id order. */
    async readAfter(afterId: number, limit: number): Promise<ExcerptRow[]> {
      return (await knex()(table()).select('id', 'body', 'excerpt').where('id', '>', afterId).orderBy('id', 'asc').limit(limit)) as ExcerptRow[];
    },

    async readByIds(ids: readonly number[]): Promise<ExcerptRow[]> {
      if (ids.length === 0) return [];
      return (await knex()(table()).select('id', 'body', 'excerpt').whereIn('id', [...ids]).orderBy('id', 'asc')) as ExcerptRow[];
    },

    /** Writes every update whose row is unchanged since it was read, a group of rows a statement; the rows changed. */
    async writeIfUnchanged(updates: readonly ExcerptUpdate[]): Promise<number> {
      let changed = 0;
      for (const group of groupIntoStatements(updates, STATEMENT_LIMITS)) changed += await writeStatement(group);
      return changed;
    },
  };
};

export type ExcerptRepository = ReturnType<typeof createExcerptRepository>;
