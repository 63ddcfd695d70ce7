/**
 * Who else listens to article writes (SPEC 13), so that the importer knows whether it
 * may write new articles around the Document Service (core/import/write-path.ts holds
 * the rule; writes/direct-writes.ts asks before every bulk write).
 *
 * Strapi keeps its document middlewares and database lifecycle subscribers to itself,
 * so the plugin watches them being registered: it wraps `strapi.documents.use` and
 * `strapi.db.lifecycles.subscribe` and notes, for each registration, the package of
 * the code that made it (the nearest named package.json above the calling file) and,
 * for a subscriber, the subscriber itself (its `models` and hooks are read when an
 * import asks). Removing a middleware or a subscriber (the function `use`/`subscribe`
 * give back) removes its record.
 *
 * The watch starts when Strapi loads the plugin's code (server/src/index.ts): Strapi
 * loads every plugin's code before it runs any plugin's `register()`, so middlewares
 * that other plugins register in `register()` (as Strapi's documentation suggests) or
 * `bootstrap()`, and the app's own, are all seen, whatever the plugin order. If the
 * code was loaded for an earlier Strapi in the same process (tests booting twice), the
 * watch starts in `register()` instead, and misses what plugins before this one
 * registered in their `register()`.
 */
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, PLUGIN_ID } from '../constants';
import { chooseWritePath, parseImportMode, type Registration, type StrapiFacts, type WritePathDecision } from '../core/import/write-path';
import { callerPackage } from '../utils/code-origin';

type DocumentService = Core.Strapi['documents'];
type Lifecycles = Core.Strapi['db']['lifecycles'];
type Subscriber = Parameters<Lifecycles['subscribe']>[0];

interface Entry {
  kind: Registration['kind'];
  origin: string | null;
  own: boolean;
  subscriber?: Subscriber;
}

interface Watch {
  entries: Set<Entry>;
  /** Where the watch started: 'load' sees every registration, 'register' only those after this plugin's. */
  since: 'load' | 'register';
  /** The last decision logged, to log a change once. */
  logged: string | null;
}

const watches = new WeakMap<Core.Strapi, Watch>();

/** The package root of this plugin's own code, whose registrations are not "other" listeners. */
const ownRoot = (() => {
  const here = () => callerPackage(here);
  return here()?.root ?? null;
})();

function originOf(callee: (...args: never[]) => unknown): Pick<Entry, 'origin' | 'own'> {
  const found = callerPackage(callee);
  return { origin: found?.name ?? null, own: found !== null && found.root === ownRoot };
}

/** Untracks `entry` when the remover Strapi gave back is called. */
function tracked(entries: Set<Entry>, entry: Entry, result: unknown): unknown {
  entries.add(entry);
  if (typeof result !== 'function') return result;
  const remove = result as () => unknown;
  return () => {
    entries.delete(entry);
    return remove();
  };
}

function watchDocuments(documents: DocumentService, entries: Set<Entry>): void {
  const use = documents.use;
  const watchedUse = (middleware: Parameters<DocumentService['use']>[0]) => {
    const entry: Entry = { kind: 'documentMiddleware', ...originOf(watchedUse) };
    return tracked(entries, entry, use(middleware));
  };
  // Strapi types `use` as giving back the service; it gives back the remover, passed through as it is.
  documents.use = watchedUse as unknown as DocumentService['use'];
}

function watchLifecycles(lifecycles: Lifecycles, entries: Set<Entry>): void {
  const subscribe = lifecycles.subscribe.bind(lifecycles);
  const clear = lifecycles.clear.bind(lifecycles);
  const watchedSubscribe = (subscriber: Subscriber) => {
    const entry: Entry = { kind: 'lifecycleSubscriber', ...originOf(watchedSubscribe), subscriber };
    return tracked(entries, entry, subscribe(subscriber)) as () => void;
  };
  lifecycles.subscribe = watchedSubscribe;
  lifecycles.clear = () => {
    for (const entry of entries) if (entry.kind === 'lifecycleSubscriber') entries.delete(entry);
    clear();
  };
}

/**
 * Starts watching registrations on this Strapi (once; later calls do nothing). Never
 * throws: Strapi reports its own errors (a database it cannot reach, say) on its own.
 */
export function watchWriteListeners(strapi: Core.Strapi | undefined, since: Watch['since']): void {
  if (!strapi || watches.has(strapi)) return;
  const watch: Watch = { entries: new Set(), since, logged: null };
  try {
    // The database first: it is the one that can fail this early, before anything is wrapped.
    watchLifecycles(strapi.db.lifecycles, watch.entries);
    watchDocuments(strapi.documents, watch.entries);
    watches.set(strapi, watch);
  } catch {
    // Too early for this Strapi (at code load): register() tries again.
  }
}

