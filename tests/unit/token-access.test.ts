import type { Core } from '@strapi/strapi';
import { bearerToken, createTokenAccess, type TokenAuth, type TokenRequest, type TokenStrategy } from '../../server/src/services/token-access';

type Subscriber = (event: { action: string; model?: { uid?: string } }) => Promise<void>;

const FIND = 'plugin::newsroom.snippet.find';
const FIND_ONE = 'plugin::newsroom.snippet.findOne';

interface StoredToken {
  type: 'read-only' | 'full-access' | 'custom';
  permissions?: string[];
  expiresAt?: number;
}

/**
 * Strapi's API-token strategy, reduced to what it decides: `authenticate` looks the token
 * up in `tokens` (counted as a database read), `verify` checks expiry and scopes.
 */
function fakeTokenStrategy(tokens: Map<string, StoredToken>, clock: () => number) {
  const state = { reads: 0 };
  let release: (() => void) | null = null;
  const strategy: TokenStrategy = {
    name: 'content-api-token',
    async authenticate(ctx) {
      state.reads += 1;
      const key = bearerToken((ctx as TokenRequest).request.header.authorization);
      const stored = key === null ? undefined : tokens.get(key);
      const snapshot = stored && { ...stored };
      if (release !== null) await new Promise<void>((resolve) => (release = resolve));
      if (!snapshot) return { authenticated: false };
      if (snapshot.expiresAt !== undefined && snapshot.expiresAt < clock()) return { authenticated: false, error: new Error('Token expired') };
      return { authenticated: true, credentials: snapshot, ability: snapshot.type === 'custom' ? { granted: snapshot.permissions } : undefined };
    },
    verify(auth: TokenAuth, config: { scope: string[] }) {
      const token = auth.credentials as StoredToken;
      if (token.expiresAt !== undefined && token.expiresAt < clock()) throw new Error('Token expired');
      if (token.type === 'full-access') return;
      if (token.type === 'read-only' && config.scope.every((scope) => scope.endsWith('find') || scope.endsWith('findOne'))) return;
      const granted = (auth.ability as { granted?: string[] } | null)?.granted ?? [];
      if (token.type === 'custom' && config.scope.every((scope) => granted.includes(scope))) return;
      throw new Error('Forbidden');
    },
  };
  /** The next read waits until the returned function is called. */
  const pauseNextRead = () => {
    release = () => {};
    return () => {
      const resume = release;
      release = null;
      resume?.();
    };
  };
  return { strategy, state, pauseNextRead };
}

function setup(tokens: Record<string, StoredToken>, options: { first?: 'token' | 'other' } = {}) {
  let now = 1_000;
  const stored = new Map(Object.entries(tokens));
  const { strategy, state, pauseNextRead } = fakeTokenStrategy(stored, () => now);
  let subscriber: Subscriber | null = null;
  const strapi = {
    db: {
      lifecycles: { subscribe: (fn: Subscriber) => (subscriber = fn) },
      inTransaction: () => false,
      transaction: async (work: (trx: { onCommit: (fn: () => void) => void }) => Promise<void>) => work({ onCommit: (fn) => fn() }),
    },
  } as unknown as Core.Strapi;
  const access = createTokenAccess(strapi, {
    firstStrategy: () => (options.first === 'other' ? { ...strategy, name: 'users-permissions' } : strategy),
    now: () => now,
  });
  access.watchTokenWrites();
  const request = (token: string, authorization = `Bearer ${token}`): TokenRequest => ({ request: { header: { authorization } }, state: {} });
  const admits = (token: string, scopes = [FIND]) => access.admits(request(token), scopes);
  const write = (action: string, uid = 'admin::api-token') => subscriber?.({ action, model: { uid } }) ?? Promise.resolve();
  return {
    access,
    stored,
    state,
    admits,
    request,
    write,
    pauseNextRead,
    tick: (ms: number) => (now += ms),
    at: () => now,
  };
}

