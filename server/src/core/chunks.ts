/**
 * Rows one SQL statement handles at most (an IN list, a multi-row insert): well
 * inside every database's limit on bound parameters (SQLite 32,766, PostgreSQL
 * and MySQL 65,535) even at a dozen columns a row. Every batched query of the
 * plugin cuts its rows with `chunks`.
 */
export const ROWS_PER_STATEMENT = 200;

/** `items` cut into consecutive runs of at most `size`, in order. */
export function chunks<T>(items: readonly T[], size: number = ROWS_PER_STATEMENT): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
