import path from 'node:path';
import type { Core } from '@strapi/strapi';
import {
  createContentApiStrategies,
  onlyBuiltInStrategies,
  readStrategyRegistry,
} from '../../server/src/snippet-fast-path/content-api-strategies';

interface Strategy {
  name: string;
  authenticate: (ctx: unknown) => Promise<{ authenticated: boolean }>;
}

interface AuthService {
  register(type: string, strategy: Strategy): AuthService;
  authenticate(ctx: unknown, next: () => Promise<void>): Promise<unknown>;
}

// Strapi's own auth service, as every Strapi app creates it (not exported by the package).
const strapiCoreDir = path.dirname(require.resolve('@strapi/core/package.json'));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a dist file outside the package's exports
const createAuthentication = require(path.join(strapiCoreDir, 'dist/services/auth/index.js')) as () => AuthService;

/** A strategy that counts how often Strapi asks it. */
const strategy = (name: string) => {
  const calls = { count: 0 };
  return {
    calls,
    strategy: {
      name,
      authenticate: async () => {
        calls.count += 1;
        return { authenticated: false };
      },
    },
  };
};

const fakeStrapi = (auth: unknown) => {
  const warnings: string[] = [];
  const strapi = { get: (name: string) => (name === 'auth' ? auth : undefined), log: { warn: (message: string) => warnings.push(message) } };
  return { strapi: strapi as unknown as Core.Strapi, warnings };
};

describe("reading Strapi's content-API auth strategies", () => {
  it('finds the strategies registered before the read and after it, in order', () => {
    const auth = createAuthentication();
    auth.register('content-api', strategy('content-api-token').strategy);
    auth.register('admin', strategy('admin').strategy);
    const registry = readStrategyRegistry(auth);
    expect(registry).not.toBeNull();
    auth.register('content-api', strategy('users-permissions').strategy);
    const names = (registry!['content-api'] as Strategy[]).map((s) => s.name);
    expect(names).toEqual(['content-api-token', 'users-permissions']);
  });

  it('runs no strategy and leaves Object.prototype as it was', () => {
    const auth = createAuthentication();
    const counted = strategy('users-permissions');
    auth.register('content-api', counted.strategy);
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    readStrategyRegistry(auth);
    expect(counted.calls.count).toBe(0);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('gives up on an auth service that keeps its strategies some other way', () => {
    const strategies = new Map<string, Strategy[]>();
    const auth = {
      register: (type: string, s: Strategy) => strategies.set(type, [...(strategies.get(type) ?? []), s]),
      authenticate: async () => undefined,
    };
    expect(readStrategyRegistry(auth)).toBeNull();
    expect(readStrategyRegistry({ authenticate: () => { throw new Error('no'); } })).toBeNull();
  });
});

describe('the built-in strategies', () => {
  it('are API tokens and Users & Permissions', () => {
    expect(onlyBuiltInStrategies([{ name: 'content-api-token' }, { name: 'users-permissions' }])).toBe(true);
    expect(onlyBuiltInStrategies([{ name: 'api-token' }, { name: 'users-permissions' }])).toBe(true);
  });

  it('do not include a strategy of the project, an unnamed one, or none at all', () => {
    expect(onlyBuiltInStrategies([{ name: 'content-api-token' }, { name: 'users-permissions' }, { name: 'session-cookie' }])).toBe(false);
    expect(onlyBuiltInStrategies([{ name: 'users-permissions' }, {}])).toBe(false);
    expect(onlyBuiltInStrategies([])).toBe(false);
  });
});

describe('the fast-path check of the strategies', () => {
  it('is true with the built-in strategies and turns false as soon as the project registers another', () => {
    const auth = createAuthentication();
    auth.register('content-api', strategy('content-api-token').strategy);
    auth.register('content-api', strategy('users-permissions').strategy);
    const { strapi, warnings } = fakeStrapi(auth);
    const strategies = createContentApiStrategies(strapi);
    expect(strategies.onlyBuiltIn()).toBe(true);
    expect(strategies.onlyBuiltIn()).toBe(true);
    auth.register('content-api', strategy('session-cookie').strategy);
    expect(strategies.onlyBuiltIn()).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('is false, with one warning, when the strategies cannot be listed', () => {
    const { strapi, warnings } = fakeStrapi({ authenticate: async () => undefined });
    const strategies = createContentApiStrategies(strapi);
    expect(strategies.onlyBuiltIn()).toBe(false);
    expect(strategies.onlyBuiltIn()).toBe(false);
    expect(warnings).toHaveLength(1);
  });
});
