import { createTestDatabase, type TestDatabase } from '../helpers/databases';
import { adminCredentials, startStrapiProcess, type StrapiProcess } from '../../support/strapi-process';

export interface TwoInstances {
  a: StrapiProcess;
  b: StrapiProcess;
  token: string;
  database: TestDatabase;
  stop(): Promise<void>;
}

/** Two Strapi processes on one fresh database (the one NEWSROOM_TEST_DB names); `each` adds variables for one of them. */
export async function startTwoInstances(
  env: Record<string, string> = {},
  each: { a?: Record<string, string>; b?: Record<string, string> } = {}
): Promise<TwoInstances> {
  const database = await createTestDatabase();
  // One after the other: the first creates the schema, the second finds it.
  const a = await startStrapiProcess({ ...database.env, ...env, ...each.a });
  const b = await startStrapiProcess({ ...database.env, ...env, ...each.b });
  const { apiToken } = await adminCredentials(a.url);
  return {
    a,
    b,
    token: apiToken,
    database,
    async stop() {
      await Promise.all([a.stop(), b.stop()]);
      await database.drop();
    },
  };
}

export const authorized = (token: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
});
