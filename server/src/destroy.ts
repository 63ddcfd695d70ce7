import type { Core } from '@strapi/strapi';
import { closeCacheChannel } from './cache-channel';
import type { RevalidationService } from './services/revalidation';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await closeCacheChannel(strapi);
  await (strapi.plugin('newsroom').service('revalidation') as RevalidationService).stop();
};
