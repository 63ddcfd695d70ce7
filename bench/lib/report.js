/**
 * The benchmark's one markdown table, and the machine it ran on. Every figure is
 * a median over rounds with its min–max spread, so a noisy machine shows as spread.
 */
const fs = require('node:fs');
const os = require('node:os');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const spread = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length });

const integer = (n) => Math.round(n).toLocaleString('en-US');
const fixed = (n, digits) => (n === null || n === undefined ? '–' : n.toFixed(digits));
const ms = (n) => fixed(n, n >= 100 ? 0 : n >= 10 ? 1 : 2);
const mib = (bytes) => (bytes === null ? 'n/a' : `${integer(bytes / 1024 / 1024)} MiB`);

/** `12,345 (11,900–12,800)`; a single sample shows no range. */
function withSpread(values, format = integer) {
  if (!values || values.length === 0) return 'n/a';
  const s = spread(values);
  return s.n === 1 ? format(s.median) : `${format(s.median)} (${format(s.min)}–${format(s.max)})`;
}

function machine({ database }) {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
    cpu = (info.match(/^model name\s*:\s*(.+)$/m) ?? [])[1]?.trim() ?? cpu;
  } catch {
    // not Linux: os.cpus() it is
  }
  return {
    cpu,
    cores: os.cpus().length,
    ram: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    database,
  };
}

const cpuKnown = (runs) => runs.every((run) => run.cpuMicros !== null && run.cpuMicros > 0);

/** One load endpoint's cell: rps median (min–max), then p50/p95/p99 medians and the server's CPU a request. */
function loadCell(runs) {
  if (!runs || runs.length === 0) return 'n/a';
  const failed = runs.find((run) => run.failure);
  if (failed) return `✗ **${failed.failure.replace(/\|/g, '\\|')}** (${runs.filter((run) => run.failure).length} of ${runs.length} rounds)`;
  const p = (key) => ms(median(runs.map((run) => run[key])));
  const cpu = cpuKnown(runs) ? `; ${integer(median(runs.map((run) => run.cpuMicros)))} µs CPU/req` : '';
  return `${withSpread(runs.map((run) => run.rps))} rps; p50/p95/p99 ${p('p50')}/${p('p95')}/${p('p99')} ms${cpu}`;
}

/**
 * Per-round ratio of two endpoints measured in the same round (spread from pairs, not from
 * mixing rounds), then the same ratio from CPU a request, which a busy machine hardly moves.
 */
function ratioCell(numerator, denominator, target) {
  if (!numerator?.length || !denominator?.length) return 'n/a';
  if ([...numerator, ...denominator].some((run) => run.failure)) return '✗ (a run failed)';
  const ratios = numerator.map((run, i) => run.rps / denominator[Math.min(i, denominator.length - 1)].rps);
  const value = median(ratios);
  const verdict = target === undefined ? '' : value >= target ? ' ✓' : ' ✗';
  const cpu =
    cpuKnown(numerator) && cpuKnown(denominator)
      ? ` (by CPU ${(median(denominator.map((run) => run.cpuMicros)) / median(numerator.map((run) => run.cpuMicros))).toFixed(2)}×)`
      : '';
  return `${withSpread(ratios, (r) => `${r.toFixed(2)}×`)}${verdict}${cpu}`;
}

/**
 * @param {Array<{ articles: number, loads: Record<string, object[]>, importRates: number[],
 *   draftRates: number[], seedSeconds: number, memory: object }>} results one per article count
 * @param {{ withoutPlugin: number[] }} memory RSS samples of Strapi without the plugin
 */
