/**
 * Settings → Newsroom (SPEC 5, 7): `GET` and `PUT /newsroom/settings` under the admin API.
 * The settings service validates (400 naming each key) and caches, so a saved change
 * is what the next request reads. Revalidation targets (SPEC 11) are kept apart, by the
 * revalidation service: their secrets never come back in full.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { SettingsAnswer } from '../../../shared/contracts/settings';
import { formatSettingsIssues } from '../core/settings';
import { getService } from '../utils/get-service';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const adminSettings = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService(strapi, 'settings');
  const targets = () => getService(strapi, 'revalidation').targets;

  const answer = async (): Promise<SettingsAnswer> => ({ ...(await settings().get()), revalidation: await targets().view() });

  return {
    async find(ctx: Context) {
      ctx.body = { data: await answer() };
    },

    /**
     * The body is a partial settings object: keys left out keep their current value.
     * `revalidation`, when given, is the whole list of the admin's targets; it is checked
     * before anything is saved.
     */
    async update(ctx: Context) {
      const body: unknown = ctx.request.body;
      if (isObject(body) && body.revalidation !== undefined) {
        const { revalidation, ...rest } = body;
        const checked = await targets().check(revalidation);
        if (!checked.ok) {
          throw new errors.ValidationError(formatSettingsIssues(checked.issues), {
            errors: checked.issues.map((issue) => ({ path: [issue.key], message: issue.message, name: 'ValidationError' })),
          });
        }
        if (Object.keys(rest).length > 0) await settings().update(rest);
        await targets().save(checked.targets);
      } else {
        await settings().update(body);
      }
      ctx.body = { data: await answer() };
    },
  };
};

export default adminSettings;
