/**
 * The optional `redis` key of the plugin config: a redis:// or rediss:// URL. When set,
 * instances sharing a database tell each other about writes over Redis pub/sub, so their
 * snippet caches never serve data older than the last write anywhere.
 */
export type RedisConfig = { ok: true; url: string | null } | { ok: false; message: string };

export function parseRedisConfig(value: unknown): RedisConfig {
  if (value === undefined || value === null || value === '') return { ok: true, url: null };
  if (typeof value !== 'string') return { ok: false, message: '"redis" must be a redis:// or rediss:// URL string' };
  try {
    const url = new URL(value);
    if (url.protocol === 'redis:' || url.protocol === 'rediss:') return { ok: true, url: value };
  } catch {
    // reported below
  }
  return { ok: false, message: `"redis" must be a redis:// or rediss:// URL (got ${JSON.stringify(value.slice(0, 60))})` };
}
