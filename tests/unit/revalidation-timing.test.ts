import { DEFAULT_TIMING, burstEndsAt, burstIsOver, nextAttemptAt, timingFromEnv } from '../../server/src/core/revalidation/timing';

const MINUTE = 60_000;

describe('revalidation timing', () => {
  describe('retry schedule', () => {
    it('retries the first time within a minute', () => {
      expect(nextAttemptAt(1, 0)).not.toBeNull();
      expect(nextAttemptAt(1, 0)).toBeLessThanOrEqual(MINUTE);
    });

    it('backs off: each pause at least as long as the one before', () => {
      const delays = DEFAULT_TIMING.retryDelaysMs;
      for (let i = 1; i < delays.length; i += 1) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]);
    });

    it('keeps retrying for more than an hour, then gives up', () => {
      let at = 0;
      let attempts = 1;
      for (;;) {
        const next = nextAttemptAt(attempts, at);
        if (next === null) break;
        at = next;
        attempts += 1;
      }
      expect(at).toBeGreaterThan(60 * MINUTE);
      expect(attempts).toBe(DEFAULT_TIMING.retryDelaysMs.length + 1);
      expect(nextAttemptAt(attempts, at)).toBeNull();
    });

    it('follows a custom schedule', () => {
      expect(nextAttemptAt(1, 100, [5, 7])).toBe(105);
      expect(nextAttemptAt(2, 100, [5, 7])).toBe(107);
      expect(nextAttemptAt(3, 100, [5, 7])).toBeNull();
    });
  });

  describe('bursts', () => {
    const timing = { quietMs: 1000, maxWaitMs: 2500 };

    it('end after a quiet second', () => {
      expect(burstIsOver(0, 500, 1400, timing)).toBe(false);
      expect(burstIsOver(0, 500, 1500, timing)).toBe(true);
      expect(burstEndsAt(0, 500, timing)).toBe(1500);
    });

    it('end after 2.5 s even while changes keep coming, so the first attempt leaves within 5 s', () => {
      expect(burstIsOver(0, 2400, 2500, timing)).toBe(true);
      expect(burstEndsAt(0, 2400, timing)).toBe(2500);
      expect(DEFAULT_TIMING.maxWaitMs + DEFAULT_TIMING.pollMs).toBeLessThan(5000);
    });
  });

  describe('NEWSROOM_REVALIDATION_TIMING (for tests)', () => {
    it('is the default when unset', () => {
      expect(timingFromEnv(undefined)).toEqual(DEFAULT_TIMING);
      expect(timingFromEnv('')).toEqual(DEFAULT_TIMING);
    });

    it('overrides the keys it names', () => {
      expect(timingFromEnv('{"retryDelaysMs":[100,200],"timeoutMs":500}')).toEqual({ ...DEFAULT_TIMING, retryDelaysMs: [100, 200], timeoutMs: 500 });
    });

    it('names what is wrong', () => {
      expect(() => timingFromEnv('{')).toThrow(/JSON/);
      expect(() => timingFromEnv('{"pollMs":-1}')).toThrow(/pollMs/);
      expect(() => timingFromEnv('{"retryDelaysMs":[1,"x"]}')).toThrow(/retryDelaysMs/);
      expect(() => timingFromEnv('{"speed":1}')).toThrow(/speed/);
    });
  });
});
