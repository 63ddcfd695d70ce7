#!/usr/bin/env node
/**
 * Hostile input (SPEC 9, issue 12): how long other requests wait while one hostile
 * request is handled. Measured, never asserted.
 *
 * Boots the playground in production mode on a fresh SQLite database, then for each
 * hostile shape (bench/lib/hostile-shapes.js: a long run of one character or short
 * pattern in a header line, the source line or the body of an import, or in the body
 * of a REST article create) and each size sends the request while another loop polls
 * `GET /_health` every 5 ms; the slowest health answer is the longest stall. Targets:
 * under 100 ms at 100 KB, under 1 s at 5 MB. The answer's status and counts are
 * printed next to each figure, so a fast wrong answer shows.
 *
 *   node bench/hostile.js                       # all shapes at 100 KB and 5 MB (~15 min on 2 cores)
 *   node bench/hostile.js --sizes=100k          # one size
 *   node bench/hostile.js --targets=body,rest --fills=' ,*'   # a few shapes (fills: comma list, JSON escapes allowed)
 *   node bench/run.js --hostile [same options]  # the same from the main benchmark
 *
 * Options: --no-build (use the installed plugin), --out=docs/BENCHMARKS.md (the section
 * between the hostile markers is rewritten), --no-write.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { onInterrupt } = require('./lib/cleanup');
const { FILLS, IMPORT_TARGETS, REST_TARGETS, fiveHundred, label, manyDocuments, ordinaryArticle, ordinaryDocument, restArticle } = require('./lib/hostile-shapes');
const { machine } = require('./lib/report');
const { duringHealthPolls, idleHealth } = require('./lib/stall');
const { ROOT, startStrapi, adminCredentials } = require('./lib/strapi');

const SIZES = { '100k': 100 * 1000, '1m': 1000 * 1000, '5m': 5 * 1000 * 1000 };
/** Strapi's JSON limit for REST bodies is 1 MB: a REST create is measured at 100 KB and just under 1 MB. */
const REST_SIZES = { '100k': 100 * 1000, '1m': 1000 * 1000 - 2000, '5m': 1000 * 1000 - 2000 };
const TARGETS_MS = { '100k': 100, '1m': 1000, '5m': 1000 };

const log = (message) => process.stderr.write(`[hostile] ${message}\n`);

function parseArgs(args) {
  const flag = (name) => args.includes(`--${name}`);
  const option = (name, fallback) => {
    const found = args.find((arg) => arg.startsWith(`--${name}=`));
    return found ? found.slice(name.length + 3) : fallback;
  };
  const list = (value) => value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  const sizes = list(option('sizes', '100k,5m'));
  for (const size of sizes) if (!(size in SIZES)) throw new Error(`--sizes takes ${Object.keys(SIZES).join(', ')}`);
  const fills = option('fills', null);
  return {
    sizes,
    targets: list(option('targets', ['ordinary', ...Object.keys(IMPORT_TARGETS), '500 bodies', 'documents', ...Object.keys(REST_TARGETS)].join(','))),
    // `--fills=' ,\t'`: JSON escapes allowed, a comma separates (`\u002c` for a comma itself).
    fills: fills === null ? FILLS : fills.split(',').map((fill) => JSON.parse(`"${fill}"`)),
    build: !flag('no-build'),
    out: flag('no-write') ? null : path.resolve(ROOT, option('out', 'docs/BENCHMARKS.md')),
  };
}

