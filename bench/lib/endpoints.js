/**
 * What the benchmark measures, side by side against one Strapi instance.
 * `cache: false` runs with the `cacheMaxAge` setting at 0 (no response cache);
 * `target: 'ceiling'` is the bare Node server, not Strapi; `connections` and `minSeconds` override --connections and --seconds; `auth: false` sends no
 * credentials, `auth: 'token'` a full-access API token, and otherwise the bench's --auth applies.
 */
const { FILTER } = require('./documents');

const CORE_REST = '/api/newsroom/articles?populate=categories&pagination[pageSize]=25&status=published';
const FILTERED = `/api/newsroom/snippets?category=${FILTER.category}&language=${FILTER.language}`;

/** Feeds and sitemaps (SPEC 10): the RSS feed's default 50 items, and the sitemap streamed from the database. */
const DISTRIBUTION_ENDPOINTS = [
  { id: 'rss', label: '`GET /api/newsroom/feeds/rss` (50 items, cache on)', path: '/api/newsroom/feeds/rss' },
  { id: 'rss-nocache', label: '`GET /api/newsroom/feeds/rss` (no response cache)', path: '/api/newsroom/feeds/rss', cache: false },
  // A sitemap answer is megabytes: one connection, and at least 10 s, so several complete.
  { id: 'sitemap', label: '`GET /api/newsroom/sitemap.xml` (every article; past 50,000 the index; 1 connection)', path: '/api/newsroom/sitemap.xml', connections: 1, minSeconds: 10 },
  { id: 'sitemap-part', label: '`GET /api/newsroom/sitemap-1.xml` (first part: up to 50,000 URLs, streamed; 1 connection)', path: '/api/newsroom/sitemap-1.xml', connections: 1, minSeconds: 10 },
];
const DISTRIBUTION_ACTIONS = ['plugin::newsroom.feed-rss.find', 'plugin::newsroom.sitemap.find'];
/** The siteUrl setting the feed and sitemap endpoints need. */
const DISTRIBUTION_SETTINGS = { siteUrl: 'https://www.example.com' };

const ENDPOINTS = [
  { id: 'health', label: '`GET /_health` (Strapi floor)', path: '/_health', status: 204, auth: false },
  { id: 'core', label: '`GET /api/newsroom/articles?populate=categories&pagination[pageSize]=25&status=published` (core REST)', path: CORE_REST },
  { id: 'snippets', label: '`GET /api/newsroom/snippets` (default page, response cache on)', path: '/api/newsroom/snippets' },
  { id: 'snippets-nocache', label: '`GET /api/newsroom/snippets` (cacheMaxAge 0: no response cache)', path: '/api/newsroom/snippets', cache: false },
  { id: 'filter', label: `\`GET ${FILTERED}\` (cache on)`, path: FILTERED },
  { id: 'filter-nocache', label: `\`GET ${FILTERED}\` (no response cache)`, path: FILTERED, cache: false },
  { id: 'slug', label: '`GET /api/newsroom/snippets/:slug` (cache on)', path: null /* filled in with a real slug */ },
  // With credentials Strapi authenticates every request itself (a token lookup in the database): its floor for them.
  { id: 'snippets-token', label: '`GET /api/newsroom/snippets` with a full-access API token (cache on)', path: '/api/newsroom/snippets', auth: 'token' },
  { id: 'core-token', label: 'core REST query as above, with a full-access API token', path: CORE_REST, auth: 'token' },
  { id: 'ceiling', label: 'bare Node `http` server, same snippet JSON from memory (ceiling)', path: '/', target: 'ceiling' },
  // Feeds and sitemaps (SPEC 10); run.js sets the siteUrl they need.
  ...DISTRIBUTION_ENDPOINTS,
];

/** The Public role gets exactly the read actions measured here. */
const PUBLIC_ACTIONS = ['plugin::newsroom.article.find', 'plugin::newsroom.snippet.find', 'plugin::newsroom.snippet.findOne', ...DISTRIBUTION_ACTIONS];

module.exports = { ENDPOINTS, PUBLIC_ACTIONS, CORE_REST, FILTERED, DISTRIBUTION_SETTINGS };
