/**
 * Localization (SPEC 12), the Strapi glue: the article type made localized at
 * register() when the config says `localized: true`, the locales Strapi's i18n plugin
 * knows, and the locale a Document Service write is for. The rules themselves are
 * pure (core/localization.ts).
 */
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, PLUGIN_ID } from './constants';
import { localeForLanguage, localizeArticleSchema, parseLocalized } from './core/localization';

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

/** The locale a language goes to, or null when no configured locale serves it. */
export async function localeOf(strapi: Core.Strapi, language: string | null | undefined): Promise<string | null> {
  return localeForLanguage(language, (await configuredLocales(strapi)).codes);
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
 * registered type before the database is synced. Strapi's i18n plugin registered first
 * and added `locale` and `localizations` as private attributes (the type was not
 * localized then): they are made public, as i18n does for a localized type.
 */
export function localizeArticleType(strapi: Core.Strapi): void {
  if (!isLocalized(strapi)) return;
  const contentType = strapi.contentType(ARTICLE_UID) as unknown as Parameters<typeof localizeArticleSchema>[0];
  localizeArticleSchema(contentType);
  for (const name of ['locale', 'localizations']) {
    const attribute = contentType.attributes[name];
    if (attribute) attribute.private = false;
  }
}