describe('API tokens kept in memory for the snippet fast path', () => {
  it('admits exactly the tokens Strapi would let read the route', async () => {
    const { admits } = setup({
      ro: { type: 'read-only' },
      full: { type: 'full-access' },
      find: { type: 'custom', permissions: [FIND] },
      other: { type: 'custom', permissions: ['plugin::newsroom.article.find'] },
    });
    expect(await admits('ro')).toBe(true);
    expect(await admits('full', [FIND_ONE])).toBe(true);
    expect(await admits('find')).toBe(true);
    expect(await admits('find', [FIND_ONE])).toBe(false);
    expect(await admits('other')).toBe(false);
    expect(await admits('unknown')).toBe(false);
    expect(await admits('ro', [])).toBe(false);
  });

  it('signs the request in as Strapi does', async () => {
    const { access, request } = setup({ ro: { type: 'read-only' } });
    const ctx = request('ro');
    expect(await access.admits(ctx, [FIND])).toBe(true);
    expect(ctx.state.isAuthenticated).toBe(true);
    expect(ctx.state.auth).toEqual({ strategy: expect.objectContaining({ name: 'content-api-token' }), credentials: { type: 'read-only' }, ability: null });
  });

  it('leaves headers the strategy would not read, and other strategies, to Strapi', async () => {
    const { access, request, state } = setup({ ro: { type: 'read-only' } });
    expect(await access.admits(request('ro', 'Basic cm86'), [FIND])).toBe(false);
    expect(await access.admits(request('ro', 'Bearer ro extra'), [FIND])).toBe(false);
    expect(state.reads).toBe(0);
    const other = setup({ ro: { type: 'read-only' } }, { first: 'other' });
    expect(await other.admits('ro')).toBe(false);
    expect(other.state.reads).toBe(0);
  });

  it('reads a token once for many requests, again after a second', async () => {
    const { admits, state, tick } = setup({ ro: { type: 'read-only' } });
    await Promise.all(Array.from({ length: 20 }, () => admits('ro')));
    expect(state.reads).toBe(1);
    tick(999);
    await admits('ro');
    expect(state.reads).toBe(1);
    tick(1);
    await admits('ro');
    expect(state.reads).toBe(2);
  });

  it('turns a kept token away the moment it expires', async () => {
    const { admits, at, tick } = setup({ soon: { type: 'read-only', expiresAt: 1_500 } });
    expect(await admits('soon')).toBe(true);
    tick(500);
    expect(at()).toBe(1_500);
    expect(await admits('soon')).toBe(true);
    tick(1);
    expect(await admits('soon')).toBe(false);
  });

  it('forgets every token at a write to a token or its permissions, and announces it', async () => {
    const { access, admits, stored, state, write } = setup({ ro: { type: 'read-only' } });
    let announced = 0;
    access.announceWritesTo(() => (announced += 1));
    expect(await admits('ro')).toBe(true);
    stored.delete('ro');
    await write('afterDelete');
    expect(await admits('ro')).toBe(false);
    expect(announced).toBe(1);
    stored.set('ro', { type: 'custom', permissions: [FIND_ONE] });
    await write('afterCreate', 'admin::api-token-permission');
    expect(await admits('ro')).toBe(false);
    expect(await admits('ro', [FIND_ONE])).toBe(true);
    await write('afterFindOne');
    await write('afterUpdate', 'plugin::newsroom.article');
    await admits('ro', [FIND_ONE]);
    expect(state.reads).toBe(3);
    expect(announced).toBe(2);
  });

  it('does not keep a token read while a write happened', async () => {
    const { admits, stored, state, write, pauseNextRead } = setup({ ro: { type: 'read-only' } });
    const resume = pauseNextRead();
    const racing = admits('ro');
    stored.delete('ro');
    await write('beforeDelete');
    resume();
    expect(await racing).toBe(true); // read before the write: this one request may pass, as it would in Strapi
    expect(await admits('ro')).toBe(false);
    expect(state.reads).toBe(2);
  });

  it('admits nothing when the strategy fails', async () => {
    const { request } = setup({});
    const strategy = { name: 'content-api-token', authenticate: () => Promise.reject(new Error('database down')), verify: () => undefined };
    const broken = createTokenAccess({} as Core.Strapi, { firstStrategy: () => strategy });
    expect(await broken.admits(request('ro'), [FIND])).toBe(false);
  });
});

describe('bearer token', () => {
  it('reads the header as the API-token strategy does', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer   abc')).toBe('abc');
    expect(bearerToken('Bearer')).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
