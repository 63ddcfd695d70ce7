/** Admin users of the e2e app, made over its HTTP API (as an admin would in Settings → Users). */

export interface Credentials {
  email: string;
  password: string;
}

export const SUPER_ADMIN: Credentials = { email: 'admin@newsroom.test', password: 'Newsroom-e2e-2026' };
export const EDITOR: Credentials = { email: 'editor@newsroom.test', password: 'Editor-e2e-2026' };

async function call<T>(url: string, method: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** The first admin of the fresh database; returns an admin JWT. */
export async function registerSuperAdmin(base: string): Promise<string> {
  const res = await call<{ data: { token: string } }>(`${base}/admin/register-admin`, 'POST', {
    ...SUPER_ADMIN,
    firstname: 'Ada',
    lastname: 'Admin',
  });
  return res.data.token;
}

/**
 * A user with Strapi's default Editor role: Content Manager access to every content type,
 * articles included, and no Newsroom permission until an admin grants Plugins → Newsroom.
 */
export async function createEditor(base: string, adminToken: string): Promise<void> {
  const roles = await call<{ data: Array<{ id: number; code: string }> }>(`${base}/admin/roles`, 'GET', undefined, adminToken);
  const editorRole = roles.data.find((role) => role.code === 'strapi-editor');
  if (!editorRole) throw new Error('Strapi created no default Editor role');
  const user = await call<{ data: { registrationToken: string } }>(
    `${base}/admin/users`,
    'POST',
    { email: EDITOR.email, firstname: 'Eddie', lastname: 'Editor', roles: [editorRole.id] },
    adminToken
  );
  await call(`${base}/admin/register`, 'POST', {
    registrationToken: user.data.registrationToken,
    userInfo: { firstname: 'Eddie', lastname: 'Editor', password: EDITOR.password },
  });
}

/** A draft article saved through the Content Manager's API, as the editor's Save button does. */
export async function createDraftArticle(base: string, adminToken: string, data: Record<string, unknown>): Promise<string> {
  const res = await call<{ data: { documentId: string } }>(
    `${base}/content-manager/collection-types/plugin::newsroom.article`,
    'POST',
    data,
    adminToken
  );
  return res.data.documentId;
}
