/**
 * The Content Manager's permission checker, typed for what the plugin uses. Admin
 * routes about one document ask it, as the Content Manager's own routes do:
 * `admin::hasPermissions` on a route only asks about the content type, so role
 * conditions ("is creator") and field permissions are checked here.
 */
import type { Core } from '@strapi/strapi';
import { getPluginService } from '../utils/get-service';

/** The admin's CASL ability, as `ctx.state.userAbility` holds it. */
export interface UserAbility {
  can(action: string, subject?: unknown, field?: string): boolean;
  cannot(action: string, subject?: unknown, field?: string): boolean;
}

type Entity = Record<string, unknown>;

interface ActionCheck {
  (entity?: Entity, field?: string): boolean;
}

type Checks = Record<'read' | 'create' | 'update' | 'publish', ActionCheck>;

export interface ContentManagerPermissions {
  /** Without an entity: whether some permission of the role allows the action on the type, whatever its conditions. */
  can: Checks;
  cannot: Checks;
  /** The entity without the fields the role may not read. */
  sanitizeOutput(entity: Entity): Promise<Entity>;
  /** The data without the fields the role may not set on create. */
  sanitizeCreateInput(data: Entity): Promise<Entity>;
}

interface PermissionCheckerService {
  create(options: { userAbility: UserAbility; model: string }): ContentManagerPermissions;
}

export const contentManagerPermissions = (strapi: Core.Strapi, userAbility: UserAbility, model: string): ContentManagerPermissions => {
  const checker = getPluginService<PermissionCheckerService>(strapi, 'content-manager', 'permission-checker');
  if (!checker) throw new Error('newsroom: the Content Manager plugin is not loaded');
  return checker.create({ userAbility, model });
};
