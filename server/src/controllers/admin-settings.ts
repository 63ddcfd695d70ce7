/**
 * Settings → Newsroom (SPEC 5, 7): `GET` and `PUT /newsroom/settings` under the admin API.
 * The settings service validates (400 naming each key) and caches, so a saved change
 * is what the next request reads.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { SettingsService } from '../services/settings';

const adminSettings = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.plugin('newsroom').service('settings') as SettingsService;

  return {
    async find(ctx: Context) {
      ctx.body = { data: await settings().get() };
    },

    /** The body is a partial settings object: keys left out keep their current value. */
    async update(ctx: Context) {
      ctx.body = { data: await settings().update(ctx.request.body) };
    },
  };
};

export default adminSettings;
