import fs from 'node:fs';
import path from 'node:path';

const SEED_FILE = 'seed-khamenei-nuclear-talks.txt';

/** The copy kept in this repository, so that a fresh clone can run the tests. */
export const REPO_SEED_PATH = path.resolve(__dirname, '../../fixtures', SEED_FILE);

/** `shared/fixtures` of the workspace, found by walking up from here; null outside it. */
export function findSharedSeedPath(): string | null {
  let directory = __dirname;
  for (;;) {
    const candidate = path.join(directory, 'shared', 'fixtures', SEED_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(directory);
    if (parent === directory) return null;
    directory = parent;
  }
}

/** The real seed document: the repository copy, else the shared fixture. */
export function readSeedDocument(): string {
  const seedPath = fs.existsSync(REPO_SEED_PATH) ? REPO_SEED_PATH : findSharedSeedPath();
  if (seedPath === null) throw new Error(`${SEED_FILE} is neither in tests/fixtures nor in a shared/fixtures folder`);
  return fs.readFileSync(seedPath, 'utf8');
}
