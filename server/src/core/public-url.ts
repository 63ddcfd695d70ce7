/**
 * Where the plugin's own routes are reached from outside (feed self links, sitemap index
 * entries): Strapi's `server.url` when it is an absolute URL (set it when Strapi runs behind
 * a proxy or CDN); otherwise the request's origin (Koa reads `X-Forwarded-*` when Strapi's
 * `proxy` setting trusts them) followed by a relative `server.url` path, then the REST prefix.
 */
import { isHttpUrl } from '../../../shared/validation/http-url';
import { withoutTrailingSlashes } from '../../../shared/validation/url-template';

export interface PublicUrlInput {
  /** Strapi's `server.url` config: '' by default, a path (`/cms`) or an absolute URL. */
  serverUrl: unknown;
  /** The request's `protocol://host`. */
  origin: string;
  /** `api.rest.prefix`, `/api` by default. */
  apiPrefix: string;
  pluginId: string;
}

/** `https://cms.example.com/api/newsroom`, without a trailing slash. */
export function pluginApiBase({ serverUrl, origin, apiPrefix, pluginId }: PublicUrlInput): string {
  const configured = typeof serverUrl === 'string' ? serverUrl.trim() : '';
  const server = isHttpUrl(configured) ? configured : `${origin}${configured.startsWith('/') ? configured : ''}`;
  const prefix = apiPrefix.startsWith('/') ? apiPrefix : `/${apiPrefix}`;
  return `${withoutTrailingSlashes(server)}${withoutTrailingSlashes(prefix)}/${pluginId}`;
}
