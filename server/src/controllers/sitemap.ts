/**
 * `GET /api/newsroom/sitemap.xml` and `/sitemap-<n>.xml` (one permission, `sitemap.find`: a
 * crawler allowed the index may read its parts), and `/news-sitemap.xml` (`news-sitemap.find`),
 * SPEC 10. None takes query parameters. Actions named `find`: read-only API tokens may call them.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { parsePartNumber } from '../core/sitemaps/plan';
import { apiBaseOf, refuseParameters, requireSiteUrl, sendWithValidators, varyOnCredentials } from './distribution-http';
import { getService } from '../utils/get-service';

export const sitemapController = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService(strapi, 'settings');
  const sitemaps = () => getService(strapi, 'sitemaps');

  return {
    async find(ctx: Context) {
      varyOnCredentials(ctx);
      const current = requireSiteUrl(await settings().get());
      refuseParameters(ctx);
      const raw = (ctx.params as { part?: unknown }).part;
      const part = raw === undefined ? null : parsePartNumber(raw);
      const notFound = () => new errors.NotFoundError('No such sitemap part: sitemap.xml lists the parts there are');
      if (raw !== undefined && part === null) throw notFound();
      const answer = await sitemaps().sitemap({ part, apiBase: apiBaseOf(strapi, ctx), settings: current });
      if (!answer.found) throw notFound();
      sendWithValidators(ctx, answer, current.cacheMaxAge, answer.body);
    },

  };
};

export const newsSitemapController = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService(strapi, 'settings');
  const sitemaps = () => getService(strapi, 'sitemaps');

  return {
    async find(ctx: Context) {
      varyOnCredentials(ctx);
      const current = requireSiteUrl(await settings().get());
      refuseParameters(ctx);
      const answer = await sitemaps().news({ apiBase: apiBaseOf(strapi, ctx), settings: current });
      sendWithValidators(ctx, answer, current.cacheMaxAge, () => answer.body);
    },
  };
};
