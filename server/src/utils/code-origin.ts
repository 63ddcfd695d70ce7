/**
 * Which package a call comes from: the nearest package.json with a name above the
 * file of the calling code, read from V8's structured stack. Used once per listener
 * registration (a handful at startup), never on a request.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CodePackage {
  /** The package's name; null when no named package.json is above the file. */
  name: string | null;
  /** Its directory (the file's own directory when there is no package). */
  root: string;
}

const byDirectory = new Map<string, CodePackage>();

function readName(manifest: string): string | null {
  try {
    const { name } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown };
    return typeof name === 'string' && name !== '' ? name : null;
  } catch {
    return null;
  }
}

/** The package a file belongs to. Nameless package.json files (`{"type":"module"}` markers in dist folders) are skipped. */
export function packageOfFile(file: string): CodePackage {
  const start = path.dirname(file);
  const visited: string[] = [];
  let found: CodePackage | undefined;
  for (let dir = start; ; ) {
    found = byDirectory.get(dir);
    if (found) break;
    visited.push(dir);
    const name = readName(path.join(dir, 'package.json'));
    if (name !== null) {
      found = { name, root: dir };
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      found = { name: null, root: start };
      break;
    }
    dir = parent;
  }
  for (const dir of visited) byDirectory.set(dir, found);
  return found;
}

const toPath = (file: string | null | undefined): string | null => {
  if (!file) return null;
  if (file.startsWith('file://')) return fileURLToPath(file);
  return path.isAbsolute(file) ? file : null; // node:internal/…, eval code
};

/**
 * The file of the code that called `callee` (the first frame below it on the stack
 * that has a file), or null when the stack does not say.
 */
export function callerFile(callee: (...args: never[]) => unknown): string | null {
  const { prepareStackTrace, stackTraceLimit } = Error;
  try {
    Error.stackTraceLimit = 20;
    Error.prepareStackTrace = (_error, sites) => sites;
    const holder: { stack?: unknown } = {};
    Error.captureStackTrace(holder, callee);
    // Read inside the try: V8 formats the stack lazily, with the prepareStackTrace in place then.
    const sites = holder.stack as NodeJS.CallSite[] | undefined;
    for (const site of sites ?? []) {
      const file = toPath(site.getFileName());
      if (file) return file;
    }
    return null;
  } finally {
    Error.prepareStackTrace = prepareStackTrace;
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** The package of the code that called `callee`; null when the stack does not say. */
export function callerPackage(callee: (...args: never[]) => unknown): CodePackage | null {
  const file = callerFile(callee);
  return file ? packageOfFile(file) : null;
}
