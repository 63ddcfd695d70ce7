/**
 * Who imports, and what their permissions let an import do. The admin's Import
 * view acts as the Content Manager would for the same editor; the content API
 * as Strapi's REST create would for the same API token or role.
 *
 * | | admin (`POST /newsroom/import`) | content API (`POST /api/newsroom/import`) |
 * |---|---|---|
 * | `createdBy` / `updatedBy` | the admin user, on every row | none (as a REST create) |
 * | article fields | the role's field permissions on Article → Create | all (no field permissions there) |
 * | new categories | Content Manager Create on Category | `plugin::newsroom.category.create` |
 * | locales (localized articles) | the role's locales for Create (Update too for a translation; Publish to publish) | all |
 */
import type { Core } from '@strapi/strapi';
import { setCreatorFields } from '@strapi/utils';
import { ARTICLE_UID, CATEGORY_UID } from '../../constants';
import { ARTICLE_INPUT_FIELDS, type ArticleInputField } from '../../core/import/field-permissions';
import { contentManagerPermissions, type UserAbility } from '../../content-manager/permissions';

export interface ImportActor {
  /** The admin user recorded as `createdBy`/`updatedBy`, as the Content Manager's create does; null on the content API. */
  readonly userId: number | string | null;
  /** Article fields the actor may not set on create. */
  readonly forbiddenFields: ReadonlySet<ArticleInputField>;
  /** Why the actor may not create categories (names the permission); null when it may. */
  readonly categoryRefusal: string | null;
  /** Localized articles: why the actor may not write this version (names the locale and the permission); null when it may. */
  localeRefusal(version: LocaleVersion): string | null;
}

/** A version an import writes when articles are localized (SPEC 12). */
export interface LocaleVersion {
  locale: string;
  /** A `Translation of:` document: a new locale of an existing article. */
  translation: boolean;
  publish: boolean;
}

const everyLocale = () => null;

/** Code calling the importer directly (scripts, the benchmark): the Document Service's own trust. */
export const TRUSTED_ACTOR: ImportActor = { userId: null, forbiddenFields: new Set(), categoryRefusal: null, localeRefusal: everyLocale };

/** The data with the actor's `createdBy`/`updatedBy`, through Strapi's own helper (the Content Manager's). */
export const withCreator = <T extends Record<string, unknown>>(actor: ImportActor, data: T): T =>
  actor.userId === null ? data : setCreatorFields({ user: { id: actor.userId } })(data);

const CATEGORY_CREATE_ADMIN =
  'creating categories needs the Content Manager permission "Create" on Category (plugin::content-manager.explorer.create on plugin::newsroom.category)';
const inLocale = (action: 'Create' | 'Publish', locale: string) =>
  `${action === 'Create' ? 'creating' : 'publishing'} articles in the locale "${locale}" needs the Content Manager permission "${action}" on Article for that locale (plugin::content-manager.explorer.${action.toLowerCase()} on ${ARTICLE_UID})`;
const TRANSLATION_UPDATE = `adding a translation to an article needs the Content Manager permission "Update" on Article, as adding a locale in the Content Manager does (plugin::content-manager.explorer.update on ${ARTICLE_UID})`;
const CATEGORY_CREATE_API = 'creating categories needs the permission plugin::newsroom.category.create (Newsroom → Category → create)';

/** An admin editor: the Content Manager's permission checker decides, conditions and field permissions included. */
export async function adminImportActor(strapi: Core.Strapi, state: { user?: { id: number | string }; userAbility: UserAbility }) {
  const articles = contentManagerPermissions(strapi, state.userAbility, ARTICLE_UID);
  const categories = contentManagerPermissions(strapi, state.userAbility, CATEGORY_UID);
  // A create has no entity to test conditions against, so the fields allowed are the
  // same for every document: ask the Content Manager's sanitizer once, with every field.
  const probe = Object.fromEntries(ARTICLE_INPUT_FIELDS.map((field) => [field, field === 'categories' ? [] : 'x']));
  // Without the create permission at all the import route answers 403; its preview shows the documents as parsed.
  const allowed = articles.cannot.create() ? probe : await articles.sanitizeCreateInput(probe);
  const forbiddenFields = new Set(ARTICLE_INPUT_FIELDS.filter((field) => !(field in allowed)));
  const categoryAllowed = !categories.cannot.create() && 'name' in (await categories.sanitizeCreateInput({ name: 'x' }));
  const userId = state.user?.id ?? null;
  // i18n turns a permission's locales into a condition on `locale`, which a question about the
  // type ignores: the version the import writes is tested, as the Content Manager tests
  // `{ locale }` before it adds a locale and publishes it, with the creator it will record
  // (so that "is creator" holds). A translation is an update of the article there: Update too.
  const creator = userId === null ? {} : { createdBy: { id: userId }, updatedBy: { id: userId } };
  const localeRefusal = ({ locale, translation, publish }: LocaleVersion): string | null => {
    // Without the permission at all, the import route answers 403 and its preview shows the documents as parsed.
    if (articles.cannot.create()) return null;
    if (translation && articles.cannot.update()) return TRANSLATION_UPDATE;
    const version = { locale, ...creator };
    if (articles.cannot.create(version)) return inLocale('Create', locale);
    if (publish && !articles.cannot.publish() && articles.cannot.publish(version)) return inLocale('Publish', locale);
    return null;
  };
  const actor: ImportActor = {
    userId,
    forbiddenFields,
    categoryRefusal: categoryAllowed ? null : CATEGORY_CREATE_ADMIN,
    localeRefusal,
  };
  return actor;
}

type ContentApiAuth = Parameters<Core.Strapi['auth']['verify']>[0];

/** A content-API client: its API token or Users & Permissions role, as the category create route would check it. */
export async function contentApiImportActor(strapi: Core.Strapi, auth: ContentApiAuth): Promise<ImportActor> {
  let categoryRefusal: string | null = null;
  try {
    await strapi.auth.verify(auth, { scope: ['plugin::newsroom.category.create'] });
  } catch {
    categoryRefusal = CATEGORY_CREATE_API;
  }
  // API tokens and Users & Permissions roles have no locale permissions.
  return { userId: null, forbiddenFields: new Set(), categoryRefusal, localeRefusal: everyLocale };
}
