/**
 * Localization (SPEC 12), the Strapi glue: the article type made localized at
 * register() when the config says `localized: true`, the locales Strapi's i18n plugin
 * knows, and the locale a Document Service write is for. The rules themselves are
 * pure (core/localization.ts).
 *
 * Switching `localized` on an existing database keeps every article either way
 * (`watchLocalizationSwitch`, `migrateAfterSwitch`).
 */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, PLUGIN_ID } from '../constants';
import { chunks } from '../core/chunks';
import {
  describeMigration,
  localeForLanguage,
  localeParameter,
  localizeArticleSchema,
  parseLocalized,
  planLocalize,
  planUnlocalize,
  type MigrationRow,
} from '../core/localization';
import { normalizeLanguage } from '../core/language';
import type { NewsroomSettings } from '../core/settings';
import { createDirectWrites } from '../writes/direct-writes';
import { getService } from '../utils/get-service';

/** Whether articles are localized: the config file's `localized` (validated at startup). */
export function isLocalized(strapi: Core.Strapi): boolean {
  const parsed = parseLocalized(strapi.config.get(`plugin::${PLUGIN_ID}.localized`));
  return parsed.ok && parsed.localized;
}

interface LocalesService {
  find(params?: unknown): Promise<Array<{ code: string; isDefault?: boolean }>>;
  getDefaultLocale(): Promise<string | null | undefined>;
}

const localesService = (strapi: Core.Strapi): LocalesService | null =>
  (strapi.plugin('i18n')?.service('locales') as LocalesService | undefined) ?? null;

/** The codes of the locales in Settings → Internationalization, and the default one. */
export async function configuredLocales(strapi: Core.Strapi): Promise<{ codes: string[]; defaultLocale: string }> {
  const service = localesService(strapi);
  if (!service) throw new Error('newsroom: `localized: true` needs the i18n plugin (@strapi/i18n), which is not enabled');
  const codes = (await service.find()).map((locale) => locale.code);
  const defaultLocale = (await service.getDefaultLocale()) ?? codes[0] ?? 'en';
  return { codes, defaultLocale };
}

/** The configured locales as the admin's locale filters offer them: the default one first, then the others sorted. */
export async function localeChoices(strapi: Core.Strapi): Promise<string[]> {
  const { codes, defaultLocale } = await configuredLocales(strapi);
  return [defaultLocale, ...codes.filter((code) => code !== defaultLocale).sort()];
}

/** The locale a language goes to, or null when no configured locale serves it. */
export async function localeOf(strapi: Core.Strapi, language: string | null | undefined): Promise<string | null> {
  return localeForLanguage(language, (await configuredLocales(strapi)).codes);
}

/**
 * The locale a content-API request asks for (SPEC 12: `locale`, else `language`
 * mapped, else the default locale) and the query without it; a 400 naming the
 * parameter otherwise (`worded` rewords it, for GraphQL arguments). Read per request: locales may change in Settings at any time.
 */
export async function requestedLocale(strapi: Core.Strapi, raw: Record<string, unknown>, settings: NewsroomSettings, worded = (message: string) => message) {
  const scoped = localeParameter(raw, await configuredLocales(strapi), (value) => {
    const normalized = normalizeLanguage(value, { ...settings, languages: [] });
    return normalized.ok ? normalized.code : null;
  });
  if (!scoped.ok) throw new errors.ValidationError(worded(scoped.message), { parameter: scoped.parameter });
  return scoped;
}

/**
 * The locale a Document Service call writes or reads: null when articles are not
 * localized; the call's `locale`, else the default locale (as Strapi's i18n does);
 * `'*'` (every locale) is passed on as it is.
 */
export async function localeOfCall(strapi: Core.Strapi, locale: unknown): Promise<string | null> {
  if (!isLocalized(strapi)) return null;
  if (typeof locale === 'string' && locale !== '') return locale;
  return (await configuredLocales(strapi)).defaultLocale;
}

/**
 * At register(): with `localized: true`, the article type becomes localized. The schema
 * file stays one (content-types/article/schema.json); the i18n options are set on the
 * registered type before the database is synced, and `language` is read-only in the editor. Strapi's i18n plugin registered first
 * and added `locale` and `localizations` as private attributes (the type was not
 * localized then): they are made public, as i18n does for a localized type.
 */
export function localizeArticleType(strapi: Core.Strapi): void {
  if (!isLocalized(strapi)) return;
  const contentType = strapi.contentType(ARTICLE_UID) as unknown as Parameters<typeof localizeArticleSchema>[0];
  localizeArticleSchema(contentType);
  // The Content Manager's default for a fresh edit view: `language` is the locale, not typed.
  const typed = contentType as unknown as { config?: { metadatas?: Record<string, unknown> } };
  typed.config = { ...typed.config, metadatas: { ...typed.config?.metadatas, language: { edit: { editable: false } } } };
  for (const name of ['locale', 'localizations']) {
    const attribute = contentType.attributes[name];
    if (attribute) attribute.private = false;
  }
}

type SyncContext = { oldContentTypes?: Record<string, { pluginOptions?: { i18n?: { localized?: unknown } } }> };
type SyncHandler = (context: SyncContext) => Promise<unknown>;
interface SyncHook {
  getHandlers(): SyncHandler[];
  delete(handler: SyncHandler): unknown;
  register(handler: SyncHandler): unknown;
}

