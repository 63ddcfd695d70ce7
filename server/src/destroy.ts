import type { Core } from '@strapi/strapi';
import { closeCacheChannel } from './cache/channel';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await closeCacheChannel(strapi);
  await getService(strapi, 'revalidation').stop();
  await getService(strapi, 'text-worker').destroy();
};
