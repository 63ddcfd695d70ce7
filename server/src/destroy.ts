import type { Core } from '@strapi/strapi';
import { closeCacheChannel } from './cache-channel';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await closeCacheChannel(strapi);
};
