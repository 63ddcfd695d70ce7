import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import destroy from './destroy';
import register from './register';
import routes from './routes';
import services from './services';
import { watchWriteListeners } from './writes/write-listeners';

// Strapi loads every plugin's code before it runs any plugin's register(): watching from
// here sees every document middleware and lifecycle subscriber other plugins and the app
// register, whatever the plugin order (SPEC 13; writes/write-listeners.ts).
watchWriteListeners((globalThis as { strapi?: Parameters<typeof watchWriteListeners>[0] }).strapi, 'load');

export default {
  register,
  bootstrap,
  destroy,
  config,
  contentTypes,
  controllers,
  services,
  routes,
  policies: {},
  middlewares: {},
};
