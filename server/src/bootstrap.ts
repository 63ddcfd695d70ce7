import type { Core } from '@strapi/strapi';
import { openCacheChannel } from './cache/channel';
import { proposeSlugsInContentManager } from './content-manager/uid';
import { migrateAfterSwitch } from './localization';
import { registerPermissions } from './permissions';
import { registerPublicSnippetRoutes } from './snippet-fast-path/routes';
import { createFilterRows } from './repositories/filter-rows';
import { createSearchRepository } from './repositories/search';
import { tableStatistics } from './repositories/table-statistics';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // The claims table, claims for rows written before it existed, and no placeholder left
  // by a process that stopped between claiming and writing (a crash mid-import).
  const { releasedStale } = await getService(strapi, 'claims').prepare();
  if (releasedStale > 0) strapi.log.info(`newsroom: released ${releasedStale} claims left by an interrupted write`);
  // `localized` switched since the last startup: articles to their locales, slug claims keyed anew (SPEC 12).
  await migrateAfterSwitch(strapi);
  // The full-text index of `q`, kept by the database on every write (repositories/search.ts).
  await createSearchRepository(strapi).prepare();
  // PostgreSQL: the published articles of each category, kept by the database (repositories/filter-rows.ts).
  await createFilterRows(strapi).prepare();
  // PostgreSQL: statistics for tables never analyzed (autovacuum may be off), which the search plans read.
  await tableStatistics(strapi).prepare();
  await getService(strapi, 'snippets').prepareReads();
  proposeSlugsInContentManager(strapi);
  openCacheChannel(strapi, registerPublicSnippetRoutes(strapi));
  await registerPermissions(strapi);
  await getService(strapi, 'revalidation').start();
};
