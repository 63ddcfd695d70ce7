/**
 * Deadlocks and serialization failures are the database asking the client to try again
 * (PostgreSQL 40P01 / 40001, MySQL and MariaDB 1213 / 1205, SQLite BUSY / LOCKED). Claims
 * are short and idempotent to retry, so they are retried rather than surfaced as a 500.
 */
const RETRYABLE_CODES = new Set([
  '40P01', // PostgreSQL deadlock_detected
  '40001', // serialization_failure (PostgreSQL, MySQL SQLSTATE)
  'ER_LOCK_DEADLOCK', // MySQL / MariaDB 1213
  'ER_LOCK_WAIT_TIMEOUT', // MySQL / MariaDB 1205
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);
const RETRYABLE_ERRNOS = new Set([1213, 1205]);

export function isRetryableDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, errno } = error as { code?: unknown; errno?: unknown };
  return (typeof code === 'string' && RETRYABLE_CODES.has(code)) || (typeof errno === 'number' && RETRYABLE_ERRNOS.has(errno));
}

export interface RetryOptions {
  attempts?: number;
  /** Upper bound of the random pause before attempt n (ms), grown linearly. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export async function retryOnConflict<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 6;
  const baseDelayMs = options.baseDelayMs ?? 10;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableDatabaseError(error)) throw error;
      await sleep(Math.round(random() * baseDelayMs * attempt));
    }
  }
}
