/**
 * The admin panel never reaches into server code, and what it shares with the server
 * (shared/) needs no library: so the admin bundle carries nothing of the server's
 * (zod, luxon, the language tables), and the server may change freely behind the contracts.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });

/** Every module a file imports or re-exports (`import … from`, `export … from`, `import('…')`). */
const importsOf = (file: string): string[] =>
  [...fs.readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((match) => match[1]);

/** Relative imports resolved to a path from the package root. */
const resolved = (file: string, specifier: string) => path.relative(ROOT, path.resolve(path.dirname(file), specifier));

describe('the admin/server boundary', () => {
  it('admin code imports from admin/src and shared/ only, never from server/', () => {
    const outside = sourceFiles(path.join(ROOT, 'admin/src')).flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => resolved(file, specifier))
        .filter((target) => !target.startsWith(`admin${path.sep}src`) && !target.startsWith(`shared${path.sep}`))
        .map((target) => `${path.relative(ROOT, file)} → ${target}`)
    );
    expect(outside).toEqual([]);
  });

  it('admin code imports no server-only library', () => {
    const serverOnly = ['zod', 'luxon', 'ioredis', 'slugify', '@strapi/utils'];
    const found = sourceFiles(path.join(ROOT, 'admin/src')).flatMap((file) =>
      importsOf(file)
        .filter((specifier) => serverOnly.some((name) => specifier === name || specifier.startsWith(`${name}/`)))
        .map((specifier) => `${path.relative(ROOT, file)} → ${specifier}`)
    );
    expect(found).toEqual([]);
  });

  it('shared code imports nothing but other shared files: no package, no admin or server code', () => {
    const outside = sourceFiles(path.join(ROOT, 'shared')).flatMap((file) =>
      importsOf(file)
        .filter((specifier) => !specifier.startsWith('.') || !resolved(file, specifier).startsWith(`shared${path.sep}`))
        .map((specifier) => `${path.relative(ROOT, file)} → ${specifier}`)
    );
    expect(outside).toEqual([]);
  });
});
