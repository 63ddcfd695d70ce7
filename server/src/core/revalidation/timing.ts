/**
 * When deliveries leave (SPEC 11): changes of one burst are coalesced, the first attempt
 * leaves within 5 seconds of a change, a failed attempt is retried after a growing pause
 * for more than an hour, then the delivery is given up as `failed`.
 */

export interface RevalidationTiming {
  /** How often each instance looks for due work that another instance recorded. */
  pollMs: number;
  /** A burst ends when no change came for this long... */
  quietMs: number;
  /** ...or when its first change is this old, whichever comes first. */
  maxWaitMs: number;
  /** An attempt that has no answer after this long failed. */
  timeoutMs: number;
  /** An instance holds a delivery this long per attempt; a crashed instance's lease runs out. */
  leaseMs: number;
  /** Pause before retry n (n from 1); when they are used up, the delivery has failed. */
  retryDelaysMs: number[];
  /** Delivered and failed deliveries are kept this long... */
  keepFinishedMs: number;
  /** ...and at most this many of them. */
  keepFinishedCount: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * 5 s, 15 s, 30 s, 1, 2, 5, 10, 20, 30 and 30 minutes: the first retries soon (a frontend
 * restarting, a deploy), the last one about 1 h 40 min after the first attempt (eleven
 * attempts in all).
 */
export const DEFAULT_RETRY_DELAYS_MS = [
  5 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  20 * MINUTE,
  30 * MINUTE,
  30 * MINUTE,
];

export const DEFAULT_TIMING: RevalidationTiming = {
  pollMs: SECOND,
  quietMs: SECOND,
  // A change waits at most 2.5 s for its burst to end, plus one poll: the first attempt leaves within 5 s.
  maxWaitMs: 2500,
  timeoutMs: 10 * SECOND,
  // Longer than an attempt can take, so a lease never runs out while its instance still works on it.
  leaseMs: 60 * SECOND,
  retryDelaysMs: DEFAULT_RETRY_DELAYS_MS,
  keepFinishedMs: 7 * 24 * 60 * MINUTE,
  keepFinishedCount: 500,
};

/**
 * When the next attempt is due after `attempts` attempts failed (the latest ended at
 * `nowMs`), or null when the delivery has had all its retries.
 */
export function nextAttemptAt(attempts: number, nowMs: number, delays: readonly number[] = DEFAULT_RETRY_DELAYS_MS): number | null {
  const delay = delays[attempts - 1];
  return delay === undefined ? null : nowMs + delay;
}

/** Whether a burst whose changes were recorded between `oldestMs` and `newestMs` is over at `nowMs`. */
export function burstIsOver(oldestMs: number, newestMs: number, nowMs: number, timing: Pick<RevalidationTiming, 'quietMs' | 'maxWaitMs'>): boolean {
  return nowMs - newestMs >= timing.quietMs || nowMs - oldestMs >= timing.maxWaitMs;
}

/** The moment a burst will be over, if nothing else is recorded. */
export function burstEndsAt(oldestMs: number, newestMs: number, timing: Pick<RevalidationTiming, 'quietMs' | 'maxWaitMs'>): number {
  return Math.min(newestMs + timing.quietMs, oldestMs + timing.maxWaitMs);
}

/**
 * The timing with overrides from `NEWSROOM_REVALIDATION_TIMING` (JSON with any of the
 * keys above). For tests only, so that they see retries in seconds rather than minutes;
 * not a setting. A bad value throws, naming the key.
 */
export function timingFromEnv(raw: string | undefined): RevalidationTiming {
  if (raw === undefined || raw.trim() === '') return DEFAULT_TIMING;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('NEWSROOM_REVALIDATION_TIMING must be JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('NEWSROOM_REVALIDATION_TIMING must be a JSON object');
  const timing: RevalidationTiming = { ...DEFAULT_TIMING };
  const isCount = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;
  for (const [key, value] of Object.entries(parsed)) {
    if (!(key in DEFAULT_TIMING)) throw new Error(`NEWSROOM_REVALIDATION_TIMING: unknown key "${key}"`);
    if (key === 'retryDelaysMs') {
      if (!Array.isArray(value) || !value.every(isCount)) throw new Error('NEWSROOM_REVALIDATION_TIMING.retryDelaysMs must be a list of milliseconds');
      timing.retryDelaysMs = value as number[];
    } else {
      if (!isCount(value)) throw new Error(`NEWSROOM_REVALIDATION_TIMING.${key} must be a whole number of milliseconds`);
      (timing as unknown as Record<string, number>)[key] = value as number;
    }
  }
  return timing;
}
