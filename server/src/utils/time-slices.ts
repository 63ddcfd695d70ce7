/**
 * Long loops on the main thread, cut into slices: after each slice of about
 * `sliceMs` the event loop gets a turn, so other requests wait one slice at most.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export const SLICE_MS = 10;

/** Every item of `items` (an iterator that works as it is read), read in slices. */
export async function collectInSlices<T>(items: Iterable<T>, sliceMs = SLICE_MS): Promise<T[]> {
  const collected: T[] = [];
  let sliceStart = performance.now();
  for (const item of items) {
    collected.push(item);
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return collected;
}
