import { AsyncResource } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { outcomeOf, type AttemptResult } from '../../core/revalidation/outcome';
import { deliveriesFor } from '../../core/revalidation/payload';
import { burstEndsAt, burstIsOver, type RevalidationTiming } from '../../core/revalidation/timing';
import type { RevalidationChangesRepository } from '../../repositories/revalidation-changes';
import type { DeliveryRow, RevalidationDeliveriesRepository } from '../../repositories/revalidation-deliveries';
import { postDelivery } from './sender';
import type { RevalidationTargets } from './targets';

/** Attempts one instance makes at the same time. */
const MAX_IN_FLIGHT = 8;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

export interface WorkerDeps {
  strapi: Core.Strapi;
  changes: RevalidationChangesRepository;
  deliveries: RevalidationDeliveriesRepository;
  targets: RevalidationTargets;
  timing: RevalidationTiming;
  /** This instance's name on the leases it holds. */
  owner: string;
  /** The `siteUrl` setting, for path templates starting with `{siteUrl}`. */
  siteUrl(): Promise<string | null>;
}

/**
 * The delivery loop of one instance (SPEC 11). Every `pollMs`, and as soon as this
 * instance recorded a burst whose quiet time ran out, it turns finished bursts into
 * deliveries and attempts the due deliveries nobody holds. Any instance may do either;
 * the database makes sure only one does each (repositories/revalidation-*.ts).
 *
 * Its timers run outside whatever async context asked for them (`root`): a write's
 * transaction context must not leak into the loop, or its queries would join a
 * transaction that is not theirs.
 */
export const createRevalidationWorker = ({ strapi, changes, deliveries, targets, timing, owner, siteUrl }: WorkerDeps) => {
  let root: AsyncResource | null = null;
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Infinity;
  let running = false;
  let again = false;
  let lastPrune = 0;
  const inFlight = new Map<string, AbortController>();

  const log = (message: string, error?: unknown) => strapi.log.warn(`newsroom revalidation: ${message}${error ? `: ${String(error)}` : ''}`);

  function schedule(delayMs: number): void {
    if (!root) return;
    const at = Date.now() + Math.max(0, delayMs);
    if (timer && timerAt <= at) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = root.runInAsyncScope(() => setTimeout(() => void tick(), Math.max(0, delayMs)));
    timer.unref();
  }

  /** Turns a finished burst into deliveries; when the burst is still going, when it will end. */
  async function flush(): Promise<number | null> {
    const pending = await changes.pending();
    if (!pending) return null;
    const now = Date.now();
    if (!burstIsOver(pending.oldest, pending.newest, now, timing)) return burstEndsAt(pending.oldest, pending.newest, timing);
    const current = await targets.list();
    const site = await siteUrl();
    await changes.take(pending.lastId, async (recorded) => {
      await deliveries.insertMany(deliveriesFor(recorded, current, { siteUrl: site }), Date.now());
    });
    // More may have come meanwhile: look again at once.
    return Date.now();
  }

  async function attempt(row: DeliveryRow, controller: AbortController): Promise<DeliveryRow | null> {
    const target = await targets.find(row.target);
    const result: AttemptResult = target
      ? await postDelivery({
          url: target.url,
          secret: target.secret,
          deliveryId: row.id,
          event: row.event,
          body: row.body,
          timeoutMs: timing.timeoutMs,
          signal: controller.signal,
        })
      : { ok: false, status: null, error: 'the target was removed', aborted: false };
    // Stopping: the lease is given back (stop()), and the delivery is due again at once elsewhere.
    if (result.aborted) return null;
    const outcome = target ? outcomeOf(row, result, Date.now(), timing.retryDelaysMs) : { status: 'failed' as const, nextAttemptAt: null, lastStatus: null, lastError: result.error };
    if (!(await deliveries.finish(row.id, owner, outcome, Date.now()))) {
      log(`the lease on delivery ${row.id} ran out during its attempt; its outcome was not recorded`);
    }
    return deliveries.find(row.id);
  }

  /** Runs an attempt on a delivery this instance holds, tracked so that stop() can interrupt it. */
  async function attemptHeld(row: DeliveryRow): Promise<DeliveryRow | null> {
    const controller = new AbortController();
    inFlight.set(row.id, controller);
    try {
      return await attempt(row, controller);
    } finally {
      inFlight.delete(row.id);
    }
  }

  /** Takes due deliveries (as many as this instance has room for) and starts their attempts. */
  async function startDue(): Promise<void> {
    const room = MAX_IN_FLIGHT - inFlight.size;
    if (room <= 0) return;
    const now = Date.now();
    for (const id of await deliveries.due(now, room)) {
      const row = await deliveries.claim(id, owner, now, timing.leaseMs);
      if (!row) continue;
      void attemptHeld(row)
        .catch((error) => log(`delivery ${row.id} failed unexpectedly`, error))
        .finally(() => schedule(0));
    }
  }

  async function prune(): Promise<void> {
    const now = Date.now();
    if (now - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = now;
    await deliveries.prune(now - timing.keepFinishedMs, timing.keepFinishedCount);
  }

  async function tick(): Promise<void> {
    timer = null;
    timerAt = Infinity;
    if (!root) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    let wakeAt = Date.now() + timing.pollMs;
    try {
      const burstEnd = await flush();
      if (burstEnd !== null) wakeAt = Math.min(wakeAt, burstEnd);
      await startDue();
      await prune();
    } catch (error) {
      log('a delivery round failed; it is tried again', error);
    } finally {
      running = false;
      if (root) schedule(again ? 0 : wakeAt - Date.now());
      again = false;
    }
  }

  return {
    /** Starts the loop; call from bootstrap, outside any transaction. */
    start(): void {
      root = new AsyncResource('newsroom-revalidation');
      schedule(0);
    },

    /** Interrupts attempts in progress and gives their leases back. */
    async stop(): Promise<void> {
      root = null;
      if (timer) clearTimeout(timer);
      timer = null;
      for (const controller of inFlight.values()) controller.abort();
      await deliveries.releaseAll(owner, Date.now()).catch((error) => log('could not give leases back', error));
    },

    /** A change was recorded (and committed) here: look at it when its burst may be over. */
    recorded(): void {
      schedule(timing.quietMs);
    },

    /** Runs one attempt of a delivery this instance already holds, and gives it as it is afterwards. */
    attemptNow: attemptHeld,
  };
};

export type RevalidationWorker = ReturnType<typeof createRevalidationWorker>;
