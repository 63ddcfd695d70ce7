/**
 * Seeding through the importer (`POST /api/newsroom/import`, SPEC 4.4), in
 * batches of 500 text/plain documents: the seeding itself is the import
 * throughput measurement.
 */
const { benchBatch } = require('./documents');

const BATCH = 500;

/** Posts one batch; returns its wall time and the importer's tally. */
async function importBatch(url, token, text, { publish }) {
  const started = process.hrtime.bigint();
  const res = await fetch(`${url}/api/newsroom/import${publish ? '?publish=true' : ''}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain; charset=utf-8', Authorization: `Bearer ${token}` },
    body: text,
  });
  const body = await res.json();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (res.status !== 200) throw new Error(`import answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
  return { seconds, meta: body.meta };
}

/**
 * Imports documents `from` … `to - 1` (published), BATCH at a time.
 * `onBatch` hears about each batch (progress). Returns docs/s of every full batch, in wall
 * time and per CPU-second of the Strapi process (`cpuSeconds`), which neighbours hardly change.
 */
async function seed(url, token, { from = 0, to, tag = 'bench', publish = true, cpuSeconds = () => null, onBatch = () => {} }) {
  const rates = [];
  const cpuRates = [];
  let total = 0;
  for (let start = from; start < to; start += BATCH) {
    const size = Math.min(BATCH, to - start);
    const text = benchBatch(start, size, { tag });
    const cpuBefore = cpuSeconds();
    const { seconds, meta } = await importBatch(url, token, text, { publish });
    const cpuAfter = cpuSeconds();
    if (meta.created !== size) throw new Error(`import created ${meta.created} of ${size} documents: ${JSON.stringify(meta)}`);
    total += seconds;
    if (size === BATCH) {
      rates.push(size / seconds);
      if (cpuBefore !== null && cpuAfter !== null && cpuAfter > cpuBefore) cpuRates.push(size / (cpuAfter - cpuBefore));
    }
    onBatch({ done: start + size - from, of: to - from, seconds, rate: size / seconds });
  }
  return { rates, cpuRates, seconds: total };
}

module.exports = { seed, importBatch, BATCH };
