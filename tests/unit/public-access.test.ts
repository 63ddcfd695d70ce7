import type { Core } from '@strapi/strapi';
import { plainRouteScopes } from '../../server/src/snippet-fast-path/routes';
import { createPublicAccess } from '../../server/src/snippet-fast-path/public-access';

type Subscriber = (event: { action: string; model?: { uid?: string } }) => Promise<void>;

/** A Strapi with Users & Permissions whose Public role holds `granted`; counts the database reads. */
function fakeStrapi(granted: string[], options: { usersPermissions?: boolean } = {}) {
  const state = { granted, reads: 0, subscriber: null as Subscriber | null, inTransaction: false };
  let release: (() => void) | null = null;
  const strapi = {
    plugin: (name: string) =>
      name === 'users-permissions' && options.usersPermissions !== false
        ? {
            service: () => ({
              findPublicPermissions: async () => {
                state.reads += 1;
                const snapshot = state.granted.map((action) => ({ action }));
                if (release === null) return snapshot;
                await new Promise<void>((resolve) => (release = resolve));
                return snapshot;
              },
              toContentAPIPermission: ({ action }: { action: string }) => ({ action }),
            }),
          }
        : undefined,
    contentAPI: {
      permissions: {
        engine: {
          generateAbility: async (permissions: Array<{ action: string }>) => ({
            can: (action: string) => permissions.some((permission) => permission.action === action),
          }),
        },
      },
    },
    db: {
      lifecycles: { subscribe: (subscriber: Subscriber) => (state.subscriber = subscriber) },
      inTransaction: () => state.inTransaction,
      transaction: async (work: (trx: { onCommit: (fn: () => void) => void }) => Promise<void>) => work({ onCommit: (fn) => fn() }),
    },
  } as unknown as Core.Strapi;
  /** The next read waits until `resume()` is called. */
  const pauseNextRead = () => {
    release = () => {};
    return () => {
      const resume = release;
      release = null;
      resume?.();
    };
  };
  const write = (action: string, uid = 'plugin::users-permissions.permission') =>
    state.subscriber?.({ action, model: { uid } }) ?? Promise.resolve();
  return { strapi, state, write, pauseNextRead };
}

const FIND = 'plugin::newsroom.snippet.find';
const FIND_ONE = 'plugin::newsroom.snippet.findOne';

describe('Public role access, kept in memory', () => {
  let now = 0;
  beforeEach(() => {
    now = 1_000;
  });

  it('allows exactly the actions the Public role holds, all of them for several scopes', async () => {
    const { strapi } = fakeStrapi([FIND]);
    const access = createPublicAccess(strapi, { now: () => now });
    expect(await access.allows([FIND])).toBe(true);
    expect(await access.allows([FIND_ONE])).toBe(false);
    expect(await access.allows([FIND, FIND_ONE])).toBe(false);
    expect(await access.allows([])).toBe(false);
  });

  it('reads the permissions once for many requests, again after a second', async () => {
    const { strapi, state } = fakeStrapi([FIND]);
    const access = createPublicAccess(strapi, { now: () => now });
    await Promise.all(Array.from({ length: 20 }, () => access.allows([FIND])));
    expect(state.reads).toBe(1);
    now += 999;
    await access.allows([FIND]);
    expect(state.reads).toBe(1);
    now += 1;
    await access.allows([FIND]);
    expect(state.reads).toBe(2);
  });

  it('sees a permission written on this instance at the next request', async () => {
    const { strapi, state, write } = fakeStrapi([FIND]);
    const access = createPublicAccess(strapi, { now: () => now });
    access.watchPermissionWrites();
    expect(await access.allows([FIND])).toBe(true);
    state.granted = [];
    await write('afterDelete');
    expect(await access.allows([FIND])).toBe(false);
    state.granted = [FIND];
    await write('afterCreate', 'plugin::users-permissions.role');
    expect(await access.allows([FIND])).toBe(true);
  });

  it('ignores reads and writes to other models', async () => {
    const { strapi, state, write } = fakeStrapi([FIND]);
    const access = createPublicAccess(strapi, { now: () => now });
    access.watchPermissionWrites();
    await access.allows([FIND]);
    await write('afterFindMany');
    await write('afterCreate', 'plugin::newsroom.article');
    await access.allows([FIND]);
    expect(state.reads).toBe(1);
  });

  it('does not keep permissions read while a write happened', async () => {
    const { strapi, state, write, pauseNextRead } = fakeStrapi([FIND]);
    const access = createPublicAccess(strapi, { now: () => now });
    access.watchPermissionWrites();
    const resume = pauseNextRead();
    const racing = access.allows([FIND]);
    state.granted = [];
    await write('beforeDelete');
    resume();
    expect(await racing).toBe(true); // read before the write: this one request may pass, as it would in Strapi
    expect(await access.allows([FIND])).toBe(false);
    expect(state.reads).toBe(2);
  });

  it('allows nothing without Users & Permissions, or when it cannot answer', async () => {
    expect(await createPublicAccess(fakeStrapi([FIND], { usersPermissions: false }).strapi).allows([FIND])).toBe(false);
    const { strapi } = fakeStrapi([FIND]);
    (strapi.contentAPI.permissions.engine as unknown as { generateAbility: () => never }).generateAbility = () => {
      throw new Error('database down');
    };
    expect(await createPublicAccess(strapi).allows([FIND])).toBe(false);
  });
});

describe('snippet fast path eligibility', () => {
  const withRoutes = (routes: Array<Record<string, unknown>>) =>
    ({ plugin: () => ({ routes: { 'content-api': { type: 'content-api', routes } } }) }) as unknown as Core.Strapi;
  const shipped = (overrides: Record<string, unknown> = {}, config: Record<string, unknown> = {}) => ({
    method: 'GET',
    path: '/snippets',
    handler: 'snippet.find',
    config: { policies: [], auth: { scope: [FIND] }, ...config },
    ...overrides,
  });

  it('takes the scopes of the route as shipped', () => {
    expect(plainRouteScopes(withRoutes([shipped()]), 'find')).toEqual([FIND]);
    expect(plainRouteScopes(withRoutes([shipped()]), 'findOne')).toBeNull();
  });

  it('has none for a route an extension changed', () => {
    expect(plainRouteScopes(withRoutes([shipped({ path: '/news' })]), 'find')).toBeNull();
    expect(plainRouteScopes(withRoutes([shipped({}, { policies: ['global::is-owner'] })]), 'find')).toBeNull();
    expect(plainRouteScopes(withRoutes([shipped({}, { middlewares: ['global::rate-limit'] })]), 'find')).toBeNull();
    expect(plainRouteScopes(withRoutes([shipped({}, { auth: false })]), 'find')).toBeNull();
    expect(plainRouteScopes(withRoutes([shipped({}, { auth: { scope: [FIND], strategies: [{}] } })]), 'find')).toBeNull();
  });
});