function table(results, { withoutPlugin, endpoints }) {
  const header = ['Measure', ...results.map((r) => `${integer(r.articles)} articles`), 'SPEC 9 target'];
  const rows = [];
  const row = (label, cells, target = '') => rows.push([label, ...cells, target]);

  for (const endpoint of endpoints) row(endpoint.label, results.map((r) => loadCell(r.loads[endpoint.id])));

  row('snippets ÷ core REST (rps, per round)', results.map((r) => ratioCell(r.loads.snippets, r.loads.core, r.articles === 10000 ? 3 : undefined)), '≥ 3× at 10,000');
  row('snippets ÷ `/_health`', results.map((r) => ratioCell(r.loads.snippets, r.loads.health, r.articles === 10000 ? 0.6 : undefined)), '≥ 0.6× at 10,000');
  row('snippets ÷ ceiling', results.map((r) => ratioCell(r.loads.snippets, r.loads.ceiling)));
  row('snippets without cache ÷ core REST', results.map((r) => ratioCell(r.loads['snippets-nocache'], r.loads.core)));
  row('filtered snippets without cache ÷ core REST', results.map((r) => ratioCell(r.loads['filter-nocache'], r.loads.core)));

  const small = results.find((r) => r.articles === 1000);
  const large = results.find((r) => r.articles === 100000);
  for (const [id, label] of [
    ['snippets', 'snippets'],
    ['snippets-nocache', 'snippets, no cache'],
    ['filter-nocache', 'filtered snippets, no cache'],
  ]) {
    const cells = results.map((r) => {
      if (r !== large) return '–';
      if (!small) return 'n/a (1,000 not run)';
      if ([...large.loads[id], ...small.loads[id]].some((run) => run.failure)) return '✗ (a run failed)';
      const ratio = median(large.loads[id].map((x) => x.p95)) / median(small.loads[id].map((x) => x.p95));
      return `${ratio.toFixed(2)}×${ratio <= 2 ? ' ✓' : ' ✗'}`;
    });
    row(`p95(100k) ÷ p95(1k), ${label}`, large ? cells : results.map(() => 'n/a (100,000 not run)'), '≤ 2×');
  }

  const importCell = (rates, cpuRates) =>
    `${withSpread(rates)} docs/s${cpuRates?.length ? `; ${withSpread(cpuRates)} per Strapi CPU-second` : ''}`;
  row('import, 500 published documents a request (every seeding batch)', results.map((r) => importCell(r.importRates, r.importCpuRates)), '≥ 200 docs/s');
  row('import, 500 drafts a request', results.map((r) => importCell(r.draftRates, r.draftCpuRates)), '≥ 200 docs/s');
  row('seeding time through the importer', results.map((r) => `${integer(r.seedSeconds)} s`));
  row('Strapi RSS after boot, empty database, with the plugin', results.map((r) => withSpread(r.memory.bootRss, mib)));
  row(
    'Strapi RSS after boot, empty database, without the plugin',
    results.map((_, i) => (i === 0 ? withSpread(withoutPlugin, mib) : '″'))
  );
  row('Strapi RSS after the load runs (peak)', results.map((r) => `${mib(r.memory.afterRss)} (${mib(r.memory.peakRss)})`));

  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

module.exports = { table, machine, median, spread, withSpread, integer, mib };

/** A failure's reason for a table cell: without the example route (the log has it), at most 140 characters. */
function shortReason(failure) {
  const text = failure.replace(/ \(\/api\/[^)]*\)\)/g, ')').replace(/\|/g, '\\|');
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

/** One shape run: `1,234 rps; p95 12.3 ms; +0.80 ms CPU`, or the failure with its reason. */
function shapeCell(run, healthMicros) {
  if (!run) return 'n/a';
  const cpu =
    run.cpuMicros === null || healthMicros === null
      ? ''
      : `; ${run.cpuMicros - healthMicros >= 0 ? '+' : '−'}${(Math.abs(run.cpuMicros - healthMicros) / 1000).toFixed(2)} ms CPU`;
  const figures = run.requests > 0 ? `${integer(run.rps)} rps; p95 ${ms(run.p95)} ms${cpu}` : '';
  return run.failure ? `✗ **${shortReason(run.failure)}**${figures ? ` (${figures})` : ''}` : figures;
}

const CPU_TARGET_MICROS = 5000;
const P95_TARGET = 2;
const TOKEN_TARGET = 0.6;

/**
 * The query-shape table of one database: a row per shape × cache × auth, a column per
 * article count, then the targets of issue 15: p95 at the largest count ÷ p95 at the smallest
 * (≤ 2×), CPU a request beyond `/_health` at the largest (< 5 ms), and for token rows the
 * rate ÷ the same row with the Public role (≥ 0.6 on cached answers).
 * @param {Array<{ articles: number, healthMicros: number | null, health: object, runs: Map<string, object> }>} results
 * @param {Array<{ id: string, label: string }>} shapeList
 * @param {Array<{ cache: boolean, auth: 'public' | 'token' }>} variants
 */
