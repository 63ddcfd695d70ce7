import type { AttemptResult } from '../../core/revalidation/outcome';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signatureHeader } from '../../core/revalidation/signature';

export interface Attempt {
  url: string;
  secret: string;
  deliveryId: string;
  event: string;
  body: string;
  timeoutMs: number;
  /** Aborts the attempt (the instance is stopping). */
  signal: AbortSignal;
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** The reason fetch gives for a failure without an answer, in words an admin can act on. */
function networkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection closed without an answer';
  if (code) return `network error (${code})`;
  const message = typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
  return `network error (${message})`;
}

/**
 * One attempt of a delivery: a signed `POST` of the stored body. A 2xx is a success;
 * anything else, a redirect included (it is not followed), is a failure. The answer's
 * body is not read.
 */
export async function postDelivery(attempt: Attempt): Promise<AttemptResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, attempt.timeoutMs);
  const stop = () => controller.abort();
  attempt.signal.addEventListener('abort', stop);
  try {
    const response = await fetch(attempt.url, {
      method: 'POST',
      redirect: 'manual',
      signal: controller.signal,
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'strapi-plugin-newsroom',
        [DELIVERY_HEADER]: attempt.deliveryId,
        'X-Newsroom-Event': attempt.event,
        [SIGNATURE_HEADER]: signatureHeader(attempt.secret, attempt.body, Date.now()),
      },
      body: attempt.body,
    });
    await response.body?.cancel().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return { ok, status: response.status, error: ok ? null : `HTTP ${response.status}`, aborted: false };
  } catch (error) {
    if (timedOut) return { ok: false, status: null, error: `no answer within ${seconds(attempt.timeoutMs)}`, aborted: false };
    if (attempt.signal.aborted) return { ok: false, status: null, error: 'interrupted: Strapi was stopping', aborted: true };
    return { ok: false, status: null, error: networkError(error), aborted: false };
  } finally {
    clearTimeout(timer);
    attempt.signal.removeEventListener('abort', stop);
  }
}
