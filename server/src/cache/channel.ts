import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { parseRedisConfig } from '../core/cache-config';
import { createRedisBus, type InvalidationBus } from './invalidation-bus';
import { getService } from '../utils/get-service';
import type { TokenAccess } from '../snippet-fast-path/token-access';

let bus: InvalidationBus | null = null;
let announcing: TokenAccess | null = null;

/** Connects the snippet cache, and the API tokens kept in memory, to the other instances when the `redis` setting is given. */
export const openCacheChannel = (strapi: Core.Strapi, tokens: TokenAccess | null) => {
  const redis = parseRedisConfig(strapi.config.get(`plugin::${PLUGIN_ID}.redis`));
  if (!redis.ok || redis.url === null) return;
  const snippets = getService(strapi, 'snippets');
  const opened = createRedisBus({
    url: redis.url,
    onRemoteWrite: () => snippets.invalidateLocal(),
    onRemoteTokenWrite: () => tokens?.invalidate(),
    log: strapi.log,
  });
  bus = opened;
  snippets.useBus(opened);
  announcing = tokens;
  tokens?.announceWritesTo(() => opened.publishTokenWrite());
};

export const closeCacheChannel = async (strapi: Core.Strapi) => {
  if (!bus) return;
  getService(strapi, 'snippets').useBus(null);
  announcing?.announceWritesTo(null);
  announcing = null;
  await bus.close();
  bus = null;
};
