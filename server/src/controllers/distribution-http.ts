/**
 * What the feed and sitemap controllers share (SPEC 10): the `siteUrl` precondition, where
 * the plugin's routes are reached from, and sending an answer with its validators:
 * `ETag`, `Last-Modified`, a 304 for a matching `If-None-Match` / `If-Modified-Since`, and
 * `Vary: Authorization` with `Cache-Control` public or private as snippet answers have them.
 */
import { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { PLUGIN_ID } from '../constants';
import { httpDate, isNotModified } from '../core/conditional-get';
import { VARY_HEADER, cacheControl, carriesCredentials } from '../core/http-cache';
import { withDroppedParameters } from '../core/query-string';
import { pluginApiBase } from '../core/public-url';
import type { NewsroomSettings } from '../core/settings';

/** Set first, so errors (400, 404) carry it too: whether a client may read depends on its credentials. */
export const varyOnCredentials = (ctx: Context) => ctx.vary(VARY_HEADER);

/** Strapi's qs parse plus the names qs dropped (core/query-string.ts). */
export const queryOf = (ctx: Context): Record<string, unknown> =>
  ctx.querystring === '' ? {} : withDroppedParameters(ctx.query as Record<string, unknown>, ctx.querystring);

/** Feeds and sitemaps link to the frontend: without `siteUrl` every link would be broken, so there is no answer. */
export function requireSiteUrl(settings: NewsroomSettings): NewsroomSettings & { siteUrl: string } {
  if (settings.siteUrl === null) {
    throw new errors.NotFoundError(
      'Feeds and sitemaps need the "siteUrl" setting (the address of your frontend): set it in Settings → Newsroom or in config/plugins',
      { setting: 'siteUrl' }
    );
  }
  return settings as NewsroomSettings & { siteUrl: string };
}

/** For routes that take no parameters: any is a 400 naming it. */
export function refuseParameters(ctx: Context): void {
  const unknown = Object.keys(queryOf(ctx))[0];
  if (unknown === undefined) return;
  const shown = unknown.length > 60 ? `${unknown.slice(0, 60)}…` : unknown;
  throw new errors.ValidationError(`Invalid query parameter ${JSON.stringify(shown)}: this endpoint takes no query parameters`, {
    parameter: unknown,
  });
}

export const apiBaseOf = (strapi: Core.Strapi, ctx: Context): string =>
  pluginApiBase({
    serverUrl: strapi.config.get('server.url', ''),
    origin: ctx.origin,
    apiPrefix: strapi.config.get('api.rest.prefix', '/api') as string,
    pluginId: PLUGIN_ID,
  });

export interface Validated {
  etag: string;
  lastModifiedMs: number;
  contentType: string;
}

/** 200 with `body`, or 304 when the client's copy is current; the validators and caching headers either way. */
export function sendWithValidators(ctx: Context, answer: Validated, cacheMaxAge: number, body: () => Buffer | AsyncIterable<string>): void {
  const state = ctx.state as { auth?: { credentials?: unknown } };
  const credentials = carriesCredentials({ authorization: ctx.request.header.authorization, authenticated: state.auth?.credentials });
  ctx.set('ETag', answer.etag);
  ctx.set('Last-Modified', httpDate(answer.lastModifiedMs));
  ctx.set('Cache-Control', cacheControl(cacheMaxAge, { credentials }));
  const conditional = { ifNoneMatch: ctx.get('If-None-Match') || undefined, ifModifiedSince: ctx.get('If-Modified-Since') || undefined };
  if (isNotModified(conditional, answer)) {
    ctx.status = 304;
    return;
  }
  ctx.status = 200;
  ctx.set('Content-Type', answer.contentType);
  const content = body();
  ctx.body = Buffer.isBuffer(content) ? content : Readable.from(content);
}
