/**
 * The longest wait for `GET /_health` while something else runs: a loop of
 * health requests, one at a time, a few milliseconds apart. When the server's
 * event loop is blocked, the request in flight waits for all of it, so the
 * slowest answer is the longest stall another user would have seen.
 */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One health answer, retried when the connection breaks: a kept-alive socket that
 * the server closed during a long stall resets, and the wait is still one wait.
 */
async function health(url) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const res = await fetch(`${url}/_health`);
      await res.arrayBuffer();
      if (res.status !== 204) throw new Error(`/_health answered ${res.status}`);
      return;
    } catch (error) {
      if (attempt === 5) throw error;
    }
  }
}

/** Runs `work()` while polling; resolves to `{ result, worstMs, polls }`. */
async function duringHealthPolls(url, work, { intervalMs = 5 } = {}) {
  let running = true;
  let worstMs = 0;
  let polls = 0;
  const poller = (async () => {
    while (running) {
      const started = process.hrtime.bigint();
      await health(url);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      worstMs = Math.max(worstMs, ms);
      polls += 1;
      await sleep(intervalMs);
    }
  })();
  let result;
  try {
    result = await work();
  } finally {
    running = false;
    // The poll in flight may be the one that waited longest: it counts.
    await poller;
  }
  return { result, worstMs, polls };
}

/** The slowest of `count` health requests on an idle server: the floor the stalls are read against. */
async function idleHealth(url, count = 200) {
  const { worstMs } = await duringHealthPolls(url, () => sleep(count * 6), { intervalMs: 5 });
  return worstMs;
}

module.exports = { duringHealthPolls, idleHealth };
