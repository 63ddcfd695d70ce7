#!/usr/bin/env node
/**
 * Installs the plugin into the playground the way users get it: `npm pack` the built
 * package and unpack the tarball as node_modules/strapi-plugin-newsroom. The playground
 * shares the repository's node_modules (one copy of Strapi and React), so the tarball is
 * unpacked there, where Strapi's plugin loader resolves `strapi-plugin-newsroom`.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const target = path.join(root, 'node_modules', 'strapi-plugin-newsroom');

function run(command, args, options = {}) {
  const out = execFileSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], ...options });
  return out ? out.toString() : '';
}

if (!process.argv.includes('--no-build')) {
  // `npm run build`: the plugin bundles, then the declarations of shared/ (see shared/tsconfig.build.json).
  run('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
const tarball = path.join(root, 'strapi-plugin-newsroom.tgz');
const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', root]))[0];
fs.renameSync(path.join(root, packed.filename), tarball);
fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(target, { recursive: true });
run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
console.log(`installed ${packed.name}@${packed.version} (${packed.entryCount} files) into node_modules/strapi-plugin-newsroom`);
