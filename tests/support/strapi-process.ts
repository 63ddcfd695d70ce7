/**
 * The playground Strapi as a child process (`strapi start`), for tests that need several
 * instances on one database or a browser. The starter is scripts/lib/strapi-process.js,
 * shared with the benchmark.
 */
import { APP_DIR } from '../../scripts/lib/strapi-process';

export {
  ROOT,
  PLAYGROUND,
  APP_DIR,
  TEST_SECRETS,
  freePort,
  startStrapiProcess,
  adminCredentials,
  type StrapiProcess,
  type StrapiProcessOptions,
} from '../../scripts/lib/strapi-process';

/** Adds i18n locales (Settings → Internationalization) through the admin API; ones that exist are kept. */
export async function createLocales(url: string, jwt: string, locales: Array<{ code: string; name: string }>): Promise<void> {
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${jwt}` };
  const existing = (await (await fetch(`${url}/i18n/locales`, { headers })).json()) as Array<{ code: string }>;
  const have = new Set(existing.map((locale) => locale.code));
  for (const locale of locales.filter((wanted) => !have.has(wanted.code))) {
    const created = await fetch(`${url}/i18n/locales`, { method: 'POST', headers, body: JSON.stringify({ ...locale, isDefault: false }) });
    if (created.status !== 200 && created.status !== 201) throw new Error(`locale ${locale.code}: ${created.status} ${await created.text()}`);
  }
}

/**
 * Whether the app under test has a package (the playground has GraphQL; a fresh app from
 * create-strapi-app, in the compatibility matrix, does not): tests of that plugin's paths run
 * only where it is installed.
 */
export function appHasPackage(name: string): boolean {
  try {
    require.resolve(`${name}/package.json`, { paths: [APP_DIR] });
    return true;
  } catch {
    return false;
  }
}
