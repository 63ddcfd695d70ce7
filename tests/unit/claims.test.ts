import {
  STALE_PLACEHOLDER_MS,
  isPendingPlaceholder,
  isPlaceholder,
  isStalePlaceholder,
  newPlaceholder,
  placeholderSince,
} from '../../server/src/services/claims';

describe('claim placeholders', () => {
  const now = Date.parse('2026-04-27T20:43:39.000Z');

  it('are made per kind, with the moment they were made', () => {
    const write = newPlaceholder();
    const key = newPlaceholder('import');
    expect(write).toMatch(/^pending:\d+:[0-9a-f-]{36}$/);
    expect(key).toMatch(/^import-pending:\d+:[0-9a-f-]{36}$/);
    expect(newPlaceholder()).not.toBe(write);
    for (const owner of [write, key]) expect(Math.abs((placeholderSince(owner) as number) - Date.now())).toBeLessThan(60_000);
  });

  it('read the forms databases already hold, and never a documentId', () => {
    expect(placeholderSince(`pending:${now}:abc`)).toBe(now);
    expect(placeholderSince(`import-pending:${now}:abc`)).toBe(now);
    expect(isPlaceholder('import-pending:0:another-request')).toBe(true);
    expect(isPlaceholder('wcx4xixp9ffg9ac23l9v4w2u')).toBe(false);
    expect(placeholderSince('wcx4xixp9ffg9ac23l9v4w2u')).toBeNull();
  });

  it('are stale once older than a write takes, of either kind, and pending until then', () => {
    const old = now - STALE_PLACEHOLDER_MS - 1;
    for (const prefix of ['pending:', 'import-pending:']) {
      expect(isStalePlaceholder(`${prefix}${old}:x`, now)).toBe(true);
      expect(isPendingPlaceholder(`${prefix}${old}:x`, now)).toBe(false);
      expect(isStalePlaceholder(`${prefix}${now - 1000}:x`, now)).toBe(false);
      expect(isPendingPlaceholder(`${prefix}${now - 1000}:x`, now)).toBe(true);
    }
  });

  it('count as stale without a readable time, and a documentId never is', () => {
    expect(isStalePlaceholder('pending:soon:x', now)).toBe(true);
    expect(isStalePlaceholder('wcx4xixp9ffg9ac23l9v4w2u', now)).toBe(false);
    expect(isPendingPlaceholder('wcx4xixp9ffg9ac23l9v4w2u', now)).toBe(false);
  });
});
