/**
 * Calls back on every write to some models, for caches that answer from memory what Strapi
 * would read from the database (public-access.ts, token-access.ts).
 *
 * Database lifecycles, because every write path ends there (admin panel, services, the
 * Document Service). The callback runs before the write, after it, and once more when the
 * caller's transaction commits: other connections see the change only then, so a cache
 * refilled in between could keep what predates it.
 */
import type { Core } from '@strapi/strapi';

const WRITE_ACTIONS = new Set(['Create', 'CreateMany', 'Update', 'UpdateMany', 'Delete', 'DeleteMany']);

interface LifecycleEvent {
  action: string;
  model?: { uid?: string };
}

export function watchModelWrites(strapi: Core.Strapi, uids: readonly string[], onWrite: () => void): void {
  const watched = new Set(uids);
  strapi.db.lifecycles.subscribe(async (event: LifecycleEvent) => {
    if (!event.model?.uid || !watched.has(event.model.uid)) return;
    const stage = event.action.startsWith('before') ? 'before' : event.action.startsWith('after') ? 'after' : null;
    if (stage === null || !WRITE_ACTIONS.has(event.action.slice(stage.length))) return;
    onWrite();
    if (stage === 'after' && strapi.db.inTransaction()) {
      await strapi.db.transaction(async ({ onCommit }) => onCommit(onWrite));
    }
  });
}
