import { PLUGIN_ID } from '../pluginId';

/** `snippets.title` → `newsroom.snippets.title`, the id `registerTrads` gives the message. */
export const getTranslation = (key: string) => `${PLUGIN_ID}.${key}`;