function shapesTable(results, shapeList, variants) {
  const small = results[0];
  const large = results.at(-1);
  const short = (n) => (n >= 1000 ? `${integer(n / 1000)}k` : integer(n));
  const header = [
    'Query shape',
    'cache',
    'auth',
    ...results.map((r) => `${integer(r.articles)} articles`),
    `p95 ${short(large.articles)} ÷ ${short(small.articles)} (≤ 2×)`,
    `CPU beyond /_health at ${short(large.articles)} (< 5 ms)`,
    `token ÷ Public rps at ${short(large.articles)} (≥ 0.6 cached)`,
  ];
  const rows = [
    [
      '`GET /_health` (Strapi floor)',
      '',
      '',
      ...results.map((r) => `${r.health ? `${integer(r.health.rps)} rps; p95 ${ms(r.health.p95)} ms; ` : ''}${r.healthMicros === null ? 'n/a' : `${integer(r.healthMicros)} µs CPU/req`}`),
      '',
      '',
      '',
    ],
  ];
  for (const shape of shapeList) {
    for (const variant of variants) {
      const key = `${shape.id}|${variant.cache}|${variant.auth}`;
      const cells = results.map((r) => shapeCell(r.runs.get(key), r.healthMicros));
      const a = small.runs.get(key);
      const b = large.runs.get(key);
      const ok = (run) => run && !run.failure && run.p95 !== null;
      let growth = '–';
      if (large !== small) {
        growth = ok(a) && ok(b) ? `${(b.p95 / a.p95).toFixed(2)}×${b.p95 / a.p95 <= P95_TARGET ? ' ✓' : ' ✗'}` : '✗ (failed)';
      }
      const cpu = ok(b) && b.cpuMicros !== null && large.healthMicros !== null ? b.cpuMicros - large.healthMicros : null;
      const cpuCell = cpu === null ? (ok(b) ? 'n/a' : '✗ (failed)') : `${(cpu / 1000).toFixed(2)} ms${cpu < CPU_TARGET_MICROS ? ' ✓' : ' ✗'}`;
      let tokenCell = '';
      if (variant.auth === 'token') {
        const anonymous = large.runs.get(`${shape.id}|${variant.cache}|public`);
        if (ok(b) && ok(anonymous)) {
          const ratio = b.rps / anonymous.rps;
          // CPU a request hardly moves with the neighbours' load: the same ratio from it.
          const byCpu = b.cpuMicros && anonymous.cpuMicros ? ` (by CPU ${(anonymous.cpuMicros / b.cpuMicros).toFixed(2)}×)` : '';
          tokenCell = `${ratio.toFixed(2)}×${variant.cache ? (ratio >= TOKEN_TARGET ? ' ✓' : ' ✗') : ''}${byCpu}`;
        } else tokenCell = '✗ (failed)';
      }
      rows.push([shape.label, variant.cache ? 'on' : 'off', variant.auth === 'token' ? 'read-only token' : 'Public', ...cells, growth, cpuCell, tokenCell]);
    }
  }
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** How many rows of the table meet each target, for the summary line. */
function shapeTargets(results, shapeList, variants) {
  const small = results[0];
  const large = results.at(-1);
  const tally = { p95: [0, 0], cpu: [0, 0], token: [0, 0], failed: 0 };
  for (const shape of shapeList) {
    for (const variant of variants) {
      const key = `${shape.id}|${variant.cache}|${variant.auth}`;
      const a = small.runs.get(key);
      const b = large.runs.get(key);
      if (results.some((r) => r.runs.get(key)?.failure)) tally.failed += 1;
      if (!b || b.failure) continue;
      if (large !== small && a && !a.failure) {
        tally.p95[1] += 1;
        if (b.p95 / a.p95 <= P95_TARGET) tally.p95[0] += 1;
      }
      if (b.cpuMicros !== null && large.healthMicros !== null) {
        tally.cpu[1] += 1;
        if (b.cpuMicros - large.healthMicros < CPU_TARGET_MICROS) tally.cpu[0] += 1;
      }
      const anonymous = large.runs.get(`${shape.id}|true|public`);
      if (variant.auth === 'token' && variant.cache && anonymous && !anonymous.failure) {
        tally.token[1] += 1;
        if (b.rps / anonymous.rps >= TOKEN_TARGET) tally.token[0] += 1;
      }
    }
  }
  return tally;
}

module.exports.shapesTable = shapesTable;
module.exports.shapeTargets = shapeTargets;
