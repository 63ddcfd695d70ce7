import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { parseRedisConfig } from '../core/cache-config';
import { createRedisBus, type InvalidationBus } from './invalidation-bus';
import { getService } from '../utils/get-service';

let bus: InvalidationBus | null = null;

/** Connects the snippet cache to the other instances when the `redis` setting is given. */
export const openCacheChannel = (strapi: Core.Strapi) => {
  const redis = parseRedisConfig(strapi.config.get(`plugin::${PLUGIN_ID}.redis`));
  if (!redis.ok || redis.url === null) return;
  const snippets = getService(strapi, 'snippets');
  bus = createRedisBus({ url: redis.url, onRemoteWrite: () => snippets.invalidateLocal(), log: strapi.log });
  snippets.useBus(bus);
};

export const closeCacheChannel = async (strapi: Core.Strapi) => {
  if (!bus) return;
  getService(strapi, 'snippets').useBus(null);
  await bus.close();
  bus = null;
};
