import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { RevalidationDelivery, RevalidationEvent } from '../../../../shared/contracts/revalidation';
import type { ArticleTransition, CategoryTransition, RecordedChange } from '../../core/revalidation/changes';
import { testDelivery } from '../../core/revalidation/payload';
import { timingFromEnv } from '../../core/revalidation/timing';
import { createRevalidationChangesRepository } from '../../repositories/revalidation-changes';
import { createRevalidationDeliveriesRepository, type DeliveryRow } from '../../repositories/revalidation-deliveries';
import { createRevalidationSnapshots } from './snapshots';
import { createRevalidationTargets } from './targets';
import { createRevalidationWorker } from './worker';
import { getService } from '../../utils/get-service';

/**
 * What a write tells `record`:
 * - the articles (and category) whose published versions it changed, before and after
 *   (the document middleware reads them around each write);
 * - or, for writes that go around the Document Service, the documents it wrote
 *   (`import`: their published versions are read here, in the write's transaction);
 * - or `refresh`: every article may look different (generated excerpts were regenerated).
 */
export type ChangeInput =
  | { event: RevalidationEvent; articles: ArticleTransition[]; categories?: CategoryTransition[] }
  | { event: 'import'; documentIds: string[] }
  | { event: 'refresh' };

/** How many deliveries the admin sees. */
const RECENT = 50;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const toView = (row: DeliveryRow): RevalidationDelivery => ({
  id: row.id,
  target: row.target,
  event: row.event,
  status: row.status,
  attempts: row.attempts,
  lastStatus: row.lastStatus,
  lastError: row.lastError,
  createdAt: iso(row.createdAt) as string,
  updatedAt: iso(row.updatedAt) as string,
  nextAttemptAt: row.status === 'pending' ? iso(row.nextAttemptAt) : null,
  deliveredAt: iso(row.deliveredAt),
  articleCount: row.articleCount,
  pathCount: row.pathCount,
});

/**
 * Frontend revalidation (SPEC 11). `record(change)` is the one entry point every write
 * path calls: the document middleware for writes through the Document Service, the
 * importer and excerpt refresh for writes around it. It stores the change in the
 * write's transaction (see repositories/revalidation-changes.ts); the worker coalesces
 * bursts into deliveries and sends them, with retries, from whichever instance gets there first.
 */
const revalidationService = ({ strapi }: { strapi: Core.Strapi }) => {
  const timing = timingFromEnv(process.env.NEWSROOM_REVALIDATION_TIMING);
  const owner = `${os.hostname().slice(0, 32)}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const changes = createRevalidationChangesRepository(strapi);
  const deliveries = createRevalidationDeliveriesRepository(strapi);
  const targets = createRevalidationTargets(strapi);
  const snapshots = createRevalidationSnapshots(strapi);
  // `siteUrl` (SPEC 5) where the settings have it; path templates starting with {siteUrl} wait for it.
  const siteUrl = async (): Promise<string | null> => {
    const settings = (await getService(strapi, 'settings').get()) as { siteUrl?: unknown };
    return typeof settings.siteUrl === 'string' && settings.siteUrl !== '' ? settings.siteUrl : null;
  };
  const worker = createRevalidationWorker({ strapi, changes, deliveries, targets, timing, owner, siteUrl });
  // Writes made before bootstrap created the tables (other plugins' bootstrap) are not recorded.
  let ready = false;

  async function changeOf(input: ChangeInput): Promise<RecordedChange | null> {
    const at = Date.now();
    if (input.event === 'refresh') return { event: 'refresh', at, articles: [], categories: [], everything: true };
    if ('documentIds' in input) {
      const published = await snapshots.articles(input.documentIds);
      return published.length === 0 ? null : { event: input.event, at, articles: published.map((after) => ({ before: null, after })), categories: [] };
    }
    const categories = input.categories ?? [];
    if (input.articles.length === 0 && categories.length === 0) return null;
    return { event: input.event, at, articles: input.articles, categories };
  }

  const active = async () => ready && (await targets.list()).length > 0;

  return {
    targets,
    snapshots,

    /** Creates the tables and starts the delivery loop (bootstrap). */
    async start(): Promise<void> {
      await changes.ensureTable();
      await deliveries.ensureTable();
      ready = true;
      worker.start();
    },

    async stop(): Promise<void> {
      ready = false;
      await worker.stop();
    },

    /** Whether any target would hear of a change: writes skip reading their before-state otherwise. */
    active,

    /**
     * Records a change for delivery, in the caller's transaction when there is one: it is
     * delivered once that commits, and never if it rolls back.
     */
    async record(input: ChangeInput): Promise<void> {
      if (!(await active())) return;
      const change = await changeOf(input);
      if (!change) return;
      await changes.insert(change);
      if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }) => onCommit(() => worker.recorded()));
      else worker.recorded();
    },

    /** The latest deliveries, newest first, of one target or all. */
    async recentDeliveries(target?: string): Promise<RevalidationDelivery[]> {
      return (await deliveries.recent(RECENT, target)).map(toView);
    },

    /** Sends a `test` delivery to a target now: one attempt, whose outcome it gives. */
    async sendTest(name: string): Promise<RevalidationDelivery> {
      const target = await targets.find(name);
      if (!target) throw new errors.NotFoundError(`There is no revalidation target named ${JSON.stringify(name)}`);
      const now = Date.now();
      const id = randomUUID();
      const body = JSON.stringify({ id, ...testDelivery(now) });
      await deliveries.insertHeld({ id, target: target.name, event: 'test', body, articleCount: 0, pathCount: 0 }, owner, now, timing.leaseMs);
      const held = await deliveries.find(id);
      if (!held) throw new Error('newsroom revalidation: the test delivery was not stored');
      return toView((await worker.attemptNow(held)) ?? held);
    },
  };
};

export default revalidationService;
export type RevalidationService = ReturnType<typeof revalidationService>;
