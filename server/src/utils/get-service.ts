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
