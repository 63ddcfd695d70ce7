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
import { ARTICLE, CATEGORY, importAnswer } from './helpers/import';
import { useStrapi } from './helpers/strapi';

type Row = Record<string, unknown>;

const CM = '/content-manager/collection-types';
const cm = (action: string) => `plugin::content-manager.explorer.${action}`;
/** A Content Manager permission on articles, holding in `locales` only (and under `conditions`). */
const onArticles = (action: string, locales: string[], conditions?: string[]): Permission => ({
  action: cm(action),
  subject: ARTICLE,
  locales,
  ...(conditions ? { conditions } : {}),
});

/** A snippet document; its first category names its language, so its locale. */
const doc = (title: string, language: string, extra = '') =>
  `## ${title}\n\nDocument Date: 2026-03-03 10:15\nCategory: ${language}, Politics\n${extra}---\n\nexample.org\n\nThe text of ${title}.\n`;

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

  /** The drafts titled `title`, by locale. */
  const localesOf = async (title: string) =>
    ((await app.strapi.db.query(ARTICLE).findMany({ where: { title, publishedAt: null }, select: ['locale'] })) as Row[])
      .map((row) => row.locale)
      .sort();

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

  const messagesOf = (entry: { errors?: Array<{ message: string }> | null }) => (entry.errors ?? []).map((error) => error.message).join('\n');

  describe('import', () => {
    it('imports the documents in the locales the role may create in; one in another locale is invalid, naming the locale and the permission', async () => {
      const [inEnglish, inGerman] = [uniqueTitle('English import'), uniqueTitle('Deutscher Import')];
      const documents = [doc(inEnglish, 'English'), doc(inGerman, 'German')];

      const preview = await english.post('/newsroom/import/preview', { documents });
      expect(preview.status).toBe(200);
      expect(preview.body.data.map((row: { status: string; locale: string }) => [row.status, row.locale])).toEqual([
        ['new', 'en'],
        ['invalid', 'de'],
      ]);
      expect(preview.body.meta).toMatchObject({ new: 1, invalid: 1 });

      const res = await english.post('/newsroom/import', { documents });
      expect(res.status).toBe(200);
      const answer = importAnswer(res.body);
      expect(answer.data.map((entry) => entry.status)).toEqual(['created', 'invalid']);
      expect(answer.meta).toEqual({ created: 1, duplicates: 0, invalid: 1 });
      for (const message of [messagesOf(preview.body.data[1]), messagesOf(answer.data[1])]) {
        expect(message).toContain('"de"');
        expect(message).toContain('"Create"');
        expect(message).toContain(`${cm('create')} on ${ARTICLE}`);
      }
      expect(await localesOf(inEnglish)).toEqual(['en']);
      expect(await localesOf(inGerman)).toEqual([]);
    });

    it('tests the locale with the editor as creator: an author limited to own articles imports in English', async () => {
      const author = await createAdmin(app, 'Own English articles author', [
        'plugin::newsroom.import',
        onArticles('create', ['en'], ['admin::is-creator']),
        onArticles('read', ['en'], ['admin::is-creator']),
        [cm('read'), CATEGORY],
        [cm('create'), CATEGORY],
      ]);
      const [inEnglish, inGerman] = [uniqueTitle('Own English import'), uniqueTitle('Eigener Import')];
      const answer = importAnswer((await author.post('/newsroom/import', { documents: [doc(inEnglish, 'English'), doc(inGerman, 'German')] })).body);
      expect(answer.data.map((entry) => entry.status)).toEqual(['created', 'invalid']);
      expect((await author.get(`${CM}/${ARTICLE}/${answer.data[0].documentId as string}?locale=en`)).status).toBe(200);
    });

    it('publishes only in the locales the role may publish in', async () => {
      const publisher = await createAdmin(app, 'Writes in both, publishes in English', [
        'plugin::newsroom.import',
        onArticles('create', ['en', 'de']),
        onArticles('read', ['en', 'de']),
        onArticles('publish', ['en']),
        [cm('read'), CATEGORY],
        [cm('create'), CATEGORY],
      ]);
      const [inEnglish, inGerman] = [uniqueTitle('Published English'), uniqueTitle('Veröffentlicht')];
      const documents = [doc(inEnglish, 'English'), doc(inGerman, 'German')];

      // As a draft, both may be imported.
      const drafts = await publisher.post('/newsroom/import/preview', { documents, publish: false });
      expect(drafts.body.data.map((row: { status: string }) => row.status)).toEqual(['new', 'new']);

      const preview = await publisher.post('/newsroom/import/preview', { documents, publish: true });
      expect(preview.body.data.map((row: { status: string }) => row.status)).toEqual(['new', 'invalid']);
      const answer = importAnswer((await publisher.post('/newsroom/import', { documents, publish: true })).body);
      expect(answer.data.map((entry) => entry.status)).toEqual(['created', 'invalid']);
      for (const message of [messagesOf(preview.body.data[1]), messagesOf(answer.data[1])]) {
        expect(message).toContain('"de"');
        expect(message).toContain(`${cm('publish')} on ${ARTICLE}`);
      }
      expect(await localesOf(inGerman)).toEqual([]);
    });

    it('adds a translation only in a locale the role may create in, as the Content Manager adds a locale', async () => {
      const story = uniqueTitle('Story to translate');
      const documentId = await cmArticle({ en: story });
      const slug = ((await admin.get(`${CM}/${ARTICLE}/${documentId}?locale=en`)).body.data as Row).slug as string;
      const translation = doc(uniqueTitle('Übersetzung'), 'German', `Translation of: ${slug}\n`);

      // The Content Manager refuses the English-only editor a German version of the article too.
      const viaCm = await english.post(`${CM}/${ARTICLE}/${documentId}/actions/publish?locale=de`, { title: 'Nicht erlaubt', body: 'Text.' });
      expect(viaCm.status).toBe(403);

      const preview = await english.post('/newsroom/import/preview', { documents: [translation] });
      expect(preview.body.data[0]).toMatchObject({ status: 'invalid', locale: 'de' });
      const refused = importAnswer((await english.post('/newsroom/import', { documents: [translation] })).body);
      expect(refused.data[0].status).toBe('invalid');
      for (const message of [messagesOf(preview.body.data[0]), messagesOf(refused.data[0])]) {
        expect(message).toContain('"de"');
        expect(message).toContain(`${cm('create')} on ${ARTICLE}`);
      }

      // Adding a locale is an update of the article in the Content Manager: it needs Update as well as Create.
      const noUpdate = await createAdmin(app, 'Creates in both, never updates', [
        'plugin::newsroom.import',
        onArticles('create', ['en', 'de']),
        onArticles('read', ['en', 'de']),
      ]);
      const withoutUpdate = importAnswer((await noUpdate.post('/newsroom/import', { documents: [translation] })).body);
      expect(withoutUpdate.data[0].status).toBe('invalid');
      expect(messagesOf(withoutUpdate.data[0])).toContain(`${cm('update')} on ${ARTICLE}`);
      expect((await noUpdate.put(`${CM}/${ARTICLE}/${documentId}?locale=de`, { title: 'Nicht erlaubt', body: 'Text.' })).status).toBe(403);

      const translator = await createAdmin(app, 'Translator into German', [
        'plugin::newsroom.import',
        onArticles('create', ['en', 'de']),
        onArticles('update', ['en', 'de']),
        onArticles('read', ['en', 'de']),
      ]);
      const added = importAnswer((await translator.post('/newsroom/import', { documents: [translation] })).body);
      expect(added.data[0]).toMatchObject({ status: 'created', documentId });
      const drafts = (await app.strapi.db.query(ARTICLE).findMany({ where: { documentId, publishedAt: null }, select: ['locale'] })) as Row[];
      expect(drafts.map((row) => row.locale).sort()).toEqual(['de', 'en']);
    });
  });

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
