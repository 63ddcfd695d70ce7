/**
 * Long loops on the main thread, cut into slices: after each slice of about
 * `sliceMs` the event loop gets a turn, so other requests wait one slice at most.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export const SLICE_MS = 10;

/** Calls `each` with every item of `items` (an iterator may work as it is read), in slices. */
export async function forEachInSlices<T>(items: Iterable<T>, each: (item: T) => void, sliceMs = SLICE_MS): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    each(item);
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}

/** Every item of `items`, read in slices. */
export async function collectInSlices<T>(items: Iterable<T>, sliceMs = SLICE_MS): Promise<T[]> {
  const collected: T[] = [];
  await forEachInSlices(items, (item) => collected.push(item), sliceMs);
  return collected;
}
