import type { Core } from '@strapi/strapi';
import { closeCacheChannel } from './cache-channel';
import type { TextWorkerService } from './services/text-worker';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await closeCacheChannel(strapi);
  await (strapi.plugin('newsroom').service('text-worker') as TextWorkerService).destroy();
};
