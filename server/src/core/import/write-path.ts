/**
 * How the importer writes new articles (SPEC 13): many at a time around the
 * Document Service (the bulk path, fast), or one by one through it (create, then
 * publish when asked, as the Content Manager does), so that whatever else listens
 * to article writes sees each imported article as it sees one created in the admin.
 *
 * The rule: the bulk path, unless something other than Strapi itself and this plugin
 * listens to the creation of articles:
 * - a Document Service middleware (`strapi.documents.use`) registered by another
 *   plugin or by the app (a middleware cannot be asked which content types it
 *   cares about, so any such middleware counts);
 * - a database lifecycle subscriber (`strapi.db.lifecycles.subscribe`) that applies
 *   to articles (no `models`, or `models` naming the article type) and handles
 *   single-row creates (`beforeCreate`, `afterCreate`), or a function subscriber
 *   (it sees every event);
 * - `beforeCreate`/`afterCreate` in the article content type's own `lifecycles`.
 * Strapi's own middlewares are known (STRAPI_MIDDLEWARES) and count only where they
 * act on the creation of an article; a Strapi package not listed there counts.
 *
 * `importMode` in the plugin config overrides the rule: `documentService` always
 * writes one by one, `bulk` never does (for projects whose listeners ignore articles).
 */

export const IMPORT_MODES = ['auto', 'documentService', 'bulk'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export type ImportModeConfig = { ok: true; mode: ImportMode } | { ok: false; message: string };

/** The optional `importMode` key of the plugin config; `auto` when absent. */
export function parseImportMode(value: unknown): ImportModeConfig {
  if (value === undefined || value === null || value === '') return { ok: true, mode: 'auto' };
  if (typeof value === 'string' && (IMPORT_MODES as readonly string[]).includes(value)) return { ok: true, mode: value as ImportMode };
  const got = typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : typeof value;
  return { ok: false, message: `"importMode" must be one of ${IMPORT_MODES.map((mode) => `"${mode}"`).join(', ')} (got ${got})` };
}

/** A listener someone registered, as seen when it was registered. */
export type Registration =
  | { kind: 'documentMiddleware'; origin: string | null; own: boolean }
  | {
      kind: 'lifecycleSubscriber';
      origin: string | null;
      own: boolean;
      /** The models it is limited to; null for every model. */
      models: readonly string[] | null;
      /** Its hooks; `all` for a function subscriber, which gets every event. */
      hooks: readonly string[] | 'all';
    };

/** What Strapi's own listeners depend on, read from the running app when an import starts. */
export interface StrapiFacts {
  /** The article type has a review workflow (Enterprise); null when that could not be told. */
  articleWorkflow: boolean | null;
  /** Strapi AI translates new articles (i18n with AI localizations on, and a localized article type). */
  aiLocalizations: boolean;
  /** The hooks of the article content type's own `lifecycles`. */
  contentTypeHooks: readonly string[];
}

/**
 * Strapi's own document middlewares (5.54) and whether each acts on the creation of
 * a new article. Read from the packages' sources; a new Strapi package is not here
 * and so counts until it is looked at.
 */
const STRAPI_MIDDLEWARES: Record<string, (facts: StrapiFacts) => boolean> = {
  // Turns database errors into validation errors (registered before any plugin).
  '@strapi/core': () => false,
  // Copies non-localized fields to a document's other locales (a new document has none);
  // with Strapi AI, translates a new document into the other locales.
  '@strapi/i18n': (facts) => facts.aiLocalizations,
  // Signs private media URLs in answers (a private upload provider only).
  '@strapi/upload': () => false,
  // Content History (Enterprise): records Content Manager requests on `api::` types only.
  '@strapi/content-manager': () => false,
  // Releases (Enterprise): acts on updates and deletes of documents in a release.
  '@strapi/content-releases': () => false,
  // Review workflows (Enterprise): a new document gets the first stage of its type's workflow.
  '@strapi/review-workflows': (facts) => facts.articleWorkflow !== false,
};

/** Single-row database hooks that run for each row an admin create writes. */
const CREATE_HOOKS = ['beforeCreate', 'afterCreate'];

export interface WritePathDecision {
  path: 'bulk' | 'documentService';
  /** Why the Document Service path: the listeners that must see each article, or the configuration. */
  reasons: string[];
}

const named = (origin: string | null) => (origin ? `"${origin}"` : 'code whose package could not be told');

/** Whether `registration` must see each article the importer creates (SPEC 13). */
function listens(registration: Registration, uid: string, facts: StrapiFacts): string | null {
  if (registration.own) return null;
  if (registration.kind === 'documentMiddleware') {
    const known = registration.origin !== null ? STRAPI_MIDDLEWARES[registration.origin] : undefined;
    if (known) return known(facts) ? `a document middleware of ${named(registration.origin)}` : null;
    return `a document middleware registered by ${named(registration.origin)}`;
  }
  const applies = registration.models === null || registration.models.includes(uid);
  const creates = registration.hooks === 'all' || registration.hooks.some((hook) => CREATE_HOOKS.includes(hook));
  return applies && creates ? `a database lifecycle subscriber registered by ${named(registration.origin)}` : null;
}

export function chooseWritePath(input: {
  mode: ImportMode;
  uid: string;
  registrations: readonly Registration[];
  facts: StrapiFacts;
}): WritePathDecision {
  const { mode, uid, registrations, facts } = input;
  if (mode === 'bulk') return { path: 'bulk', reasons: [] };
  if (mode === 'documentService') return { path: 'documentService', reasons: ['importMode is "documentService"'] };
  const reasons = registrations.flatMap((registration) => listens(registration, uid, facts) ?? []);
  if (facts.contentTypeHooks.some((hook) => CREATE_HOOKS.includes(hook))) reasons.push('the lifecycles of the article content type');
  return { path: reasons.length > 0 ? 'documentService' : 'bulk', reasons: [...new Set(reasons)] };
}
