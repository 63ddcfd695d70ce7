/**
 * Localized articles (SPEC 12) under roles limited to some locales: Settings → Roles
 * lets a Content Manager permission on a localized type hold in chosen locales only
 * (i18n turns them into a condition on the document's locale). The admin's import and
 * snippet preview answer as the Content Manager does for the same editor: a document
 * in a locale the role may not create in is refused with the reason, the others of the
 * request are imported; a locale the role may not read is not previewed nor listed.
 */
import { createAdmin, registerSuperAdmin, type AdminSession, type Permission } from './helpers/admin';
import { uniqueTitle } from './helpers/factories';
import { ARTICLE, CATEGORY } from './helpers/import';
import { useStrapi } from './helpers/strapi';

const CM = '/content-manager/collection-types';
const cm = (action: string) => `plugin::content-manager.explorer.${action}`;
/** A Content Manager permission on articles, holding in `locales` only. */
const onArticles = (action: string, locales: string[]): Permission => ({ action: cm(action), subject: ARTICLE, locales });

describe('admin routes with localized articles, for roles limited to some locales', () => {
  const app = useStrapi({ env: { NEWSROOM_LOCALIZED: 'true' } });
  let admin: AdminSession;
  /** May import, create, update, publish and read articles in English only. */
  let english: AdminSession;

  beforeAll(async () => {
    admin = await registerSuperAdmin(app);
    for (const locale of [{ code: 'de', name: 'German (de)' }]) {
      const res = await admin.post('/i18n/locales', { ...locale, isDefault: false });
      expect([res.status, res.body.error]).toEqual([200, undefined]);
    }
    english = await createAdmin(app, 'English editor', [
      'plugin::newsroom.import',
      ...['create', 'read', 'update', 'publish'].map((action) => onArticles(action, ['en'])),
      [cm('read'), CATEGORY],
      [cm('create'), CATEGORY],
    ]);
  });

  /** An article written by the super admin in the Content Manager: English, then each other locale as a translation. */
  async function cmArticle(versions: Record<string, string>) {
    const [[firstLocale, firstTitle], ...others] = Object.entries(versions);
    const created = await admin.post(`${CM}/${ARTICLE}/actions/publish?locale=${firstLocale}`, { title: firstTitle, body: 'Text.' });
    expect([created.status, created.body.error]).toEqual([200, undefined]);
    const documentId = created.body.data.documentId as string;
    for (const [locale, title] of others) {
      const res = await admin.post(`${CM}/${ARTICLE}/${documentId}/actions/publish?locale=${locale}`, { title, body: 'Text.' });
      expect([res.status, res.body.error]).toEqual([200, undefined]);
    }
    return documentId;
  }

  describe('the snippet preview of one article', () => {
    it('answers 403 for a locale the role may not read and 200 for one it may, as the Content Manager does', async () => {
      const documentId = await cmArticle({ en: uniqueTitle('Readable story'), de: uniqueTitle('Unlesbare Geschichte') });
      const preview = (session: AdminSession, locale: string) => session.get(`/newsroom/articles/${documentId}/preview?locale=${locale}`);

      expect((await english.get(`${CM}/${ARTICLE}/${documentId}?locale=de`)).status).toBe(403);
      expect((await preview(english, 'de')).status).toBe(403);

      expect((await english.get(`${CM}/${ARTICLE}/${documentId}?locale=en`)).status).toBe(200);
      const en = await preview(english, 'en');
      expect(en.status).toBe(200);
      expect(en.body.meta.locale).toBe('en');
      expect(en.body.data.locale).toBe('en');
    });

    it('lists only the translations the role may read', async () => {
      const german = uniqueTitle('Deutsche Fassung');
      const documentId = await cmArticle({ en: uniqueTitle('Listed story'), de: german });
      const translations = async (session: AdminSession) =>
        ((await session.get(`/newsroom/articles/${documentId}/preview?locale=en`)).body.meta.translations as Array<{ locale: string; title: string }>);

      expect(await translations(admin)).toEqual([expect.objectContaining({ locale: 'de', title: german })]);
      expect(await translations(english)).toEqual([]);
    });
  });
});
