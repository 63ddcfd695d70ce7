/**
 * Snippet routes (SPEC 4.2, 4.3). Content-API routes: they appear under Newsroom in
 * Users & Permissions roles and API-token permissions as `plugin::newsroom.snippet.find`
 * and `plugin::newsroom.snippet.findOne`, and are not public until an admin allows them.
 * The `request`/`response` schemas feed the OpenAPI document; validation happens in the controller.
 */
import {
  snippetListResponseSchema,
  snippetQueryRouteSchemas,
  snippetResponseSchema,
  snippetSlugSchema,
} from '../core/snippet-schemas';

export default [
  {
    method: 'GET',
    path: '/snippets',
    handler: 'snippet.find',
    config: { policies: [] },
    request: { query: snippetQueryRouteSchemas },
    response: snippetListResponseSchema,
  },
  {
    method: 'GET',
    path: '/snippets/:slug',
    handler: 'snippet.findOne',
    config: { policies: [] },
    request: { params: { slug: snippetSlugSchema } },
    response: snippetResponseSchema,
  },
] as Array<Record<string, unknown>>;
