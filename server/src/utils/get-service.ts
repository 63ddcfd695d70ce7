/**
 * The plugin's registered services, typed from services/index.ts (the pattern of
 * Strapi's i18n plugin): `getService(strapi, 'claims')` instead of a cast at each call.
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;
export type Service<Name extends ServiceName> = Services[Name] extends (...args: never[]) => infer Instance ? Instance : never;

export const getService = <Name extends ServiceName>(strapi: Core.Strapi, name: Name): Service<Name> =>
  strapi.plugin(PLUGIN_ID).service(name) as Service<Name>;

/**
 * A service of another plugin (the Content Manager, Users & Permissions, GraphQL,
 * documentation), typed by the caller for the part of it the plugin uses: those
 * packages export no types for their services. Undefined when the plugin is not
 * installed or is disabled (Strapi types `strapi.plugin()` as always present).
 */
export const getPluginService = <T>(strapi: Core.Strapi, plugin: string, name: string): T | undefined =>
  (strapi.plugin(plugin) as Core.Plugin | undefined)?.service(name) as T | undefined;

/** One of Strapi's own container services (`strapi.get`), typed by the caller for the part it uses. */
export const getStrapiService = <T>(strapi: Core.Strapi, name: string): T => strapi.get(name) as T;
