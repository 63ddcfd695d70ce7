import { groupIntoStatements, planExcerptUpdates, type ExcerptUpdate } from '../../server/src/core/excerpt-refresh';
import { makeExcerpt } from '../../server/src/core/excerpt';

const words = (count: number, word: string) => Array.from({ length: count }, () => word).join(' ');
const body = words(60, 'lorem');

describe('planning the excerpt regeneration', () => {
  it('regenerates generated excerpts at the new length, carrying what each was computed from', () => {
    const generated = makeExcerpt(body, 280);
    const updates = planExcerptUpdates([{ id: 1, body, excerpt: generated }], 100);
    expect(updates).toEqual([{ id: 1, body, excerpt: generated, next: makeExcerpt(body, 100) }]);
    expect(Array.from(updates[0].next).length).toBeLessThanOrEqual(100);
  });

  it('fills empty excerpts', () => {
    expect(planExcerptUpdates([{ id: 2, body, excerpt: null }, { id: 3, body, excerpt: '  ' }], 100).map((u) => u.id)).toEqual([2, 3]);
  });

  it("keeps editors' own excerpts and rows already at the new length", () => {
    const rows = [
      { id: 4, body, excerpt: 'Written by the editor.' },
      { id: 5, body, excerpt: makeExcerpt(body, 100) },
    ];
    expect(planExcerptUpdates(rows, 100)).toEqual([]);
  });

  it('treats an excerpt of an older body as the editor’s own (why the write must compare first)', () => {
    const stale = makeExcerpt(words(60, 'ipsum'), 280);
    expect(planExcerptUpdates([{ id: 6, body, excerpt: stale }], 100)).toEqual([]);
  });
});

describe('grouping excerpt updates into statements', () => {
  const update = (id: number, size = 10): ExcerptUpdate => ({ id, body: 'b'.repeat(size), excerpt: null, next: '' });

  it('puts at most maxRows rows in a statement, keeping the order', () => {
    const groups = groupIntoStatements([1, 2, 3, 4, 5].map((id) => update(id)), { maxRows: 2, maxChars: 1000 });
    expect(groups.map((group) => group.map((u) => u.id))).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('starts a new statement before the text bound would be passed, and lets a longer row go alone', () => {
    const groups = groupIntoStatements([update(1, 40), update(2, 40), update(3, 500), update(4, 10)], { maxRows: 100, maxChars: 100 });
    expect(groups.map((group) => group.map((u) => u.id))).toEqual([[1, 2], [3], [4]]);
  });

  it('makes no statement for no update', () => {
    expect(groupIntoStatements([], { maxRows: 10, maxChars: 10 })).toEqual([]);
  });
});
