import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, CATEGORY_UID } from './constants';
import { openCacheChannel } from './cache-channel';
import { proposeSlugsInContentManager } from './content-manager-uid';
import { categoryNameKey } from './core/category-fields';
import { registerPermissions } from './permissions';
import { registerPublicSnippetRoutes } from './public-snippet-routes';
import type { ClaimsRepository } from './repositories/claims';
import type { RevalidationService } from './services/revalidation';

/**
 * Claims for rows that exist without one (the plugin installed over existing data, or
 * the claims table dropped): inserted only where free, so running it twice is harmless.
 */
const backfillClaims = async (strapi: Core.Strapi, claims: ClaimsRepository) => {
  const articles = (await strapi.db.query(ARTICLE_UID).findMany({
    select: ['documentId', 'slug', 'publishedAt'],
  })) as Array<{ documentId: string; slug: string | null; publishedAt: string | null }>;
  for (const article of articles) {
    if (article.slug) await claims.tryClaim('article-slug', article.slug, article.documentId, article.publishedAt !== null);
  }
  const categories = (await strapi.db.query(CATEGORY_UID).findMany({
    select: ['documentId', 'name', 'slug'],
  })) as Array<{ documentId: string; name: string; slug: string | null }>;
  for (const category of categories) {
    await claims.tryClaim('category-name', categoryNameKey(category.name), category.documentId);
    if (category.slug) await claims.tryClaim('category-slug', category.slug, category.documentId);
  }
};

/** Older than any write in progress: creates hand their claims over within seconds. */
const STALE_PLACEHOLDER_MS = 2 * 60 * 1000;

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const claims = strapi.plugin('newsroom').service('claims') as ClaimsRepository;
  const created = await claims.ensureTable();
  if (created) await backfillClaims(strapi, claims);
  // Placeholders of a process that stopped between claiming and writing (a crash mid-import).
  const stale = await claims.releaseStalePlaceholders(STALE_PLACEHOLDER_MS);
  if (stale > 0) strapi.log.info(`newsroom: released ${stale} claims left by an interrupted write`);
  proposeSlugsInContentManager(strapi);
  openCacheChannel(strapi);
  registerPublicSnippetRoutes(strapi);
  await registerPermissions(strapi);
  await (strapi.plugin('newsroom').service('revalidation') as RevalidationService).start();
};
