import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseImportRequest, type BodyMediaType } from '../core/import/request';
import { contentApiImportActor } from '../services/import/actor';
import { getService } from '../utils/get-service';
import { validationError } from '../utils/validation-error';

/** How the body was sent. Strapi's body parser has already read it (with the import's own limits). */
function mediaTypeOf(ctx: Context): BodyMediaType {
  const length = ctx.get('content-length');
  const hasBody = ctx.get('transfer-encoding') !== '' || (length !== '' && length !== '0');
  if (ctx.get('content-type') === '') return hasBody ? 'other' : 'none';
  if (ctx.is('application/json')) return 'json';
  if (ctx.is('text/plain', 'text/markdown')) return 'text';
  return 'other';
}

/** `POST /api/newsroom/import` (SPEC 4.4): validates the request, hands it to the importer. */
const importController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: Context) {
    const parsed = parseImportRequest({
      mediaType: mediaTypeOf(ctx),
      body: (ctx.request as { body?: unknown }).body,
      query: ctx.query as Record<string, unknown>,
    });
    if (!parsed.ok) {
      const { status, path, message } = parsed.problem;
      if (status === 415) return ctx.unsupportedMediaType(message, { accepted: ['text/plain', 'text/markdown', 'application/json'] });
      throw validationError(message, [{ path: path || null, message }]);
    }
    // New categories need the category create permission of the same token or role.
    ctx.body = await getService(strapi, 'importer').import(parsed.request, await contentApiImportActor(strapi, ctx.state.auth));
  },
});

export default importController;
