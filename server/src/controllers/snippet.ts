/**
 * `GET /api/newsroom/snippets` and `GET /api/newsroom/snippets/:slug` (SPEC 4.2, 4.3).
 * Thin: validate the request once at the edge, ask the snippets service, send
 * its cached answer with HTTP caching headers.
 *
 * The hot path of the plugin (SPEC 9, docs/BENCHMARKS.md): a query string seen
 * before skips validation (only valid ones are remembered, per settings), and
 * the answer goes out as cached bytes.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { VARY_HEADER, cacheControl, carriesCredentials, matchesIfNoneMatch } from '../core/http-cache';
import { isValidSlug } from '../core/slug';
import { withDroppedParameters } from '../core/query-string';
import { ScopedMemo } from '../core/scoped-memo';
import type { NewsroomSettings } from '../core/settings';
import { isLocalized, requestedLocale } from '../localization';
import { parseSnippetQuery, type SnippetQuery } from '../core/snippet-query';
import type { CachedAnswer } from '../cache/snippet-cache';
import type { SettingsService } from '../services/settings';
import type { SnippetsService } from '../services/snippets';
import { getService } from '../utils/get-service';

/** Distinct valid query strings remembered; more start the memo over. */
const MEMO_ENTRIES = 500;
const JSON_TYPE = 'application/json; charset=utf-8';

/** Set first, so errors (400, 404) carry it too: whether a client may read depends on its credentials. */
const varyOnCredentials = (ctx: Context) => ctx.vary(VARY_HEADER);

/** 200 with the body, or 304 when the client already holds it; ETag and Cache-Control either way. */
function send(ctx: Context, answer: CachedAnswer, cacheMaxAge: number) {
  const state = ctx.state as { auth?: { credentials?: unknown } };
  const credentials = carriesCredentials({ authorization: ctx.request.header.authorization, authenticated: state.auth?.credentials });
  ctx.set('ETag', answer.etag);
  ctx.set('Cache-Control', cacheControl(cacheMaxAge, { credentials }));
  if (matchesIfNoneMatch(ctx.get('If-None-Match') || undefined, answer.etag)) {
    ctx.status = 304;
    return;
  }
  ctx.status = 200;
  // Serialized and encoded once, when cached: the header set first, Koa neither guesses a type nor measures a string.
  ctx.set('Content-Type', JSON_TYPE);
  ctx.body = answer.body;
}

const queryOf = (ctx: Context) =>
  ctx.querystring === '' ? {} : withDroppedParameters(ctx.query as Record<string, unknown>, ctx.querystring);

const snippetController = ({ strapi }: { strapi: Core.Strapi }) => {
  let settingsService: SettingsService | undefined;
  let snippetsService: SnippetsService | undefined;
  const settings = () => (settingsService ??= getService(strapi, 'settings'));
  const snippets = () => (snippetsService ??= getService(strapi, 'snippets'));
  // The query depends on the query string and the settings (language rules) only.
  const validQueries = new ScopedMemo<NewsroomSettings, SnippetQuery>(MEMO_ENTRIES);

  /** Localized articles (SPEC 12): the locale asked for, and the query without it. */
  const localeOf = (raw: Record<string, unknown>, current: NewsroomSettings) => requestedLocale(strapi, raw, current);

  return {
    async find(ctx: Context) {
      varyOnCredentials(ctx);
      const current = await settings().get();
      if (isLocalized(strapi)) {
        // Not memoized: the locales may change in Settings → Internationalization at any time.
        const { locale, rest } = await localeOf(queryOf(ctx), current);
        const parsed = parseSnippetQuery(rest, current);
        if (!parsed.ok) throw new errors.ValidationError(parsed.message, { parameter: parsed.parameter });
        send(ctx, await snippets().listAnswer(parsed.query, { cacheMaxAge: current.cacheMaxAge }, locale), current.cacheMaxAge);
        return;
      }
      let query = validQueries.get(current, ctx.querystring);
      if (query === undefined) {
        // Strapi's qs parse (nested objects and arrays are possible) plus the names qs dropped.
        const parsed = parseSnippetQuery(queryOf(ctx), current);
        if (!parsed.ok) throw new errors.ValidationError(parsed.message, { parameter: parsed.parameter });
        query = Object.freeze(parsed.query);
        validQueries.set(current, ctx.querystring, query);
      }
      const answer = await snippets().listAnswer(query, { cacheMaxAge: current.cacheMaxAge });
      send(ctx, answer, current.cacheMaxAge);
    },

    async findOne(ctx: Context) {
      varyOnCredentials(ctx);
      const localized = isLocalized(strapi);
      const unknown = Object.keys(queryOf(ctx)).find((name) => !localized || name !== 'locale');
      if (unknown !== undefined) {
        const shown = unknown.length > 60 ? `${unknown.slice(0, 60)}…` : unknown;
        throw new errors.ValidationError(
          `Invalid query parameter ${JSON.stringify(shown)}: this endpoint takes ${localized ? 'only "locale"' : 'no query parameters'}`,
          { parameter: unknown }
        );
      }
      const slug: unknown = ctx.params.slug;
      // A string that is not a slug cannot be any article's: the same 404 as an unknown slug.
      const notFound = () => new errors.NotFoundError('No published snippet has this slug');
      if (typeof slug !== 'string' || !isValidSlug(slug)) throw notFound();
      const current = await settings().get();
      // Localized (SPEC 12): the slug of the locale asked for (the default one without `locale`), never another's.
      const locale = localized ? (await localeOf({ locale: ctx.query.locale }, current)).locale : null;
      const answer = await snippets().getAnswer(slug, { cacheMaxAge: current.cacheMaxAge }, locale);
      if (answer === null) throw notFound();
      send(ctx, answer, current.cacheMaxAge);
    },
  };
};

export default snippetController;
