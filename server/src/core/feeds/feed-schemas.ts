/**
 * Route declarations of feeds and sitemaps for the OpenAPI document (SPEC 10; see
 * snippet-schemas.ts for why the query is declared by its input side). The JSON Feed
 * schema must describe exactly what json-feed.ts builds: the type check at the end fails
 * to compile when the two drift apart.
 */
import { z } from 'zod';
import { snippetQueryRouteSchemas } from '../snippet-schemas';
import { DEFAULT_FEED_LIMIT, MAX_FEED_LIMIT } from './feed-query';
import type { JsonFeed } from './json-feed';

export const feedQueryRouteSchemas = {
  category: snippetQueryRouteSchemas.category,
  language: snippetQueryRouteSchemas.language,
  limit: z
    .string()
    .regex(/^[1-9][0-9]{0,2}$/)
    .optional()
    .meta({ description: `Items, 1 to ${MAX_FEED_LIMIT}; default ${DEFAULT_FEED_LIMIT}.`, example: '20' }),
};

const category = z.object({ name: z.string(), slug: z.string() });

export const jsonFeedSchema = z.object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().describe('The feedTitle setting'),
  home_page_url: z.string().describe('The siteUrl setting'),
  feed_url: z.string().describe('This feed, with its query'),
  description: z.string(),
  language: z.string().optional().describe('The language filter, when given'),
  authors: z.array(z.object({ name: z.string() })).describe('The publicationName setting (the feedTitle when unset)'),
  items: z
    .array(
      z.object({
        id: z.string().describe('urn:uuid: from the documentId; survives title and slug changes'),
        url: z.string().describe('The article on the frontend, from the articleUrl setting'),
        title: z.string(),
        content_text: z.string().describe('The excerpt (the title when there is none)'),
        summary: z.string().optional().describe('The excerpt'),
        date_published: z.string().describe('documentDate, RFC 3339'),
        date_modified: z.string().describe('When the published version was last written, RFC 3339'),
        tags: z.array(z.string()).optional().describe('Category names'),
        language: z.string().optional(),
        _newsroom: z.object({ documentId: z.string(), slug: z.string(), categories: z.array(category) }),
      })
    )
    .describe('Published articles, newest documentDate first'),
});

/** `n` of `sitemap-<n>.xml`. */
export const sitemapPartSchema = z
  .string()
  .regex(/^[1-9][0-9]*$/)
  .describe('Part number from 1, as the sitemap index lists them; a part past the last is a 404');

/** RSS, Atom and sitemaps: XML text. */
export const xmlDocumentSchema = z.string().describe('An XML document');

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameFeed: Same<z.infer<typeof jsonFeedSchema>, JsonFeed> = true;
void sameFeed;
