export interface DemoAdmin {
  email: string;
  password: string;
}
export interface ImportAnswer {
  data: Array<{ index: number; status: string; slug: string | null }>;
  meta: Record<string, number>;
}
export declare const DEMO_ADMIN: DemoAdmin;
export declare const DEMO_ENV: Record<string, string>;
export declare const DEMO_SITE_URL: string;
export declare const SEED_FILE: string;
export declare function request(
  base: string,
  method: string,
  url: string,
  options?: { body?: unknown; token?: string; type?: string }
): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers of many shapes
export declare function adminToken(base: string, admin?: DemoAdmin): Promise<string>;
export declare function createApiToken(base: string, jwt: string): Promise<string>;
export declare function importSeed(base: string, apiToken: string): Promise<ImportAnswer>;
export declare function seedDemo(base: string, admin?: DemoAdmin): Promise<{ jwt: string; apiToken: string; seed: ImportAnswer }>;
