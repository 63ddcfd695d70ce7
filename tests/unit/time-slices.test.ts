import { collectInSlices, forEachInSlices, sliceClock } from '../../server/src/utils/time-slices';

describe('work in time slices', () => {
  it('calls every item in order', async () => {
    const seen: number[] = [];
    await forEachInSlices([1, 2, 3], (item) => seen.push(item));
    expect(seen).toEqual([1, 2, 3]);
  });

  it('lets other callbacks run between slices', async () => {
    let otherRan = false;
    setImmediate(() => {
      otherRan = true;
    });
    const seenByItem: boolean[] = [];
    // A slice of 0 ms ends after every item.
    await forEachInSlices(['a', 'b'], () => seenByItem.push(otherRan), 0);
    expect(seenByItem).toEqual([false, true]);
  });

  it('gives a loop of awaited steps a turn of the event loop once its slice is used up', async () => {
    let otherRan = false;
    setImmediate(() => {
      otherRan = true;
    });
    // Resolved promises alone never let a setImmediate callback run.
    await Promise.resolve();
    expect(otherRan).toBe(false);
    await sliceClock(0)();
    expect(otherRan).toBe(true);
  });

  it('reads an iterator that works as it is read, to its end', async () => {
    function* numbers() {
      for (let i = 0; i < 5; i += 1) yield i;
    }
    expect(await collectInSlices(numbers(), 0)).toEqual([0, 1, 2, 3, 4]);
  });
});
