import { isRetryableDatabaseError, retryOnConflict } from '../../server/src/core/retry';

const noSleep = { sleep: async () => undefined, random: () => 0 };
const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });

describe('retry on database conflicts', () => {
  it.each([
    [{ code: '40P01' }, true],
    [{ code: '40001' }, true],
    [{ code: 'ER_LOCK_DEADLOCK', errno: 1213 }, true],
    [{ errno: 1205 }, true],
    [{ code: 'SQLITE_BUSY' }, true],
    [{ code: '23505' }, false],
    [new Error('plain'), false],
    [null, false],
    ['40P01', false],
  ])('recognizes %p as retryable: %p', (error, expected) => {
    expect(isRetryableDatabaseError(error)).toBe(expected);
  });

  it('retries a deadlock until the work succeeds', async () => {
    let calls = 0;
    const result = await retryOnConflict(async () => {
      calls += 1;
      if (calls < 3) throw deadlock;
      return 'claimed';
    }, noSleep);
    expect(result).toBe('claimed');
    expect(calls).toBe(3);
  });

  it('gives up after the last attempt and rethrows the database error', async () => {
    let calls = 0;
    await expect(
      retryOnConflict(async () => {
        calls += 1;
        throw deadlock;
      }, { ...noSleep, attempts: 4 })
    ).rejects.toBe(deadlock);
    expect(calls).toBe(4);
  });

  it('never retries other errors', async () => {
    let calls = 0;
    const other = new Error('validation');
    await expect(
      retryOnConflict(async () => {
        calls += 1;
        throw other;
      }, noSleep)
    ).rejects.toBe(other);
    expect(calls).toBe(1);
  });
});
