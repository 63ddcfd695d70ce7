/**
 * Feed and sitemap routes (SPEC 10). Content-API routes with permissions of their own,
 * under Newsroom in Users & Permissions roles and API tokens: `feed.rss`, `feed.atom`,
 * `feed.json`, `sitemap.find` (the sitemap, its index and its parts) and `sitemap.news`.
 * None is public until an admin allows it. The schemas feed the OpenAPI document; the
 * controllers validate.
 */
import { feedQueryRouteSchemas, jsonFeedSchema, sitemapPartSchema, xmlDocumentSchema } from '../core/feeds/feed-schemas';

const feed = (format: 'rss' | 'atom' | 'json') => ({
  method: 'GET',
  path: `/feeds/${format}`,
  handler: `feed.${format}`,
  config: { policies: [] },
  request: { query: feedQueryRouteSchemas },
  response: format === 'json' ? jsonFeedSchema : xmlDocumentSchema,
});

export default [
  feed('rss'),
  feed('atom'),
  feed('json'),
  { method: 'GET', path: '/sitemap.xml', handler: 'sitemap.find', config: { policies: [] }, response: xmlDocumentSchema },
  {
    method: 'GET',
    path: '/sitemap-:part.xml',
    handler: 'sitemap.find',
    config: { policies: [] },
    request: { params: { part: sitemapPartSchema } },
    response: xmlDocumentSchema,
  },
  { method: 'GET', path: '/news-sitemap.xml', handler: 'sitemap.news', config: { policies: [] }, response: xmlDocumentSchema },
] as Array<Record<string, unknown>>;
