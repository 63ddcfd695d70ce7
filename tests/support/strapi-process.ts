/**
 * The playground Strapi as a child process (`strapi start`), for tests that need several
 * instances on one database or a browser. The starter is scripts/lib/strapi-process.js,
 * shared with the benchmark.
 */
export {
  ROOT,
  PLAYGROUND,
  TEST_SECRETS,
  freePort,
  startStrapiProcess,
  adminCredentials,
  type StrapiProcess,
  type StrapiProcessOptions,
} from '../../scripts/lib/strapi-process';
