/**
 * One bounded load run with autocannon (as a library): a fixed number of
 * connections for a fixed duration against one URL. Latency percentiles are
 * computed from every response's own time (autocannon's histogram has no p95
 * and rounds to whole milliseconds).
 */
const autocannon = require('autocannon');

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/**
 * @param {object} options
 * @param {string} options.url
 * @param {number} options.connections
 * @param {number} options.seconds
 * @param {Record<string,string>} [options.headers]
 * @param {number} [options.expectStatus] every answer must have it (default 200)
 * @param {() => number | null} [options.cpuSeconds] the server's CPU time so far, for CPU per request
 * @returns {Promise<{ rps: number, p50: number, p95: number, p99: number, cpuMicros: number | null, requests: number }>}
 */
function measure({ url, connections, seconds, headers = {}, expectStatus = 200, cpuSeconds = () => null }) {
  return new Promise((resolve, reject) => {
    const cpuBefore = cpuSeconds();
    const latencies = [];
    let unexpected = 0;
    let firstUnexpected = null;
    const started = process.hrtime.bigint();
    const instance = autocannon({ url, connections, duration: seconds, headers, timeout: 30 }, (error, result) => {
      if (error) return reject(error);
      const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
      if (unexpected > 0) {
        return reject(new Error(`${url}: ${unexpected} answers were not ${expectStatus} (first: ${firstUnexpected})`));
      }
      if (result.errors > 0 || result.timeouts > 0) {
        return reject(new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts`));
      }
      latencies.sort((a, b) => a - b);
      const cpuAfter = cpuSeconds();
      resolve({
        cpuMicros: cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1e6) / latencies.length,
        rps: latencies.length / Math.min(elapsed, result.duration || elapsed),
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        requests: latencies.length,
      });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== expectStatus) {
        unexpected += 1;
        firstUnexpected ??= statusCode;
      }
      latencies.push(responseTime);
    });
  });
}

module.exports = { measure, percentile };
