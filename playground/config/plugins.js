// Installed from npm, the plugin is enabled by name; its settings (SPEC 5) go under `config`.
module.exports = ({ env }) => ({
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET', 'playground-jwt-secret') } },
  newsroom: {
    enabled: true,
    config: {
      excerptLength: env.int('NEWSROOM_EXCERPT_LENGTH', 280),
      defaultLanguage: env('NEWSROOM_DEFAULT_LANGUAGE', 'en'),
      importTimeZone: env('NEWSROOM_IMPORT_TIME_ZONE', 'UTC'),
      cacheMaxAge: env.int('NEWSROOM_CACHE_MAX_AGE', 60),
      // Instances sharing a database invalidate each other's snippet caches over Redis pub/sub.
      redis: env('NEWSROOM_REDIS_URL', null),
    },
  },
});
