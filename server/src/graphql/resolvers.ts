/**
 * Resolvers of the snippet queries: the same validation (`parseSnippetQuery`)
 * and the same service as the REST controller, so the answers are equal.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isValidSlug } from '../core/slug';
import { parseSnippetQuery } from '../core/snippet-query';
import type { Snippet, SnippetListBody } from '../core/snippet-response';
import { asArgumentMessage, snippetsArgumentsToQuery, type SnippetsArguments } from './arguments';
import { getService } from '../utils/get-service';

export const snippetResolvers = (strapi: Core.Strapi) => {
  const settings = () => getService(strapi, 'settings');
  const snippets = () => getService(strapi, 'snippets');

  return {
    Query: {
      async newsroomSnippets(_parent: unknown, args: SnippetsArguments): Promise<SnippetListBody> {
        const parsed = parseSnippetQuery(snippetsArgumentsToQuery(args), await settings().get());
        // Strapi's GraphQL error formatter turns a ValidationError into BAD_USER_INPUT with these details.
        if (!parsed.ok) throw new errors.ValidationError(asArgumentMessage(parsed.message), { parameter: parsed.parameter });
        return snippets().list(parsed.query);
      },

      // Null for an unknown slug, as Strapi's own findOne queries answer; a non-slug cannot match any article.
      async newsroomSnippet(_parent: unknown, args: { slug: string }): Promise<Snippet | null> {
        return isValidSlug(args.slug) ? snippets().get(args.slug) : null;
      },
    },
  };
};
