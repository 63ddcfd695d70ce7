/**
 * What an attempt's result means for its delivery (SPEC 11): a 2xx ends it; any other
 * result is retried after the next pause of the schedule, until the schedule runs out and
 * the delivery has failed. A test is one attempt only: the admin sees its outcome at once.
 */
import type { DeliveryStatus, RevalidationEvent } from '../../../../shared/contracts/revalidation';
import { nextAttemptAt } from './timing';

export interface AttemptResult {
  ok: boolean;
  /** The answer's HTTP status; null when there was none. */
  status: number | null;
  /** Why it failed, for the admin; null on success. */
  error: string | null;
  /** Ended because the instance is stopping: not an answer from the target. */
  aborted: boolean;
}

export interface AttemptOutcome {
  status: DeliveryStatus;
  nextAttemptAt: number | null;
  lastStatus: number | null;
  lastError: string | null;
}

/** The outcome to record after an attempt; `attempts` counts it already. */
export function outcomeOf(
  delivery: { attempts: number; event: RevalidationEvent },
  result: AttemptResult,
  nowMs: number,
  retryDelaysMs: readonly number[]
): AttemptOutcome {
  if (result.ok) return { status: 'delivered', nextAttemptAt: null, lastStatus: result.status, lastError: null };
  const next = delivery.event === 'test' ? null : nextAttemptAt(delivery.attempts, nowMs, retryDelaysMs);
  return { status: next === null ? 'failed' : 'pending', nextAttemptAt: next, lastStatus: result.status, lastError: result.error };
}
