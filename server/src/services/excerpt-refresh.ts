import type { Core } from '@strapi/strapi';
import { planExcerptUpdates, type ExcerptUpdate } from '../core/excerpt-refresh';
import { createExcerptRepository } from '../repositories/excerpts';
import { getService } from '../utils/get-service';
import { createDirectWrites } from '../writes/direct-writes';

/** Rows read at a time. */
const READ_BATCH = 500;
/** Tries for the rows of one batch that editors keep changing under us; see below. */
const MAX_ROUNDS = 3;

export interface RegenerateOptions {
  /**
   * Called before each write with the updates about to be written, after their rows were
   * read: a test changes rows here to play an editor saving at that moment.
   */
  beforeWrite?: (updates: readonly ExcerptUpdate[]) => Promise<void>;
}

/**
 * When `excerptLength` changes, generated excerpts are regenerated at the new length in
 * every row (draft and published alike), so the snippet endpoint and the editor's
 * preview agree at once. Editors' own excerpts are left as written.
 *
 * Rows are read a batch at a time and written with compare-and-set statements
 * (repositories/excerpts.ts): a row an editor saved between the read and the write keeps
 * what the save gave it, instead of an excerpt of the body it had before, which would no
 * longer follow the new body and so would pass for the editor's own for good. Such rows
 * are read again and planned from what they hold now, a few times at most; a row still
 * changing after that is left to the writes changing it (a save through the Document
 * Service derives its excerpt itself).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = createExcerptRepository(strapi);
  // Rows are written directly, not through the Document Service: the seam keeps the snippet caches right.
  const direct = createDirectWrites(strapi);

  /** Writes `updates`, re-planning the rows that changed under them; the rows changed. */
  async function writeBatch(updates: ExcerptUpdate[], excerptLength: number, options: RegenerateOptions): Promise<number> {
    let changed = 0;
    let pending = updates;
    for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round += 1) {
      await options.beforeWrite?.(pending);
      const written = await direct.updateRows(pending.map((update) => update.id), () => rows.writeIfUnchanged(pending));
      changed += written;
      if (written === pending.length) break;
      // Written rows now hold their new excerpt and drop out of the plan; the others are planned afresh.
      pending = planExcerptUpdates(await rows.readByIds(pending.map((update) => update.id)), excerptLength);
    }
    return changed;
  }

  return {
    /** Regenerates every generated excerpt at `excerptLength`; the number of rows changed. */
    async regenerate(excerptLength: number, options: RegenerateOptions = {}): Promise<number> {
      let changed = 0;
      let lastId = 0;
      for (;;) {
        const batch = await rows.readAfter(lastId, READ_BATCH);
        if (batch.length === 0) {
          // Every generated excerpt may read differently now: frontends should refresh all they show.
          if (changed > 0) await getService(strapi, 'revalidation').record({ event: 'refresh' });
          return changed;
        }
        lastId = batch[batch.length - 1].id;
        const updates = planExcerptUpdates(batch, excerptLength);
        if (updates.length === 0) continue;
        changed += await writeBatch(updates, excerptLength, options);
      }
    },
  };
};
