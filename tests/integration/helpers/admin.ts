/**
 * Admin-panel users over HTTP: the first super admin through `POST /admin/register-admin`,
 * other admins created with a role of their own, each logged in through `POST /admin/login`.
 */
import type { TestApp } from './strapi';

export interface AdminSession {
  token: string;
  get(path: string): import('supertest').Test;
  put(path: string, body: unknown): import('supertest').Test;
  post(path: string, body: unknown): import('supertest').Test;
}

const PASSWORD = 'Newsroom-Test-1';

const session = (app: TestApp, token: string): AdminSession => ({
  token,
  get: (path) => app.http().get(path).set('Authorization', `Bearer ${token}`),
  put: (path, body) => app.http().put(path).set('Authorization', `Bearer ${token}`).send(body as object),
  post: (path, body) => app.http().post(path).set('Authorization', `Bearer ${token}`).send(body as object),
});

export async function login(app: TestApp, email: string, password = PASSWORD): Promise<AdminSession> {
  const res = await app.http().post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return session(app, (res.body as { data: { token: string } }).data.token);
}

/** The first admin of a fresh database: a super admin, who holds every permission. */
export async function registerSuperAdmin(app: TestApp, email = 'admin@newsroom.test'): Promise<AdminSession> {
  const res = await app
    .http()
    .post('/admin/register-admin')
    .send({ email, password: PASSWORD, firstname: 'Ada', lastname: 'Admin' });
  if (res.status !== 200) throw new Error(`register-admin failed: ${res.status} ${JSON.stringify(res.body)}`);
  return session(app, (res.body as { data: { token: string } }).data.token);
}

interface RoleService {
  create(attributes: { name: string; description?: string }): Promise<{ id: number }>;
  assignPermissions(roleId: number, permissions: PermissionInput[]): Promise<unknown>;
}

interface UserService {
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
}

interface PermissionInput {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[]; locales?: string[] };
  conditions?: string[];
}

/**
 * A permission as Settings → Roles sets it: an action id, an action on a content type,
 * or the full form with field permissions (`fields`), the locales it holds in (`locales`,
 * i18n's property on a localized type) and conditions (`admin::is-creator`).
 */
export type Permission =
  | string
  | [action: string, subject: string]
  | { action: string; subject: string; fields?: string[]; locales?: string[]; conditions?: string[] };

const toInput = (permission: Permission): PermissionInput => {
  if (typeof permission === 'string') return { action: permission, subject: null };
  if (Array.isArray(permission)) return { action: permission[0], subject: permission[1] };
  const { action, subject, fields, locales, conditions } = permission;
  const properties = { ...(fields ? { fields } : {}), ...(locales ? { locales } : {}) };
  return { action, subject, ...(fields || locales ? { properties } : {}), ...(conditions ? { conditions } : {}) };
};

/** A new admin role holding exactly `permissions`; gives its id. */
export async function createRole(app: TestApp, name: string, permissions: Permission[]): Promise<number> {
  const roles = app.strapi.service('admin::role') as unknown as RoleService;
  const role = await roles.create({ name, description: `${name} (tests)` });
  if (permissions.length > 0) await roles.assignPermissions(role.id, permissions.map(toInput));
  return role.id;
}

/** An active admin with the role `roleId`, logged in; `session.id` is the admin user's id. */
export async function createAdminWithRole(app: TestApp, name: string, roleId: number): Promise<AdminSession & { id: number }> {
  const users = app.strapi.service('admin::user') as unknown as UserService;
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@newsroom.test`;
  const user = await users.create({ email, firstname: name, lastname: 'Tester', password: PASSWORD, isActive: true, roles: [roleId] });
  return { ...(await login(app, email)), id: user.id };
}

/** An active admin with a new role holding exactly `permissions` (none: an editor without Newsroom permissions). */
export async function createAdmin(app: TestApp, name: string, permissions: Permission[] = []): Promise<AdminSession & { id: number }> {
  return createAdminWithRole(app, name, await createRole(app, name, permissions));
}
