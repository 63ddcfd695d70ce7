/**
 * One bounded load run with autocannon (as a library): a fixed number of
 * connections for a fixed duration against one URL, or against a new path for every
 * request (`path`, so the response cache cannot help where it should not). Latency
 * percentiles are computed from every response's own time (autocannon's histogram has
 * no p95 and rounds to whole milliseconds).
 *
 * A run never throws for what the server answered: answers other than `expectStatus`,
 * errors, timeouts or no answer at all within the window make it a failure, with its
 * reason in `failure`, and the figures of what did answer.
 */
const autocannon = require('autocannon');

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** The reason an error answer gives (Strapi's `error.message`), else the start of its body. */
function reasonOf(body) {
  try {
    const json = JSON.parse(body);
    if (json?.error?.message) return json.error.message;
  } catch {
    // not JSON
  }
  return String(body ?? '').slice(0, 120);
}

/**
 * @param {object} options
 * @param {string} options.url the server's origin plus, without `path`, the route
 * @param {() => string} [options.path] a route for every request (random values)
 * @param {number} options.connections
 * @param {number} options.seconds
 * @param {Record<string,string>} [options.headers]
 * @param {number} [options.expectStatus] every answer must have it (default 200)
 * @param {() => number | null | Promise<number | null>} [options.cpuSeconds] the server's CPU time so far, for CPU per request
 * @returns {Promise<{ rps: number, p50: number | null, p95: number | null, p99: number | null,
 *   cpuMicros: number | null, requests: number, failure: string | null }>}
 */
async function measure({ url, path, connections, seconds, headers = {}, expectStatus = 200, cpuSeconds = () => null }) {
  const cpuBefore = await cpuSeconds();
  const { result, latencies, unexpected, firstUnexpected, elapsed } = await new Promise((resolve, reject) => {
    const latencies = [];
    let unexpected = 0;
    let firstUnexpected = null;
    const started = process.hrtime.bigint();
    const request = {
      ...(path && {
        setupRequest: (req, context) => {
          context.path = path();
          return { ...req, path: context.path };
        },
      }),
      // Only the first wrong answer's body is kept, for its reason.
      onResponse: (status, body, context) => {
        if (status !== expectStatus && firstUnexpected === null) firstUnexpected = `${status}: ${reasonOf(body)} (${context?.path ?? ''})`;
      },
    };
    const instance = autocannon({ url, connections, duration: seconds, headers, timeout: 30, requests: [request] }, (error, result) => {
      if (error) return reject(error);
      resolve({ result, latencies, unexpected, firstUnexpected, elapsed: Number(process.hrtime.bigint() - started) / 1e9 });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== expectStatus) unexpected += 1;
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const cpuAfter = await cpuSeconds();
  const answered = latencies.length;
  const failures = [];
  if (unexpected > 0) failures.push(`${unexpected} of ${answered} answers were not ${expectStatus} (first ${firstUnexpected ?? 'unknown'})`);
  if (result.errors > 0 || result.timeouts > 0) failures.push(`${result.errors} errors, ${result.timeouts} timeouts`);
  if (answered === 0) failures.push(`no answer within the ${seconds} s window`);
  return {
    cpuMicros: cpuBefore === null || cpuAfter === null || answered === 0 ? null : ((cpuAfter - cpuBefore) * 1e6) / answered,
    rps: answered / Math.min(elapsed, result.duration || elapsed),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: answered,
    failure: failures.length ? failures.join('; ') : null,
  };
}

module.exports = { measure, percentile };
