import type { ChildProcess } from 'node:child_process';

export declare const ROOT: string;
export declare const PLAYGROUND: string;
/** The app the tests boot: the playground, or NEWSROOM_APP_DIR. */
export declare const APP_DIR: string;
export declare const TEST_SECRETS: Record<string, string>;

export declare function freePort(): Promise<number>;
export declare function sleep(ms: number): Promise<void>;
/** Resident and peak resident memory of a Linux process, in bytes (null elsewhere). */
export declare function memoryOf(pid: number): { rss: number | null; peak: number | null };
/** CPU seconds (user + system) a Linux process has used so far, or null elsewhere. */
export declare function cpuSecondsOf(pid: number): number | null;

export interface StrapiProcess {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Seconds from spawn to the first healthy answer. */
  bootSeconds: number;
  output(): string;
  memory(): { rss: number | null; peak: number | null };
  cpuSeconds(): number | null;
  /** SIGTERM, then SIGKILL after `killAfterMs`. */
  stop(): Promise<void>;
}

export interface StrapiProcessOptions {
  /** Serve the admin panel (the app must have been built). */
  serveAdmin?: boolean;
  /** The app directory; the playground by default. */
  cwd?: string;
  /** Arguments for the Strapi node process (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  /** How long to wait for /_health (120 s). */
  timeoutMs?: number;
  /** SIGKILL this long after SIGTERM on stop (10 s). */
  killAfterMs?: number;
  /** Keep at most about this many characters of output (all of it by default). */
  outputLimit?: number;
  /** Called when stop() begins. */
  onStop?: () => void;
}

export declare function startStrapiProcess(env?: Record<string, string>, options?: StrapiProcessOptions): Promise<StrapiProcess>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes; callers check what they read
export declare function fetchJson(url: string, init?: RequestInit): Promise<{ status: number; body: any }>;
export declare function createApiToken(url: string, jwt: string, type?: 'full-access' | 'read-only', name?: string): Promise<string>;
export declare function adminCredentials(url: string, admin?: { email: string; password: string }): Promise<{ jwt: string; apiToken: string }>;
