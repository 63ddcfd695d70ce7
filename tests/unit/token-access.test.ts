import type { Core } from '@strapi/strapi';
import { bearerToken, createTokenAccess, type TokenAuth, type TokenRequest, type TokenStrategy } from '../../server/src/snippet-fast-path/token-access';

type Subscriber = (event: { action: string; model?: { uid?: string } }) => Promise<void>;

const FIND = 'plugin::newsroom.snippet.find';
const FIND_ONE = 'plugin::newsroom.snippet.findOne';

interface StoredToken {
  type: 'read-only' | 'full-access' | 'custom';
  permissions?: string[];
  expiresAt?: number;
}

/**
 * Strapi's API-token strategy reduced to what it decides (`verify`: expiry and scopes), and
 * Strapi's route reduced to its sign-in: it looks the token up in `tokens` (a database read)
 * and, when the strategy accepts it, puts the sign-in in `ctx.state.auth`.
 */
function fakeStrapiRoute(tokens: Map<string, StoredToken>, clock: () => number) {
  const state = { reads: 0, answeredByStrapi: 0 };
  let release: (() => void) | null = null;
  const strategy: TokenStrategy = {
    name: 'content-api-token',
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
  const route = async (ctx: TokenRequest) => {
    state.answeredByStrapi += 1;
    state.reads += 1;
    const key = bearerToken(ctx.request.header.authorization);
    const stored = key === null ? undefined : tokens.get(key);
    const snapshot = stored && { ...stored };
    if (release !== null) await new Promise<void>((resolve) => (release = resolve));
    if (!snapshot || (snapshot.expiresAt !== undefined && snapshot.expiresAt < clock())) return;
    ctx.state.auth = { strategy, credentials: snapshot, ability: snapshot.type === 'custom' ? { granted: snapshot.permissions } : null };
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
  return { strategy, route, state, pauseNextRead };
}

function setup(tokens: Record<string, StoredToken>, options: { first?: 'token' | 'other' } = {}) {
  let now = 1_000;
  const stored = new Map(Object.entries(tokens));
  const { strategy, route, state, pauseNextRead } = fakeStrapiRoute(stored, () => now);
  let subscriber: Subscriber | null = null;
  const strapi = {
    db: {
      lifecycles: { subscribe: (fn: Subscriber) => (subscriber = fn) },
      inTransaction: () => false,
      transaction: async (work: (trx: { onCommit: (fn: () => void) => void }) => Promise<void>) => work({ onCommit: (fn) => fn() }),
    },
  } as unknown as Core.Strapi;
  const first = { current: options.first === 'other' ? ({ name: 'users-permissions' } as unknown) : strategy };
  const access = createTokenAccess(strapi, { firstStrategy: () => first.current, now: () => now });
  access.watchTokenWrites();
  const request = (token: string, authorization = `Bearer ${token}`): TokenRequest => ({ request: { header: { authorization } }, state: {} });
  /** Whether the fast path answered the request (rather than Strapi's route). */
  const serve = async (ctx: TokenRequest, scopes = [FIND]) => {
    let fast = false;
    await access.serve(
      ctx,
      scopes,
      async () => {
        fast = true;
      },
      () => route(ctx)
    );
    return fast;
  };
  const admits = (token: string, scopes = [FIND]) => serve(request(token), scopes);
  const write = (action: string, uid = 'admin::api-token') => subscriber?.({ action, model: { uid } }) ?? Promise.resolve();
  return { access, stored, state, first, strategy, serve, admits, request, write, pauseNextRead, tick: (ms: number) => (now += ms) };
}

describe('API-token sign-ins kept in memory for the snippet fast path', () => {
  it('answers the first request of a token on Strapi\'s route, the next ones itself', async () => {
    const { admits, state } = setup({ ro: { type: 'read-only' } });
    expect(await admits('ro')).toBe(false);
    expect(await admits('ro')).toBe(true);
    expect(await admits('ro')).toBe(true);
    expect(state.reads).toBe(1);
  });

  it('answers itself exactly for the tokens Strapi lets read the route', async () => {
    const { admits } = setup({
      ro: { type: 'read-only' },
      full: { type: 'full-access' },
      find: { type: 'custom', permissions: [FIND] },
      other: { type: 'custom', permissions: ['plugin::newsroom.article.find'] },
    });
    for (const token of ['ro', 'full', 'find', 'other', 'unknown']) await admits(token);
    expect(await admits('ro')).toBe(true);
    expect(await admits('full', [FIND_ONE])).toBe(true);
    expect(await admits('find')).toBe(true);
    expect(await admits('find', [FIND_ONE])).toBe(false);
    expect(await admits('other')).toBe(false);
    expect(await admits('unknown')).toBe(false);
    expect(await admits('ro', [])).toBe(false);
  });

  it('signs the request in as Strapi does', async () => {
    const { serve, request } = setup({ ro: { type: 'read-only' } });
    await serve(request('ro'));
    const ctx = request('ro');
    expect(await serve(ctx)).toBe(true);
    expect(ctx.state.isAuthenticated).toBe(true);
    expect(ctx.state.auth).toEqual({ strategy: expect.objectContaining({ name: 'content-api-token' }), credentials: { type: 'read-only' }, ability: null });
  });

  it("keeps no sign-in of another strategy, nor one made while Strapi asks another strategy first", async () => {
    const { access, serve, request, first, strategy } = setup({ ro: { type: 'read-only' } });
    const other = { name: 'users-permissions', verify: () => undefined };
    const jwt = request('jwt');
    await access.serve(jwt, [FIND], async () => undefined, async () => {
      jwt.state.auth = { strategy: other, credentials: {}, ability: null }; // Users & Permissions signed a JWT in
    });
    expect(await serve(request('jwt'))).toBe(false);
    first.current = other;
    await serve(request('ro'));
    expect(await serve(request('ro'))).toBe(false);
    first.current = strategy;
    expect(await serve(request('ro'))).toBe(false); // kept by no one: Strapi's route once more
    expect(await serve(request('ro'))).toBe(true);
  });

  it('leaves headers the strategy would not read to Strapi', async () => {
    const { serve, request } = setup({ ro: { type: 'read-only' } });
    for (const authorization of ['Basic cm86', 'Bearer ro extra', 'Bearer']) {
      await serve(request('ro', authorization));
      expect(await serve(request('ro', authorization))).toBe(false);
    }
  });

  it('takes a token to Strapi\'s route again after a second', async () => {
    const { admits, state, tick } = setup({ ro: { type: 'read-only' } });
    await admits('ro');
    tick(999);
    expect(await admits('ro')).toBe(true);
    tick(1);
    expect(await admits('ro')).toBe(false);
    expect(state.reads).toBe(2);
  });

  it('turns a kept token away the moment it expires', async () => {
    const { admits, tick } = setup({ soon: { type: 'read-only', expiresAt: 1_500 } });
    await admits('soon');
    tick(500);
    expect(await admits('soon')).toBe(true);
    tick(1);
    expect(await admits('soon')).toBe(false);
  });

  it('forgets every token at a write to a token or its permissions, and announces it', async () => {
    const { access, admits, stored, write } = setup({ ro: { type: 'read-only' } });
    let announced = 0;
    access.announceWritesTo(() => (announced += 1));
    await admits('ro');
    stored.delete('ro');
    await write('afterDelete');
    expect(await admits('ro')).toBe(false);
    expect(announced).toBe(1);
    stored.set('ro', { type: 'custom', permissions: [FIND_ONE] });
    await write('afterCreate', 'admin::api-token-permission');
    await admits('ro');
    expect(await admits('ro')).toBe(false);
    expect(await admits('ro', [FIND_ONE])).toBe(true);
    await write('afterFindOne');
    await write('afterUpdate', 'plugin::newsroom.article');
    expect(await admits('ro', [FIND_ONE])).toBe(true);
    expect(announced).toBe(2);
  });

  it('does not keep a sign-in made while a token was written', async () => {
    const { admits, stored, write, pauseNextRead } = setup({ ro: { type: 'read-only' } });
    const resume = pauseNextRead();
    const racing = admits('ro');
    stored.delete('ro');
    await write('beforeDelete');
    resume();
    await racing; // read before the write: Strapi's route answers this one request as it would anyway
    expect(await admits('ro')).toBe(false);
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
