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
  assignPermissions(roleId: number, permissions: Array<{ action: string; subject?: string | null }>): Promise<unknown>;
}

interface UserService {
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
}

/** An active admin with a new role holding exactly `actions` (none: an editor without Newsroom permissions). */
export async function createAdmin(app: TestApp, name: string, actions: Array<string | [string, string]> = []): Promise<AdminSession> {
  const roles = app.strapi.service('admin::role') as unknown as RoleService;
  const users = app.strapi.service('admin::user') as unknown as UserService;
  const role = await roles.create({ name, description: `${name} (tests)` });
  if (actions.length > 0) {
    await roles.assignPermissions(
      role.id,
      actions.map((action) => (typeof action === 'string' ? { action, subject: null } : { action: action[0], subject: action[1] }))
    );
  }
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@newsroom.test`;
  await users.create({ email, firstname: name, lastname: 'Tester', password: PASSWORD, isActive: true, roles: [role.id] });
  return login(app, email);
}
