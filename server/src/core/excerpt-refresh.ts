/**
 * Regenerating excerpts after `excerptLength` changes (SPEC 3.2, 5): which rows get a new
 * excerpt, and how the updates are grouped into statements. Each update carries the body
 * and excerpt it was computed from, so the write can be a compare-and-set: a row whose body
 * or excerpt changed since it was read (an editor saving at that moment) is left alone.
 */
import { isGeneratedExcerpt, makeExcerpt } from './excerpt';

export interface ExcerptRow {
  id: number;
  body: string | null;
  excerpt: string | null;
}

export interface ExcerptUpdate {
  id: number;
  /** The body and excerpt as read: the row is written only if it still has both. */
  body: string | null;
  excerpt: string | null;
  /** The excerpt generated from `body` at the new length. */
  next: string;
}

/** Rows whose excerpt was generated (editors' own are kept) and comes out different at `excerptLength`. */
export function planExcerptUpdates(rows: readonly ExcerptRow[], excerptLength: number): ExcerptUpdate[] {
  const updates: ExcerptUpdate[] = [];
  for (const row of rows) {
    if (!isGeneratedExcerpt(row.excerpt, row.body)) continue;
    const next = makeExcerpt(row.body ?? '', excerptLength);
    if (next !== row.excerpt) updates.push({ id: row.id, body: row.body, excerpt: row.excerpt, next });
  }
  return updates;
}

export interface StatementLimits {
  /** Rows a statement updates at most (each costs five bound parameters). */
  maxRows: number;
  /** Characters of text a statement binds at most, bodies included (packet limits); a longer row goes alone. */
  maxChars: number;
}

const charsOf = (update: ExcerptUpdate) => (update.body?.length ?? 0) + (update.excerpt?.length ?? 0) + update.next.length;

/** Consecutive groups of updates, each within `limits`, in the given order. */
export function groupIntoStatements(updates: readonly ExcerptUpdate[], limits: StatementLimits): ExcerptUpdate[][] {
  const groups: ExcerptUpdate[][] = [];
  let current: ExcerptUpdate[] = [];
  let chars = 0;
  for (const update of updates) {
    const size = charsOf(update);
    if (current.length > 0 && (current.length >= limits.maxRows || chars + size > limits.maxChars)) {
      groups.push(current);
      current = [];
      chars = 0;
    }
    current.push(update);
    chars += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
