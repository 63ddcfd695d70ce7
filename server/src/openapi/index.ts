/**
 * OpenAPI (SPEC 8), only when `@strapi/plugin-documentation` is installed and
 * enabled: the plugin's content-API routes join the generated document
 * (`src/extensions/documentation/documentation/<version>/full_documentation.json`,
 * served at `/documentation`).
 *
 * The documentation plugin generates its document in its own `bootstrap` and
 * documents other plugins only through registered overrides; it does not read
 * the routes' zod schemas itself. So the override is registered here, from
 * `register()`, before any plugin's `bootstrap`, whichever order the plugins are
 * configured in.
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { snippetCategorySchema, snippetPaginationSchema, snippetSchema } from '../core/snippet-schemas';
import { asDeclaredRoute, buildOpenApiFragment, type DeclaredRoute, type OpenApiFragment } from './document';
import { OPERATION_NOTES } from './operations';
import { getPluginService } from '../utils/get-service';

interface OverrideService {
  registerOverride(override: OpenApiFragment, options?: { pluginOrigin?: string; excludeFromGeneration?: string[] }): void;
}

/**
 * `x-strapi-config.plugins` lists the plugins to document; null (the default) means
 * "the default ones". The newsroom is documented by default, and left out only when
 * an admin lists plugins without it.
 */
function wantsNewsroom(strapi: Core.Strapi): boolean {
  const config = strapi.config.get('plugin::documentation', {}) as { 'x-strapi-config'?: { plugins?: unknown } };
  const listed = config['x-strapi-config']?.plugins;
  return !Array.isArray(listed) || listed.includes(PLUGIN_ID);
}

function contentApiRoutes(strapi: Core.Strapi): DeclaredRoute[] {
  const routers = strapi.plugin(PLUGIN_ID).routes as Record<string, { routes?: unknown[] }>;
  return (routers['content-api']?.routes ?? []).map(asDeclaredRoute).filter((route) => route !== null);
}

export function newsroomOpenApi(strapi: Core.Strapi): OpenApiFragment {
  return buildOpenApiFragment(contentApiRoutes(strapi), {
    pluginId: PLUGIN_ID,
    tag: { name: 'Newsroom', description: 'Snippets of published articles, and the snippet document importer' },
    notes: OPERATION_NOTES,
    namedSchemas: {
      NewsroomSnippet: snippetSchema,
      NewsroomSnippetCategory: snippetCategorySchema,
      NewsroomSnippetPagination: snippetPaginationSchema,
    },
  });
}

export function registerOpenApi(strapi: Core.Strapi): void {
  const override = getPluginService<OverrideService>(strapi, 'documentation', 'override');
  if (!override || !wantsNewsroom(strapi)) return;
  override.registerOverride(newsroomOpenApi(strapi));
}
