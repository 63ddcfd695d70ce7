/**
 * GraphQL (SPEC 8), only when `@strapi/plugin-graphql` is installed and enabled.
 * Articles and categories come from Strapi's shadow CRUD by themselves; this adds
 * the snippet queries.
 *
 * Called from `register()`. Strapi loads every plugin (and so the graphql plugin's
 * services) before it runs any plugin's `register`, and the graphql plugin reads
 * registered extensions only when it builds its schema in its `bootstrap`, after
 * every `register`. So this works whichever order the plugins are configured in.
 */
import type { Core } from '@strapi/strapi';
import { getPluginService } from '../utils/get-service';
import { isLocalized } from '../localization';
import { snippetResolvers } from './resolvers';
import { snippetResolversConfig, snippetTypeDefs } from './schema';

interface GraphqlExtension {
  typeDefs: string;
  resolvers: ReturnType<typeof snippetResolvers>;
  resolversConfig: typeof snippetResolversConfig;
}

/** The part of the graphql plugin's `extension` service used here. */
interface GraphqlExtensionService {
  use(extension: GraphqlExtension | (() => GraphqlExtension)): unknown;
}

export function registerGraphql(strapi: Core.Strapi): void {
  const extension = getPluginService<GraphqlExtensionService>(strapi, 'graphql', 'extension');
  if (!extension) return;
  extension.use({ typeDefs: snippetTypeDefs(isLocalized(strapi)), resolvers: snippetResolvers(strapi), resolversConfig: snippetResolversConfig });
}