/** Per Strapi instance: articles became localized at this startup (migrated in bootstrap). */
const switchedOn = new WeakSet<Core.Strapi>();

/** A fresh documentId in Strapi's form (24 lower-case letters and digits, a letter first). */
function newDocumentId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(24);
  return [...bytes].map((byte, i) => alphabet[byte % (i === 0 ? 26 : 36)]).join('');
}

async function migrationRows(strapi: Core.Strapi): Promise<MigrationRow[]> {
  return (await strapi.db.query(ARTICLE_UID).findMany({
    select: ['id', 'documentId', 'language', 'locale', 'slug', 'publishedAt'],
  })) as MigrationRow[];
}

/**
 * Switching `localized` off (SPEC 12), before Strapi's i18n migration runs: that one
 * deletes every row outside the default locale. Each translation becomes an article
 * of its own in the default locale first (core/localization.ts, planUnlocalize), so
 * nothing is lost; its slug claims are keyed anew in bootstrap.
 */
async function unlocalize(strapi: Core.Strapi): Promise<void> {
  const { defaultLocale } = await configuredLocales(strapi);
  const changes = planUnlocalize(await migrationRows(strapi), defaultLocale, newDocumentId);
  const direct = createDirectWrites(strapi);
  for (const { id, ...data } of changes) await direct.updateRows([id], () => strapi.db.query(ARTICLE_UID).update({ where: { id }, data }));
  const separated = new Set(changes.flatMap((change) => (change.documentId ? [change.documentId] : []))).size;
  strapi.log.info(`newsroom: articles are not localized any more: ${separated} translations became articles of their own`);
  switchedOn.add(strapi); // claims are keyed anew in bootstrap either way
}

/**
 * At register(): notices a switch of `localized` at this startup, from the schema
 * Strapi stored at the last one. Strapi runs its `beforeSync` handlers in parallel;
 * the switch off must come before Strapi's own handler (it deletes translations), so
 * the handlers registered so far run after ours.
 */
export function watchLocalizationSwitch(strapi: Core.Strapi): void {
  const hook = strapi.hook('strapi::content-types.beforeSync') as unknown as SyncHook;
  const earlier = [...hook.getHandlers()];
  for (const handler of earlier) hook.delete(handler);
  hook.register(async (context) => {
    const old = context.oldContentTypes?.[ARTICLE_UID];
    const was = old?.pluginOptions?.i18n?.localized === true;
    const now = isLocalized(strapi);
    if (old && was && !now) await unlocalize(strapi);
    if (old && !was && now) switchedOn.add(strapi);
    await Promise.all(earlier.map((handler) => handler(context)));
  });
}

interface EditConfiguration {
  metadatas?: Record<string, { edit?: Record<string, unknown> } & Record<string, unknown>>;
}

interface ContentTypesService {
  findConfiguration(contentType: { uid: string }): Promise<EditConfiguration & Record<string, unknown>>;
  updateConfiguration(contentType: { uid: string }, configuration: Record<string, unknown>): Promise<unknown>;
}

/**
 * The editor's `language` field (SPEC 12): read-only while articles are localized (it
 * is the locale), editable again after a switch back. The Content Manager keeps the
 * edit view's configuration in its store; a fresh one takes the default that
 * `localizeArticleType` set on the type.
 */
async function setLanguageEditable(strapi: Core.Strapi, editable: boolean): Promise<void> {
  const service = strapi.plugin('content-manager')?.service('content-types') as ContentTypesService | undefined;
  if (!service) return;
  const configuration = await service.findConfiguration({ uid: ARTICLE_UID });
  const language = configuration.metadatas?.language;
  if (!language?.edit || language.edit.editable === editable) return;
  const metadatas = { ...configuration.metadatas, language: { ...language, edit: { ...language.edit, editable } } };
  await service.updateConfiguration({ uid: ARTICLE_UID }, { ...configuration, metadatas });
}

/**
 * In bootstrap, after a switch of `localized` (Strapi's i18n has put every article in
 * the default locale by then): each goes to the locale of its language; the log says
 * how many went where. Slug claims are keyed anew (per locale, or not) either way.
 */
export async function migrateAfterSwitch(strapi: Core.Strapi): Promise<void> {
  if (isLocalized(strapi)) await setLanguageEditable(strapi, false);
  if (!switchedOn.has(strapi)) return;
  if (!isLocalized(strapi)) await setLanguageEditable(strapi, true);
  switchedOn.delete(strapi);
  if (isLocalized(strapi)) {
    const { codes, defaultLocale } = await configuredLocales(strapi);
    const plan = planLocalize(await migrationRows(strapi), codes, defaultLocale);
    const direct = createDirectWrites(strapi);
    for (const [locale, ids] of plan.moves) {
      for (const part of chunks(ids)) {
        await direct.updateRows(part, () => strapi.db.query(ARTICLE_UID).updateMany({ where: { id: { $in: part } }, data: { locale } }));
      }
    }
    strapi.log.info(describeMigration(plan, defaultLocale));
  }
  await getService(strapi, 'claims').rekeyArticleSlugs();
}
