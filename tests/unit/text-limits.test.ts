import { chunks, ROWS_PER_STATEMENT } from '../../server/src/core/chunks';
import { characterCount, fitsIn } from '../../server/src/core/field-limits';

describe('characters of a text field', () => {
  it('are code points: an emoji or an astral letter is one, as an editor counts', () => {
    expect(characterCount('')).toBe(0);
    expect(characterCount('Talks')).toBe(5);
    expect(characterCount('🚀 Launch')).toBe(8);
    expect(characterCount('𝐀'.repeat(10))).toBe(10);
    expect(characterCount('e\u0301')).toBe(2); // e and a combining accent: two code points
  });

  it('count a lone surrogate as one, as Array.from does', () => {
    for (const text of ['\ud83d', '\ude80x', 'a\ud83d\ud83d\ude80']) expect(characterCount(text)).toBe(Array.from(text).length);
  });

  it('fit a limit by characters, not UTF-16 units', () => {
    expect(fitsIn('🚀'.repeat(300), 300)).toBe(true);
    expect(fitsIn('🚀'.repeat(301), 300)).toBe(false);
    expect(fitsIn('a'.repeat(300), 300)).toBe(true);
    expect(fitsIn('a'.repeat(301), 300)).toBe(false);
    expect(fitsIn('a'.repeat(599) + '🚀', 300)).toBe(false);
  });
});

describe('rows a statement handles', () => {
  it('are cut into runs of at most 200, in order', () => {
    const rows = Array.from({ length: 401 }, (_, i) => i);
    const parts = chunks(rows);
    expect(parts.map((part) => part.length)).toEqual([ROWS_PER_STATEMENT, ROWS_PER_STATEMENT, 1]);
    expect(parts.flat()).toEqual(rows);
    expect(chunks([])).toEqual([]);
    expect(chunks([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });

  it('refuse a size that is not a positive whole number', () => {
    expect(() => chunks([1], 0)).toThrow(RangeError);
  });
});
