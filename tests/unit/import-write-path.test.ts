import { chooseWritePath, parseImportMode, type Registration, type StrapiFacts } from '../../server/src/core/import/write-path';

const ARTICLE = 'plugin::newsroom.article';
const PLAIN: StrapiFacts = { articleWorkflow: false, aiLocalizations: false, contentTypeHooks: [] };

const middleware = (origin: string | null, own = false): Registration => ({ kind: 'documentMiddleware', origin, own });
const subscriber = (models: string[] | null, hooks: string[] | 'all', origin = 'audit-plugin', own = false): Registration => ({
  kind: 'lifecycleSubscriber',
  origin,
  own,
  models,
  hooks,
});

const decide = (registrations: Registration[], facts: Partial<StrapiFacts> = {}, mode: 'auto' | 'bulk' | 'documentService' = 'auto') =>
  chooseWritePath({ mode, uid: ARTICLE, registrations, facts: { ...PLAIN, ...facts } });

/** What a plain Strapi 5.54 app (CE) registers once this plugin's code is loaded, as logged at debug level. */
const PLAIN_APP: Registration[] = [
  middleware('strapi-plugin-newsroom', true),
  middleware('strapi-plugin-newsroom', true),
  middleware('strapi-plugin-newsroom', true),
  subscriber(['plugin::i18n.locale'], ['afterCreate', 'afterDelete'], '@strapi/i18n'),
  middleware('@strapi/i18n'),
  subscriber(null, 'all', 'strapi-plugin-newsroom', true),
  subscriber(['admin::user'], ['afterCreate', 'afterDelete', 'beforeDelete', 'afterUpdate'], '@strapi/admin'),
  subscriber(['admin::role'], ['beforeDelete', 'afterDelete'], '@strapi/admin'),
];

describe('the write path of imported articles', () => {
  it('is the bulk path in a plain app: Strapi’s own listeners and the plugin’s do not need each article', () => {
    expect(decide(PLAIN_APP)).toEqual({ path: 'bulk', reasons: [] });
  });

  it('is the Document Service as soon as another package registers a document middleware, naming it', () => {
    expect(decide([...PLAIN_APP, middleware('strapi-plugin-meilisearch')])).toEqual({
      path: 'documentService',
      reasons: ['a document middleware registered by "strapi-plugin-meilisearch"'],
    });
  });

  it('counts a middleware whose package cannot be told, and one from a Strapi package it does not know', () => {
    expect(decide([middleware(null)]).path).toBe('documentService');
    expect(decide([middleware('@strapi/plugin-something-new')]).path).toBe('documentService');
  });

  it.each([
    ['without models', null, ['afterCreate']],
    ['for articles', [ARTICLE], ['beforeCreate']],
    ['as a function', null, 'all' as const],
  ])('is the Document Service for a lifecycle subscriber %s that handles single-row creates', (_label, models, hooks) => {
    expect(decide([subscriber(models, hooks)])).toEqual({
      path: 'documentService',
      reasons: ['a database lifecycle subscriber registered by "audit-plugin"'],
    });
  });

  it('is the bulk path for subscribers of other models, or without single-row create hooks', () => {
    expect(decide([subscriber(['api::product.product'], ['afterCreate'])]).path).toBe('bulk');
    expect(decide([subscriber([ARTICLE], ['afterCreateMany', 'afterUpdate', 'beforeDelete'])]).path).toBe('bulk');
  });

  it('is the Document Service when the article type has create lifecycles of its own', () => {
    expect(decide([], { contentTypeHooks: ['afterCreate'] }).reasons).toEqual(['the lifecycles of the article content type']);
    expect(decide([], { contentTypeHooks: ['afterUpdate'] }).path).toBe('bulk');
  });

  describe('Strapi’s own middlewares', () => {
    it('count for review workflows only when the article type has a workflow, or when that cannot be told', () => {
      const registered = [middleware('@strapi/review-workflows'), middleware('@strapi/review-workflows')];
      expect(decide(registered, { articleWorkflow: false }).path).toBe('bulk');
      expect(decide(registered, { articleWorkflow: true })).toEqual({
        path: 'documentService',
        reasons: ['a document middleware of "@strapi/review-workflows"'],
      });
      expect(decide(registered, { articleWorkflow: null }).path).toBe('documentService');
    });

    it('count for i18n only when Strapi AI translates new articles', () => {
      expect(decide([middleware('@strapi/i18n')]).path).toBe('bulk');
      expect(decide([middleware('@strapi/i18n')], { aiLocalizations: true }).path).toBe('documentService');
    });

    it.each(['@strapi/core', '@strapi/upload', '@strapi/content-manager', '@strapi/content-releases'])('never count for %s', (origin) => {
      expect(decide([middleware(origin)], { articleWorkflow: true, aiLocalizations: true }).path).toBe('bulk');
    });
  });

  it('follows importMode over the listeners', () => {
    expect(decide([middleware('strapi-plugin-meilisearch')], {}, 'bulk')).toEqual({ path: 'bulk', reasons: [] });
    expect(decide([], {}, 'documentService')).toEqual({ path: 'documentService', reasons: ['importMode is "documentService"'] });
  });
});

describe('importMode setting', () => {
  it.each([undefined, null, ''])('is auto when absent (%p)', (value) => {
    expect(parseImportMode(value)).toEqual({ ok: true, mode: 'auto' });
  });

  it.each(['auto', 'bulk', 'documentService'])('accepts %s', (value) => {
    expect(parseImportMode(value)).toEqual({ ok: true, mode: value });
  });

  it.each(['fast', 'DocumentService', 1, true])('refuses %p, naming the key and the values it takes', (value) => {
    const result = parseImportMode(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^"importMode" must be one of "auto", "documentService", "bulk"/);
  });
});
