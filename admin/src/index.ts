import { Quotes } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { SnippetPreviewPanel } from './components/SnippetPreviewPanel';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { getTranslation } from './utils/getTranslation';

type Translations = Record<string, string>;

const prefixed = (messages: Translations): Translations =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

/** The content-manager's public API, as far as this plugin uses it. */
interface ContentManagerApis {
  addEditViewSidePanel(panels: Array<typeof SnippetPreviewPanel>): void;
}

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Quotes,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Newsroom' },
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/App'),
    });
    app.addSettingsLink('global', {
      id: PLUGIN_ID,
      to: PLUGIN_ID,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Newsroom' },
      permissions: PERMISSIONS.settingsRead,
      Component: () => import('./pages/SettingsPage/SettingsPage'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Newsroom' });
  },

  bootstrap(app: Pick<StrapiApp, 'getPlugin'>) {
    const apis = app.getPlugin('content-manager').apis as unknown as ContentManagerApis;
    apis.addEditViewSidePanel([SnippetPreviewPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as { default: Translations };
          return { data: prefixed(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
