#!/usr/bin/env node
/**
 * `prepack`: keeps README.md aside (.tmp/README.pack-backup.md) and writes it with absolute
 * links (scripts/lib/readme-links.js), so the packed README works on the registry's page.
 * `postpack`: puts the original back. A backup left by an interrupted pack is restored first.
 */
const fs = require('node:fs');
const path = require('node:path');
const { absoluteLinks, githubRepository } = require('./lib/readme-links');

const root = path.resolve(__dirname, '..');
const readme = path.join(root, 'README.md');
const backup = path.join(root, '.tmp', 'README.pack-backup.md');

function restore() {
  if (!fs.existsSync(backup)) return;
  fs.copyFileSync(backup, readme);
  fs.rmSync(backup);
}

const step = process.argv[2];
if (step === 'prepack') {
  restore();
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const original = fs.readFileSync(readme, 'utf8');
  fs.mkdirSync(path.dirname(backup), { recursive: true });
  fs.writeFileSync(backup, original);
  fs.writeFileSync(readme, absoluteLinks(original, githubRepository(pkg.repository)));
} else if (step === 'postpack') {
  restore();
} else {
  console.error('usage: node scripts/readme-links.js prepack|postpack');
  process.exit(2);
}