/** A registration as the rule reads it; a subscriber's `models` and hooks as they are now. */
function describe(entry: Entry): Registration {
  const { origin, own, subscriber } = entry;
  if (entry.kind === 'documentMiddleware' || subscriber === undefined) return { kind: 'documentMiddleware', origin, own };
  if (typeof subscriber === 'function') return { kind: 'lifecycleSubscriber', origin, own, models: null, hooks: 'all' };
  const { models, ...rest } = subscriber as Record<string, unknown>;
  const hooks = Object.entries(rest).flatMap(([name, value]) => (typeof value === 'function' ? [name] : []));
  return { kind: 'lifecycleSubscriber', origin, own, models: Array.isArray(models) ? (models as string[]) : null, hooks };
}

export const createWriteListeners = (strapi: Core.Strapi) => {
  const registeredBy = (entries: Entry[], name: string) =>
    entries.some((entry) => !entry.own && entry.kind === 'documentMiddleware' && entry.origin === name);

  async function articleWorkflow(): Promise<boolean | null> {
    try {
      const workflows = strapi.plugin('review-workflows')?.service('workflows') as
        | { getAssignedWorkflow?: (uid: string) => Promise<unknown> }
        | undefined;
      if (!workflows?.getAssignedWorkflow) return null;
      return (await workflows.getAssignedWorkflow(ARTICLE_UID)) != null;
    } catch {
      return null;
    }
  }

  async function aiLocalizations(): Promise<boolean> {
    const model = strapi.contentType(ARTICLE_UID) as { pluginOptions?: { i18n?: { localized?: unknown } } };
    if (model.pluginOptions?.i18n?.localized !== true) return false;
    try {
      const service = strapi.plugin('i18n')?.service('ai-localizations') as { isEnabled?: () => Promise<unknown> } | undefined;
      return service?.isEnabled ? (await service.isEnabled()) === true : false;
    } catch {
      return true; // cannot tell: the middleware may translate new articles
    }
  }

  async function facts(entries: Entry[]): Promise<StrapiFacts> {
    const lifecycles = (strapi.db.metadata.get(ARTICLE_UID) as { lifecycles?: Record<string, unknown> }).lifecycles ?? {};
    return {
      articleWorkflow: registeredBy(entries, '@strapi/review-workflows') ? await articleWorkflow() : false,
      aiLocalizations: registeredBy(entries, '@strapi/i18n') ? await aiLocalizations() : false,
      contentTypeHooks: Object.keys(lifecycles).filter((hook) => typeof lifecycles[hook] === 'function'),
    };
  }

  function report(watch: Watch, decision: WritePathDecision, registrations: Registration[]): void {
    const key = `${decision.path}:${decision.reasons.join('|')}`;
    if (watch.logged === key) return;
    const first = watch.logged === null;
    watch.logged = key;
    const seen = registrations.map((r) => {
      const scope = r.kind === 'lifecycleSubscriber' ? ` [models: ${r.models?.join(' ') ?? 'all'}; hooks: ${r.hooks === 'all' ? 'all' : r.hooks.join(' ')}]` : '';
      return `${r.kind} from ${r.origin ?? '(unknown package)'}${r.own ? ' (this plugin)' : ''}${scope}`;
    });
    strapi.log.debug(`newsroom: listeners registered since plugin ${watch.since}: ${seen.join(', ') || 'none'}`);
    if (decision.path === 'documentService') {
      strapi.log.info(
        `newsroom: imports write each new article through the Document Service (create, then publish), so that ` +
          `${decision.reasons.join('; ')} see it as an article created in the admin; ` +
          `importMode: 'bulk' in the plugin config writes them many at a time instead`
      );
    } else if (!first) {
      strapi.log.info('newsroom: imports write new articles many at a time again: nothing else listens to article creates');
    }
  }

  return {
    /** How new articles are written now: in bulk, or through the Document Service, and why. */
    async decide(): Promise<WritePathDecision> {
      const watch = watches.get(strapi);
      const configured = parseImportMode(strapi.config.get(`plugin::${PLUGIN_ID}.importMode`));
      const mode = configured.ok ? configured.mode : 'auto';
      // Not watched: registrations are unknown, so only the Document Service is safe.
      if (!watch) return mode === 'bulk' ? { path: 'bulk', reasons: [] } : { path: 'documentService', reasons: ['unknown listeners'] };
      const entries = [...watch.entries];
      const registrations = entries.map(describe);
      const decision = chooseWritePath({ mode, uid: ARTICLE_UID, registrations, facts: await facts(entries) });
      report(watch, decision, registrations);
      return decision;
    },
  };
};

export type WriteListeners = ReturnType<typeof createWriteListeners>;
