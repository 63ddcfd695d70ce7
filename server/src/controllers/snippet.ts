/**
 * `GET /api/newsroom/snippets` and `GET /api/newsroom/snippets/:slug` (SPEC 4.2, 4.3).
 * Thin: validate the request once at the edge, ask the snippets service, send
 * its cached answer with HTTP caching headers.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { PLUGIN_ID } from '../constants';
import { cacheControl, matchesIfNoneMatch } from '../core/http-cache';
import { isValidSlug } from '../core/slug';
import { withDroppedParameters } from '../core/query-string';
import { parseSnippetQuery } from '../core/snippet-query';
import type { CachedAnswer } from '../services/snippet-cache';
import type { SettingsService } from '../services/settings';
import type { SnippetsService } from '../services/snippets';

/** 200 with the body, or 304 when the client already holds it; ETag and Cache-Control either way. */
function send(ctx: Context, answer: CachedAnswer, cacheMaxAge: number) {
  ctx.set('ETag', answer.etag);
  ctx.set('Cache-Control', cacheControl(cacheMaxAge));
  if (matchesIfNoneMatch(ctx.get('If-None-Match') || undefined, answer.etag)) {
    ctx.status = 304;
    return;
  }
  ctx.status = 200;
  // Already serialized by the service (and cached that way): send the string as JSON.
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = answer.body;
}

const queryOf = (ctx: Context) => withDroppedParameters(ctx.query as Record<string, unknown>, ctx.querystring);

const snippetController = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.plugin(PLUGIN_ID).service('settings') as SettingsService;
  const snippets = () => strapi.plugin(PLUGIN_ID).service('snippets') as SnippetsService;

  return {
    async find(ctx: Context) {
      const current = await settings().get();
      // Strapi's qs parse (nested objects and arrays are possible) plus the names qs dropped.
      const parsed = parseSnippetQuery(queryOf(ctx), current);
      if (!parsed.ok) throw new errors.ValidationError(parsed.message, { parameter: parsed.parameter });
      const answer = await snippets().listAnswer(parsed.query, { cacheMaxAge: current.cacheMaxAge });
      send(ctx, answer, current.cacheMaxAge);
    },

    async findOne(ctx: Context) {
      const unknown = Object.keys(queryOf(ctx))[0];
      if (unknown !== undefined) {
        const shown = unknown.length > 60 ? `${unknown.slice(0, 60)}…` : unknown;
        throw new errors.ValidationError(
          `Invalid query parameter ${JSON.stringify(shown)}: this endpoint takes no query parameters`,
          { parameter: unknown }
        );
      }
      const slug: unknown = ctx.params.slug;
      // A string that is not a slug cannot be any article's: the same 404 as an unknown slug.
      const notFound = () => new errors.NotFoundError('No published snippet has this slug');
      if (typeof slug !== 'string' || !isValidSlug(slug)) throw notFound();
      const current = await settings().get();
      const answer = await snippets().getAnswer(slug, { cacheMaxAge: current.cacheMaxAge });
      if (answer === null) throw notFound();
      send(ctx, answer, current.cacheMaxAge);
    },
  };
};

export default snippetController;
