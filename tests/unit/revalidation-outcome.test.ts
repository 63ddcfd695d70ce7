import { outcomeOf, type AttemptResult } from '../../server/src/core/revalidation/outcome';

const ok: AttemptResult = { ok: true, status: 204, error: null, aborted: false };
const refused: AttemptResult = { ok: false, status: null, error: 'connection refused', aborted: false };
const serverError: AttemptResult = { ok: false, status: 500, error: 'HTTP 500', aborted: false };
const DELAYS = [10_000, 30_000];

describe('the outcome of a delivery attempt', () => {
  it('ends the delivery on a 2xx', () => {
    expect(outcomeOf({ attempts: 3, event: 'article.publish' }, ok, 1000, DELAYS)).toEqual({
      status: 'delivered',
      nextAttemptAt: null,
      lastStatus: 204,
      lastError: null,
    });
  });

  it('schedules a retry after a failure, with the answer or the reason', () => {
    expect(outcomeOf({ attempts: 1, event: 'import' }, serverError, 1000, DELAYS)).toEqual({
      status: 'pending',
      nextAttemptAt: 11_000,
      lastStatus: 500,
      lastError: 'HTTP 500',
    });
    expect(outcomeOf({ attempts: 2, event: 'import' }, refused, 1000, DELAYS)).toMatchObject({ status: 'pending', nextAttemptAt: 31_000, lastStatus: null });
  });

  it('gives up when the retries are used up', () => {
    expect(outcomeOf({ attempts: 3, event: 'import' }, refused, 1000, DELAYS)).toEqual({
      status: 'failed',
      nextAttemptAt: null,
      lastStatus: null,
      lastError: 'connection refused',
    });
  });

  it('never retries a test', () => {
    expect(outcomeOf({ attempts: 1, event: 'test' }, serverError, 1000, DELAYS)).toMatchObject({ status: 'failed', nextAttemptAt: null });
  });
});
