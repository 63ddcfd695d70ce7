/**
 * Summarizes a V8 `.cpuprofile` (from `node --cpu-prof`): where the samples
 * landed by function (self time), by package (self time), and the functions
 * most often on the stack (inclusive time, each counted once per sample).
 */
const fs = require('node:fs');

/** `node_modules/@strapi/core/dist/…` → `@strapi/core`; the plugin and Node's own code get names too. */
function packageOf(url) {
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) return 'node (built-in modules)';
  const at = url.lastIndexOf('node_modules/');
  if (at !== -1) {
    const parts = url.slice(at + 'node_modules/'.length).split('/');
    const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    return name === 'strapi-plugin-newsroom' ? 'strapi-plugin-newsroom (this plugin)' : name;
  }
  return url.replace(/^file:\/\//, '');
}

const shortUrl = (url) => {
  if (!url) return '';
  const at = url.lastIndexOf('node_modules/');
  return at === -1 ? url.replace(/^file:\/\//, '') : url.slice(at + 'node_modules/'.length);
};

/**
 * @returns {{ totalMs: number, byFunction: Array, byPackage: Array, inclusive: Array }}
 */
function summarize(file, { top = 25, window } = {}) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  // `window`: only the samples of a load run, `endGapMs` before the profile ended, `lengthMs` long.
  const times = [];
  for (let i = 0, t = profile.startTime; i < profile.samples.length; i += 1) times.push((t += profile.timeDeltas[i]));
  const inWindow = window
    ? (i) => {
        const end = profile.endTime - window.endGapMs * 1000;
        return times[i] <= end && times[i] >= end - window.lengthMs * 1000;
      }
    : () => true;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const keyOf = (node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || '(anonymous)'} ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`;
  };

  const self = new Map();
  const byPackage = new Map();
  const inclusive = new Map();
  let totalMs = 0;
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);

  for (let i = 0; i < profile.samples.length; i += 1) {
    if (!inWindow(i)) continue;
    // timeDeltas[i] is the time before sample i; the next delta is closer to the time spent in it.
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const node = nodes.get(profile.samples[i]);
    totalMs += ms;
    add(self, keyOf(node), ms);
    add(byPackage, node.callFrame.url ? packageOf(node.callFrame.url) : node.callFrame.functionName || '(native / V8)', ms);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const key = keyOf(nodes.get(id));
      if (!seen.has(key)) {
        seen.add(key);
        add(inclusive, key, ms);
      }
    }
  }
  const ranked = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms, share: ms / totalMs }));
  return { totalMs, byFunction: ranked(self), byPackage: ranked(byPackage), inclusive: ranked(inclusive) };
}

function format(summary, { title = 'profile' } = {}) {
  const pct = (share) => `${(share * 100).toFixed(1).padStart(5)}%`;
  const lines = [`## ${title}: ${(summary.totalMs / 1000).toFixed(1)} s of samples`, '', 'Self time by package:'];
  for (const row of summary.byPackage) lines.push(`  ${pct(row.share)}  ${row.name}`);
  lines.push('', 'Self time by function:');
  for (const row of summary.byFunction) lines.push(`  ${pct(row.share)}  ${row.name}`);
  lines.push('', 'Inclusive (on the stack):');
  for (const row of summary.inclusive) lines.push(`  ${pct(row.share)}  ${row.name}`);
  return lines.join('\n');
}

module.exports = { summarize, format, packageOf };

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/lib/cpuprofile.js <file.cpuprofile> [top]');
    process.exit(2);
  }
  console.log(format(summarize(file, { top: Number(top ?? 25) }), { title: file }));
}
