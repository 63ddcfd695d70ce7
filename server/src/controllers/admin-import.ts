/**
 * The admin's Import view (SPEC 7): `POST /newsroom/import/preview` (parse and check,
 * nothing written) and `POST /newsroom/import` (SPEC 4.4's answer). The body is the
 * content API's JSON form, `{ "documents": ["…"], "publish": false }`, validated by the
 * same `parseImportRequest`; the admin sends the pasted text as one string, so line
 * numbers count in the text the editor sees. Importing needs, besides the import
 * permission, the Content Manager's permissions to create (and, to publish, publish) articles;
 * the editor's field permissions, category create permission, locales (localized articles)
 * and name (createdBy/updatedBy) apply as in the Content Manager (services/import/actor.ts).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { ARTICLE_UID } from '../constants';
import { parseImportRequest, type ImportRequest } from '../core/import/request';
import { adminImportActor } from '../services/import/actor';
import type { UserAbility } from '../content-manager/permissions';
import { getService } from '../utils/get-service';
import { validationError } from '../utils/validation-error';

const PUBLISH_ARTICLE = 'plugin::content-manager.explorer.publish';

/** What Strapi's admin authentication puts in `ctx.state`. */
interface AdminState {
  user?: { id: number | string };
  userAbility: UserAbility;
}

/** The validated request, or a 400 naming the body field (415 for a body that is not JSON). */
function importRequestOf(ctx: Context): ImportRequest {
  const parsed = parseImportRequest({
    mediaType: ctx.is('application/json') ? 'json' : 'other',
    body: (ctx.request as { body?: unknown }).body,
    query: ctx.query as Record<string, unknown>,
  });
  if (!parsed.ok) {
    const { status, path, message } = parsed.problem;
    if (status === 415) ctx.throw(415, message);
    throw validationError(message, [{ path: path || null, message }]);
  }
  return parsed.request;
}

const adminImport = ({ strapi }: { strapi: Core.Strapi }) => {
  const importer = () => getService(strapi, 'importer');

  return {
    async preview(ctx: Context) {
      const request = importRequestOf(ctx);
      const actor = await adminImportActor(strapi, ctx.state as AdminState);
      ctx.body = await importer().preview(request.source, { publish: request.publish, actor });
    },

    async create(ctx: Context) {
      const request = importRequestOf(ctx);
      // The route's policies checked import and create; publishing is the Content Manager's publish permission.
      const ability = (ctx.state as AdminState).userAbility;
      if (request.publish && !ability.can(PUBLISH_ARTICLE, ARTICLE_UID)) {
        // A PolicyError: Strapi hides the message of any other 403 thrown behind its authorization step.
        throw new errors.PolicyError('Publishing imported articles needs the permission to publish articles in the Content Manager', {
          action: PUBLISH_ARTICLE,
          subject: ARTICLE_UID,
        });
      }
      ctx.body = await importer().import(request, await adminImportActor(strapi, ctx.state as AdminState));
    },
  };
};

export default adminImport;
