/**
 * Long loops on the main thread, cut into slices: after each slice of about
 * `sliceMs` the event loop gets a turn, so other requests wait one slice at most.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export const SLICE_MS = 10;

/**
 * For a loop of awaited steps that never wait on I/O (better-sqlite3 answers at
 * once, so a chain of queries runs as one task): `await turn()` after each step
 * gives the event loop a turn once a slice is used up.
 */
export function sliceClock(sliceMs = SLICE_MS): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await nextTurn();
    sliceStart = performance.now();
  };
}

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
