/**
 * `GET /api/newsroom/feeds/rss`, `/feeds/atom`, `/feeds/json` (SPEC 10). Thin: the
 * `siteUrl` precondition, the strict query (core/feeds/feed-query.ts), then the feeds
 * service's cached document, sent with its validators.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { parseFeedQuery } from '../core/feeds/feed-query';
import type { FeedFormat } from '../services/feeds';
import { apiBaseOf, queryOf, requireSiteUrl, sendWithValidators, varyOnCredentials } from './distribution-http';
import { isLocalized, requestedLocale } from '../localization';
import { getService } from '../utils/get-service';

/**
 * One controller per format, each with a `find` action (`plugin::newsroom.feed-rss.find`, …):
 * Strapi's read-only API tokens may call actions named `find`, and a feed is a read.
 */
const feedController = (format: FeedFormat) => ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService(strapi, 'settings');
  const feeds = () => getService(strapi, 'feeds');

  const find = async (ctx: Context) => {
    varyOnCredentials(ctx);
    const current = requireSiteUrl(await settings().get());
    // Localized (SPEC 12): one locale a feed, `locale` or `language` mapped to it, else the default one.
    const scoped = isLocalized(strapi) ? await requestedLocale(strapi, queryOf(ctx), current) : null;
    const parsed = parseFeedQuery(scoped?.rest ?? queryOf(ctx), current);
    if (!parsed.ok) throw new errors.ValidationError(parsed.message, { parameter: parsed.parameter });
    const locale = scoped?.locale ?? null;
    const answer = await feeds().answer({ format, query: parsed.query, locale, apiBase: apiBaseOf(strapi, ctx), settings: current });
    sendWithValidators(ctx, answer, current.cacheMaxAge, () => answer.body);
  };

  return { find };
};

export default feedController;
