#!/usr/bin/env node
/**
 * Frontend revalidation latency (SPEC 11: the first attempt leaves within 5 s of a change,
 * after coalescing), measured, never asserted: from a publish to the receiver's 2xx.
 * Boots the playground (`strapi start`, production mode, the installed plugin: run
 * `node scripts/install-plugin.js` first) on a fresh database with one revalidation
 * target, a receiver in this process that checks each signature, and the plugin's real
 * timing (no NEWSROOM_REVALIDATION_TIMING).
 *
 *   node bench/revalidation.js                      # SQLite in a temporary directory
 *   DATABASE_CLIENT=postgres DATABASE_NAME=bench_revalidation node bench/revalidation.js
 *
 * For PostgreSQL and MySQL the database must exist and be empty. Options:
 * --publishes=N single publishes, one at a time (default 20); --import=N published
 * documents in one import request (default 500).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { startStrapi, adminCredentials, request, sleep } = require('./lib/strapi');

const option = (name, fallback) => {
  const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const PUBLISHES = option('publishes', 20);
const IMPORT = option('import', 500);
const SECRET = 'bench-revalidation-secret';

/** A frontend's endpoint: answers 200 to a delivery whose signature checks out, notes when. */
function startReceiver() {
  const receipts = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = String(req.headers['x-newsroom-signature'] ?? '');
      const t = (header.match(/(?:^|,)t=(\d+)/) ?? [])[1];
      const v1 = (header.match(/(?:^|,)v1=([0-9a-f]{64})/) ?? [])[1];
      const expected = crypto.createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex');
      const signed = t !== undefined && v1 !== undefined && crypto.timingSafeEqual(Buffer.from(v1, 'hex'), Buffer.from(expected, 'hex'));
      res.writeHead(signed ? 200 : 401).end();
      receipts.push({ at: performance.now(), signed, payload: JSON.parse(body) });
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/revalidate`, receipts, close: () => server.close() }))
  );
}

async function waitFor(what, done, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`waited in vain for ${what}`);
    await sleep(5);
  }
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const summary = (values) =>
  `p50 ${percentile(values, 50).toFixed(0)} ms, p95 ${percentile(values, 95).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms (n = ${values.length})`;

function document(i) {
  return [`## Revalidation bench ${Date.now().toString(36)} ${i}`, '', 'Category: English, Economy', '', '---', '', `Body of document ${i}.`, ''].join('\n');
}

async function main() {
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  const tmp = client === 'sqlite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-revalidation-')) : null;
  const receiver = await startReceiver();
  const strapi = await startStrapi({
    env: {
      ...(tmp && { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(tmp, 'data.db') }),
      NEWSROOM_GRAPHQL: 'false',
      NEWSROOM_DOCUMENTATION: 'false',
      NEWSROOM_REVALIDATION: JSON.stringify([{ name: 'bench', url: receiver.url, secret: SECRET, paths: ['/news', '/news/{slug}', '/category/{category}'] }]),
    },
  });
  try {
    const { apiToken } = await adminCredentials(strapi.url);
    const about = (documentId) => (receipt) => receipt.payload.articles.some((article) => article.documentId === documentId);

    // One change at a time: each delivery is a burst of its own (quiet time, then the attempt).
    const fromRequest = [];
    const fromAnswer = [];
    for (let i = 0; i < PUBLISHES; i += 1) {
      const sent = performance.now();
      const { data } = await request(strapi.url, 'POST', '/api/newsroom/articles?status=published', {
        token: apiToken,
        body: { data: { title: `Latency ${Date.now().toString(36)} ${i}`, body: 'A body frontends show.' } },
      });
      const answered = performance.now();
      await waitFor('the delivery', () => receiver.receipts.some(about(data.documentId)));
      const receipt = receiver.receipts.find(about(data.documentId));
      if (!receipt.signed) throw new Error('a delivery was not signed right');
      fromRequest.push(receipt.at - sent);
      fromAnswer.push(receipt.at - answered);
      await sleep(200);
    }

    // A burst: one import request of many published documents.
    const before = receiver.receipts.length;
    const sent = performance.now();
    const res = await fetch(`${strapi.url}/api/newsroom/import?publish=true`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${apiToken}` },
      body: Array.from({ length: IMPORT }, (_, i) => document(i)).join('\n'),
    });
    const answered = performance.now();
    const imported = (await res.json()).data.map((entry) => entry.documentId);
    const burst = () => receiver.receipts.slice(before);
    const told = () => new Set(burst().flatMap((receipt) => receipt.payload.articles.map((article) => article.documentId)));
    await waitFor('every imported article', () => imported.every((id) => told().has(id)), 120_000);
    const last = Math.max(...burst().map((receipt) => receipt.at));

    console.log(`database: ${client}; receiver on 127.0.0.1; the plugin's default timing (burst: 1 s quiet, 2.5 s at most)`);
    console.log(`single publish → receiver's 2xx, from the publish request: ${summary(fromRequest)}`);
    console.log(`single publish → receiver's 2xx, from the publish answer:  ${summary(fromAnswer)}`);
    console.log(
      `import of ${IMPORT} published documents (request took ${((answered - sent) / 1000).toFixed(1)} s): ` +
        `${burst().length} deliveries; the last article's 2xx ${((last - answered) / 1000).toFixed(2)} s after the import answered`
    );
  } finally {
    await strapi.stop();
    receiver.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
