/**
 * The app the browser tests run against: a copy of the playground in the temp directory
 * (see scripts/lib/app-copy.js for why), with its admin panel built by `strapi build`.
 * Its build and database never collide with anyone else's run. Like many real apps, it
 * has its own Article and Category besides the plugin's (see `addExampleTemplateTypes`).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { copyPlayground, tempAppDir } from '../../../scripts/lib/app-copy';
import { PLAYGROUND, ROOT } from '../../support/strapi-process';

export const E2E_APP = tempAppDir('newsroom-e2e-app');
export const STRAPI_BIN = path.join(ROOT, 'node_modules/@strapi/strapi/bin/strapi.js');
const PLUGIN_ADMIN = path.join(ROOT, 'node_modules/strapi-plugin-newsroom/dist/admin');
const STAMP = path.join(E2E_APP, 'build', '.newsroom-admin-hash');

/** A hash of the plugin's built admin code and the app's config: a new one needs a new build. */
function sourceHash(): string {
  const hash = createHash('sha1');
  const add = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) add(file);
      else hash.update(entry.name).update(fs.readFileSync(file));
    }
  };
  if (!fs.existsSync(PLUGIN_ADMIN)) throw new Error('The plugin is not installed: run `node scripts/install-plugin.js` first');
  add(PLUGIN_ADMIN);
  add(path.join(PLAYGROUND, 'config'));
  return hash.digest('hex');
}

/**
 * The app's own `api::article.article` "Article" and `api::category.category` "Category",
 * with the uids and display names an app made by `create-strapi-app --example` has (a few of
 * their fields are enough): the plugin's types must be told apart from them in the admin.
 */
export const EXAMPLE_TEMPLATE_TYPES = [
  {
    uid: 'api::article.article',
    schema: {
      kind: 'collectionType',
      collectionName: 'articles',
      info: { singularName: 'article', pluralName: 'articles', displayName: 'Article', description: 'Create your blog content' },
      options: { draftAndPublish: true },
      attributes: { title: { type: 'string' }, description: { type: 'text', maxLength: 80 }, slug: { type: 'uid', targetField: 'title' } },
    },
  },
  {
    uid: 'api::category.category',
    schema: {
      kind: 'collectionType',
      collectionName: 'categories',
      info: { singularName: 'category', pluralName: 'categories', displayName: 'Category', description: 'Organize your content into categories' },
      options: { draftAndPublish: false },
      attributes: { name: { type: 'string' }, slug: { type: 'uid' }, description: { type: 'text' } },
    },
  },
] as const;

function addExampleTemplateTypes(appDir: string): void {
  for (const { schema } of EXAMPLE_TEMPLATE_TYPES) {
    const name = schema.info.singularName;
    const dir = path.join(appDir, 'src', 'api', name, 'content-types', name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
  }
}

/** Copies the playground and builds its admin panel unless the last build is of the same code. */
export function prepareE2eApp(log: (message: string) => void = () => undefined): void {
  copyPlayground(E2E_APP);
  addExampleTemplateTypes(E2E_APP);
  const hash = sourceHash();
  if (process.env.NEWSROOM_E2E_REBUILD !== '1' && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash) {
    log('admin build is up to date');
    return;
  }
  log('building the admin panel (about a minute)…');
  try {
    execFileSync(process.execPath, [STRAPI_BIN, 'build'], {
      cwd: E2E_APP,
      env: { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
      stdio: 'pipe',
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`strapi build failed:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
  }
  fs.writeFileSync(STAMP, hash);
}
