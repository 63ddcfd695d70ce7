import { ScopedMemo } from '../../server/src/core/scoped-memo';

describe('scoped memo', () => {
  const settings = { languages: [] };

  it('remembers a value for its key within one scope', () => {
    const memo = new ScopedMemo<object, number>(10);
    memo.set(settings, 'page=2', 2);
    expect(memo.get(settings, 'page=2')).toBe(2);
    expect(memo.get(settings, 'page=3')).toBeUndefined();
  });

  it('forgets everything when the scope is another object, even an equal one', () => {
    const memo = new ScopedMemo<object, number>(10);
    memo.set(settings, 'page=2', 2);
    const changed = { languages: [] };
    expect(memo.get(changed, 'page=2')).toBeUndefined();
    memo.set(changed, 'page=3', 3);
    expect(memo.get(settings, 'page=3')).toBeUndefined();
    expect(memo.get(changed, 'page=2')).toBeUndefined();
    expect(memo.get(changed, 'page=3')).toBe(3);
  });

  it('holds at most maxEntries values', () => {
    const memo = new ScopedMemo<object, number>(2);
    memo.set(settings, 'a', 1);
    memo.set(settings, 'b', 2);
    memo.set(settings, 'c', 3);
    expect([memo.get(settings, 'a'), memo.get(settings, 'b'), memo.get(settings, 'c')]).toEqual([undefined, undefined, 3]);
    const none = new ScopedMemo<object, number>(0);
    none.set(settings, 'a', 1);
    expect(none.get(settings, 'a')).toBeUndefined();
  });
});
