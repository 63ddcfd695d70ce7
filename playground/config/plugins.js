// Installed from npm, the plugin is enabled by name; its settings (SPEC 5) go under `config`.
module.exports = ({ env }) => {
  const plugins = {
    'users-permissions': { config: { jwtSecret: env('JWT_SECRET', 'playground-jwt-secret') } },
    newsroom: {
      // The benchmark boots without the plugin to measure what it adds to Strapi's memory.
      enabled: env.bool('NEWSROOM_ENABLED', true),
      config: {
        excerptLength: env.int('NEWSROOM_EXCERPT_LENGTH', 280),
        defaultLanguage: env('NEWSROOM_DEFAULT_LANGUAGE', 'en'),
        importTimeZone: env('NEWSROOM_IMPORT_TIME_ZONE', 'UTC'),
        cacheMaxAge: env.int('NEWSROOM_CACHE_MAX_AGE', 60),
        // Feeds and sitemaps (SPEC 10): off until the frontend's address is set; the demo sets it.
        siteUrl: env('NEWSROOM_SITE_URL', null),
        articleUrl: env('NEWSROOM_ARTICLE_URL', '{siteUrl}/news/{slug}'),
        feedTitle: env('NEWSROOM_FEED_TITLE', 'Newsroom'),
        // Instances sharing a database invalidate each other's snippet caches over Redis pub/sub.
        redis: env('NEWSROOM_REDIS_URL', null),
        // Frontends to notify of changes (SPEC 11): a JSON list of { name, url, secret, paths }.
        revalidation: env.json('NEWSROOM_REVALIDATION', undefined),
        // How imports write new articles (README, Import API): the benchmark compares the two paths.
        importMode: env('NEWSROOM_IMPORT_MODE', 'auto'),
        // Articles localized with Strapi's i18n (SPEC 12); tests boot with it on and with it off.
        localized: env.bool('NEWSROOM_LOCALIZED', false),
      },
    },
  };
  // Optional integrations (SPEC 8); tests boot with each turned off to prove the plugin does not need them.
  const integrations = {
    graphql: {
      enabled: env.bool('NEWSROOM_GRAPHQL', true),
      config: { defaultLimit: 25, maxLimit: 100, depthLimit: 10 },
    },
    documentation: {
      enabled: env.bool('NEWSROOM_DOCUMENTATION', true),
      // The document is written to src/extensions/documentation/documentation/<version>/ at every
      // boot; tests give each boot its own version so parallel runs never share a file.
      config: { info: { version: env('NEWSROOM_DOCUMENTATION_VERSION', '1.0.0') } },
    },
  };
  // Tests: a content-API auth strategy of the project's own, registered before Users & Permissions (and the newsroom).
  const testAuth = ['1', 'true'].includes(env('NEWSROOM_TEST_EXTRA_AUTH', ''))
    ? { 'test-header-auth': { enabled: true, resolve: './src/plugins/test-header-auth' } }
    : {};
  // Tests: a third-party-like plugin that records the article writes its document middleware and
  // lifecycle subscriber see; listed first, it registers its middleware before the newsroom registers.
  const testListeners = ['1', 'true'].includes(env('NEWSROOM_TEST_LISTENERS', ''))
    ? { 'test-listeners': { enabled: true, resolve: './src/plugins/test-listeners' } }
    : {};
  // Strapi registers and bootstraps plugins in this object's key order: tests swap it to prove it does not matter.
  return env.bool('NEWSROOM_INTEGRATIONS_FIRST', false)
    ? { ...testListeners, ...testAuth, ...integrations, ...plugins }
    : { ...testListeners, ...testAuth, ...plugins, ...integrations };
};
