/**
 * A runnable copy of the playground outside the repository, sharing the repository's
 * node_modules (one Strapi, one React, and the plugin as unpacked from its tarball).
 *
 * Why a copy: `strapi build` looks for a tsconfig.json in the app's directory and every
 * parent, finds the repository's own, and then tries to compile the playground as a
 * TypeScript app. Outside the repository there is none, so the playground stays the plain
 * JavaScript app it is. Only config, sources and package.json are copied; the copy keeps
 * its own admin build and database between runs.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const PLAYGROUND = path.join(ROOT, 'playground');
const COPIED = ['config', 'database', 'public', 'src', 'favicon.png', 'package.json'];

function copyPlayground(target) {
  fs.mkdirSync(target, { recursive: true });
  for (const entry of COPIED) {
    fs.rmSync(path.join(target, entry), { recursive: true, force: true });
    const source = path.join(PLAYGROUND, entry);
    if (fs.existsSync(source)) fs.cpSync(source, path.join(target, entry), { recursive: true });
  }
  // Always re-linked: a copy left by another checkout must not run that checkout's plugin.
  const modules = path.join(target, 'node_modules');
  fs.rmSync(modules, { recursive: true, force: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), modules, 'dir');
  return target;
}

/** A directory in the temp folder of its own for this checkout, so two checkouts never share one. */
function tempAppDir(name) {
  const checkout = require('node:crypto').createHash('sha1').update(ROOT).digest('hex').slice(0, 8);
  return path.join(require('node:os').tmpdir(), `${name}-${checkout}`);
}

module.exports = { ROOT, PLAYGROUND, copyPlayground, tempAppDir };
