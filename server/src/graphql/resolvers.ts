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
import { isLocalized, requestedLocale } from '../localization';
import type { NewsroomSettings } from '../core/settings';
import { getService } from '../utils/get-service';

/** Only in the localized schema (SPEC 12). */
interface LocaleArgument {
  locale?: string | null;
}

const given = (locale: string | null | undefined) => (locale === undefined || locale === null ? {} : { locale });

export const snippetResolvers = (strapi: Core.Strapi) => {
  const localeOf = (raw: Record<string, unknown>, current: NewsroomSettings) => requestedLocale(strapi, raw, current, asArgumentMessage);
  const settings = () => getService(strapi, 'settings');
  const snippets = () => getService(strapi, 'snippets');

  return {
    Query: {
      async newsroomSnippets(_parent: unknown, args: SnippetsArguments & LocaleArgument): Promise<SnippetListBody> {
        const current = await settings().get();
        const { locale, ...rest } = args;
        const raw = snippetsArgumentsToQuery(rest);
        // Localized (SPEC 12): the locale asked for, else the one of `language`, else the default one.
        const scoped = isLocalized(strapi) ? await localeOf({ ...raw, ...given(locale) }, current) : null;
        const parsed = parseSnippetQuery(scoped?.rest ?? raw, current);
        // Strapi's GraphQL error formatter turns a ValidationError into BAD_USER_INPUT with these details.
        if (!parsed.ok) throw new errors.ValidationError(asArgumentMessage(parsed.message), { parameter: parsed.parameter });
        return snippets().list(parsed.query, scoped?.locale ?? null);
      },

      // Null for an unknown slug, as Strapi's own findOne queries answer; a non-slug cannot match any article.
      async newsroomSnippet(_parent: unknown, args: { slug: string } & LocaleArgument): Promise<Snippet | null> {
        const scoped = isLocalized(strapi) ? await localeOf(given(args.locale), await settings().get()) : null;
        return isValidSlug(args.slug) ? snippets().get(args.slug, scoped?.locale ?? null) : null;
      },
    },
  };
};
