import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Middleware, Next } from 'koa';
import { MAX_IMPORT_BYTES, MAX_IMPORT_SIZE_LABEL } from '../core/import/limits';
import { trimEndWhere } from '../core/text-scan';

/**
 * The import routes take bodies up to 5 MB (SPEC 4.4), far above Strapi's
 * defaults (koa-body: JSON 1 MB, text 56 KB), without raising them for other routes.
 *
 * Why this way: `strapi::body` is an application middleware; it parses every
 * body before the router runs, so a route-level middleware comes too late (the
 * request has already failed with 413), and koa-body parses again whatever
 * was parsed before it. Raising the limits in the app's `config/middlewares`
 * would raise them for every route. So, in `register()` (before Strapi builds
 * its middleware stack), the plugin wraps the `strapi::body` factory in the
 * middlewares registry: the app's body parser keeps its configuration for
 * every request, and requests to the import routes go to a second instance of
 * the same parser with the import's limits. Multipart and form bodies are not
 * parsed there, so they reach the controller unread and get a 415.
 */
/** Trailing slashes are dropped by a loop: `/\/+$/` rescans a long run of `/` from each of them. */
const SLASH = 0x2f;

type BodyFactory = (config: Record<string, unknown>, context: { strapi: Core.Strapi }) => Middleware | void;

const isTooLarge = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'entity.too.large';

/** co-body marks the SyntaxError of a malformed JSON body with status 400. */
const isMalformedJson = (error: unknown) => error instanceof SyntaxError && (error as { status?: unknown }).status === 400;

/** `POST` paths whose bodies get the import's limits: the content-API route and the admin Import view's routes. */
export const importBodyPaths = (strapi: Core.Strapi): string[] => [
  `${strapi.config.get('api.rest.prefix', '/api')}/newsroom/import`,
  '/newsroom/import',
  '/newsroom/import/preview',
];

export function raiseImportBodyLimit(strapi: Core.Strapi): void {
  // The registry's `extend` swaps a middleware factory for a wrapper of it.
  const registry = strapi.get('middlewares') as { extend(uid: string, wrap: (factory: BodyFactory) => BodyFactory): unknown };
  registry.extend('strapi::body', (bodyFactory) => (config, context) => {
    const everywhere = bodyFactory(config, context);
    const forImport = bodyFactory(
      { ...config, jsonLimit: MAX_IMPORT_BYTES, textLimit: MAX_IMPORT_BYTES, multipart: false, urlencoded: false },
      context
    );
    if (!everywhere || !forImport) return everywhere;
    const paths = new Set(importBodyPaths(strapi));

    return async (ctx: Context, next: Next) => {
      const path = ctx.path.length > 1 ? trimEndWhere(ctx.path, (code) => code === SLASH) : ctx.path;
      if (ctx.method !== 'POST' || !paths.has(path)) return everywhere(ctx, next);
      try {
        return await forImport(ctx, next);
      } catch (error) {
        // Strapi's own error classes: a clean 4xx answer, not an error in the server log.
        if (isTooLarge(error)) {
          throw new errors.PayloadTooLargeError(`the import accepts at most ${MAX_IMPORT_SIZE_LABEL} a request`, {
            limit: MAX_IMPORT_BYTES,
          });
        }
        if (isMalformedJson(error)) throw new errors.ValidationError(`the body is not valid JSON: ${(error as Error).message}`);
        throw error;
      }
    };
  });
}