/** Sends one request; the answer in a few words (status, counts, first reason). */
async function send(url, { path: route, body, type, token }) {
  const res = await fetch(`${url}${route}`, {
    method: 'POST',
    headers: { 'Content-Type': type, Authorization: `Bearer ${token}` },
    body,
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: the status says enough
  }
  if (json?.meta && Array.isArray(json.data)) {
    const { created, duplicates, invalid } = json.meta;
    const reason = json.data.find((entry) => entry.errors)?.errors?.[0]?.message;
    return `${res.status}: ${created} created, ${duplicates} duplicate, ${invalid} invalid${reason ? ` (${shorten(reason)})` : ''}`;
  }
  if (json?.data?.documentId) return `${res.status}: created, ${json.data.wordCount} words`;
  return `${res.status}${json?.error?.message ? `: ${shorten(json.error.message)}` : ''}`;
}

const shorten = (text) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** Every request of the run: `{ row, size, request }`. */
function requests(settings, token) {
  const all = [];
  let n = 0;
  const title = () => `Hostile ${(n += 1)} ${Date.now()}`;
  for (const size of settings.sizes) {
    for (const target of settings.targets) {
      if (target === 'ordinary') {
        // The floor to read the others against: what an ordinary request of that size costs.
        all.push({
          row: 'ordinary prose, import (for comparison)',
          size,
          request: { path: '/api/newsroom/import', type: 'text/plain', token, body: ordinaryDocument(title(), SIZES[size]) },
        });
        all.push({
          row: 'ordinary prose, import of 500 documents (for comparison)',
          size,
          request: { path: '/api/newsroom/import', type: 'text/plain', token, body: fiveHundred(title(), SIZES[size], ordinaryDocument) },
        });
        all.push({
          row: 'ordinary prose, REST article create (for comparison)',
          size,
          request: { path: '/api/newsroom/articles', type: 'application/json', token, body: ordinaryArticle(title(), REST_SIZES[size]) },
        });
        continue;
      }
      if (target === 'documents') {
        all.push({
          row: '`## a` lines (a document each)',
          size,
          request: { path: '/api/newsroom/import', type: 'text/plain', token, body: manyDocuments(SIZES[size]) },
        });
        continue;
      }
      for (const fill of settings.fills) {
        if (target in REST_TARGETS) {
          all.push({
            row: `${target}: ${label(fill)}`,
            size,
            request: { path: '/api/newsroom/articles', type: 'application/json', token, body: restArticle(target, title(), fill, REST_SIZES[size]) },
          });
        } else if (target === '500 bodies') {
          all.push({
            row: `import, 500 documents, each body: ${label(fill)}`,
            size,
            request: { path: '/api/newsroom/import', type: 'text/plain', token, body: fiveHundred(title(), SIZES[size], (t, b) => IMPORT_TARGETS.body(t, fill, b)) },
          });
        } else if (target in IMPORT_TARGETS) {
          all.push({
            row: `import, ${target}: ${label(fill)}`,
            size,
            request: { path: '/api/newsroom/import', type: 'text/plain', token, body: IMPORT_TARGETS[target](title(), fill, SIZES[size]) },
          });
        } else {
          throw new Error(`unknown target "${target}"`);
        }
      }
    }
  }
  return all;
}

function report(results, settings, idleMs) {
  const rows = [...new Set(results.map((r) => r.row))];
  const cell = (row, size) => {
    const r = results.find((x) => x.row === row && x.size === size);
    if (!r) return '–';
    const mark = r.worstMs < TARGETS_MS[size] ? '' : ' ✗';
    return `${Math.round(r.worstMs)} ms${mark} (answer in ${r.seconds.toFixed(1)} s; ${r.answer})`;
  };
  const header = ['Hostile request', ...settings.sizes.map((size) => `longest /_health wait, ${size === '5m' ? '5 MB' : size === '1m' ? '1 MB' : '100 KB'}`)];
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const worst = settings.sizes.map((size) => {
    const bySize = results.filter((r) => r.size === size);
    const top = bySize.reduce((a, b) => (b.worstMs > a.worstMs ? b : a), bySize[0]);
    return top ? `${size}: ${Math.round(top.worstMs)} ms (${top.row}; target ${TARGETS_MS[size]} ms)` : `${size}: –`;
  });
  return [
    `Idle /_health, slowest of 200: ${Math.round(idleMs)} ms. Worst stall: ${worst.join('; ')}.`,
    '',
    line(header),
    line(header.map(() => '---')),
    ...rows.map((row) => line([row, ...settings.sizes.map((size) => cell(row, size))])),
  ].join('\n');
}

const START = '<!-- hostile:start (written by bench/hostile.js) -->';
const END = '<!-- hostile:end -->';

function writeSection(file, generated) {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const section = `${START}\n${generated}\n${END}`;
  if (existing.includes(START) && existing.includes(END)) {
    fs.writeFileSync(file, `${existing.slice(0, existing.indexOf(START))}${section}${existing.slice(existing.indexOf(END) + END.length)}`);
  } else {
    fs.writeFileSync(file, `${existing}\n## Hostile input\n\n${section}\n`);
  }
}

async function main(args = process.argv.slice(2)) {
  const settings = parseArgs(args);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-hostile-'));
  onInterrupt(() => fs.rmSync(dir, { recursive: true, force: true }));
  const started = Date.now();
  const loadAtStart = os.loadavg()[0];
  try {
    if (settings.build) {
      log('building and installing the plugin from its tarball');
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/install-plugin.js')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    const strapi = await startStrapi({
      env: {
        DATABASE_CLIENT: 'sqlite',
        DATABASE_FILENAME: path.join(dir, 'hostile.db'),
        NEWSROOM_GRAPHQL: 'false',
        NEWSROOM_DOCUMENTATION: 'false',
      },
    });
    const results = [];
    let idleMs = 0;
    try {
      log(`Strapi healthy after ${strapi.bootSeconds.toFixed(1)} s, pid ${strapi.pid}`);
      const { apiToken } = await adminCredentials(strapi.url);
      idleMs = await idleHealth(strapi.url);
      log(`idle /_health: slowest of 200 ${idleMs.toFixed(1)} ms`);
      for (const { row, size, request } of requests(settings, apiToken)) {
        const t0 = process.hrtime.bigint();
        const { result: answer, worstMs } = await duringHealthPolls(strapi.url, () => send(strapi.url, request));
        const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
        results.push({ row, size, worstMs, seconds, answer });
        log(`${size.padEnd(4)} ${row.padEnd(44)} longest /_health ${worstMs.toFixed(0).padStart(6)} ms; ${seconds.toFixed(1)} s; ${answer}`);
      }
    } catch (error) {
      process.stderr.write(strapi.output().slice(-5000));
      throw error;
    } finally {
      await strapi.stop();
    }

    const described = machine({ database: 'SQLite (better-sqlite3), file on local disk' });
    const generated = [
      `Run ${new Date().toISOString()} with \`node bench/hostile.js ${args.join(' ')}\` (${Math.round((Date.now() - started) / 1000)} s).`,
      '',
      `Machine: ${described.cpu}, ${described.cores} cores, Node ${described.node}; ${described.database}; @strapi/strapi ${require(path.join(ROOT, 'node_modules/@strapi/strapi/package.json')).version}. ` +
        `Load average (1 min) ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end: on a shared machine every wait includes the neighbours' share of the cores.`,
      '',
      'Cells: the slowest `GET /_health` answer while the request ran (polled every 5 ms, one at a time), then how long the hostile request itself took and its answer. ' +
        `REST creates are sent just under Strapi's 1 MB JSON limit in the larger column. Targets: under ${TARGETS_MS['100k']} ms at 100 KB, under ${TARGETS_MS['5m']} ms at 5 MB (✗ marks a miss).`,
      '',
      report(results, settings, idleMs),
    ].join('\n');
    process.stdout.write(`\n${generated}\n`);
    if (settings.out) {
      writeSection(settings.out, generated);
      log(`written to ${path.relative(ROOT, settings.out)}`);
    }
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { main };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
