import { poll } from '../../server/src/utils/poll';

describe('poll (waiting on another request)', () => {
  it('gives the first value an attempt returns', async () => {
    let calls = 0;
    const value = await poll(async () => (++calls >= 3 ? 'done' : undefined), { timeoutMs: 5000, firstDelayMs: 1 });
    expect(value).toBe('done');
    expect(calls).toBe(3);
  });

  it('gives up with undefined when the time is over', async () => {
    expect(await poll(async () => undefined, { timeoutMs: 20, firstDelayMs: 1, maxDelayMs: 5 })).toBeUndefined();
  });

  it('tries exactly once with no time to wait', async () => {
    let calls = 0;
    expect(await poll(async () => void (calls += 1), { timeoutMs: 0 })).toBeUndefined();
    expect(calls).toBe(1);
  });
});
