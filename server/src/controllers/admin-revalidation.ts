/**
 * Frontend revalidation in the admin (SPEC 11): the latest deliveries, and a test
 * delivery sent to a target at once. Secrets never leave the server.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { ListDeliveries, SendTestDelivery } from '../../../shared/contracts/revalidation';
import { getService } from '../utils/get-service';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (parameter: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [parameter], message, name: 'ValidationError' }] });

/** A target name as a query or body value: one string of 1 to 100 characters. */
function targetName(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '' || Array.from(value).length > 100) {
    throw invalid('target', `"target" ${where} must be the name of a revalidation target`);
  }
  return value.trim();
}

const adminRevalidation = ({ strapi }: { strapi: Core.Strapi }) => {
  const revalidation = () => getService(strapi, 'revalidation');

  return {
    async deliveries(ctx: Context) {
      const query = ctx.query as Record<string, unknown>;
      for (const key of Object.keys(query)) {
        if (key !== 'target') throw invalid(key, `Unknown query parameter "${key}" (accepted: target)`);
      }
      const target = query.target === undefined ? undefined : targetName(query.target, 'in the query');
      ctx.body = { data: await revalidation().recentDeliveries(target) } satisfies ListDeliveries.Response;
    },

    async test(ctx: Context) {
      const body: unknown = ctx.request.body;
      if (!isObject(body)) throw invalid('target', 'The body must be a JSON object { "target": "<name>" }');
      for (const key of Object.keys(body)) {
        if (key !== 'target') throw invalid(key, `Unknown field "${key}" (accepted: target)`);
      }
      const name = targetName(body.target, 'in the body');
      ctx.body = { data: await revalidation().sendTest(name) } satisfies SendTestDelivery.Response;
    },
  };
};

export default adminRevalidation;
