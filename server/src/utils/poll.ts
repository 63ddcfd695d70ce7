const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls `attempt` until it gives a value (anything but undefined), waiting a
 * little longer each time; undefined when `timeoutMs` passes first. For waiting
 * on another request's write to become visible.
 */
export async function poll<T>(
  attempt: () => Promise<T | undefined>,
  options: { timeoutMs: number; firstDelayMs?: number; maxDelayMs?: number }
): Promise<T | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  let delay = options.firstDelayMs ?? 10;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() + delay > deadline) return undefined;
    await sleep(delay);
    delay = Math.min(delay * 2, options.maxDelayMs ?? 250);
  }
}
