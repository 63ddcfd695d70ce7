/**
 * Feed and sitemap routes (SPEC 10). Content-API routes with permissions of their own,
 * under Newsroom in Users & Permissions roles and API tokens: `feed-rss.find`,
 * `feed-atom.find`, `feed-json.find`, `sitemap.find` (the sitemap, its index and its parts)
 * and `news-sitemap.find`. None is public until an admin allows it; read-only API tokens
 * may call them (Strapi lets those call actions named `find`). The schemas feed the OpenAPI document; the
 * controllers validate.
 */
import { feedQueryRouteSchemas, jsonFeedSchema, sitemapPartSchema, xmlDocumentSchema } from '../core/feeds/feed-schemas';

const feed = (format: 'rss' | 'atom' | 'json') => ({
  method: 'GET',
  path: `/feeds/${format}`,
  handler: `feed-${format}.find`,
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
  { method: 'GET', path: '/news-sitemap.xml', handler: 'news-sitemap.find', config: { policies: [] }, response: xmlDocumentSchema },
] as Array<Record<string, unknown>>;
