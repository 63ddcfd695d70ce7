/**
 * The rules of the `revalidation` setting (SPEC 5, 11), for the config file at startup,
 * `PUT /newsroom/settings` and the admin's target form. Every issue names its key the
 * way an admin would find it: `revalidation[1].url`, `revalidation[0].paths[2]`.
 */
import type { RevalidationTarget } from '../contracts/revalidation';
import { isHttpUrl } from './http-url';
import { describeValue, type SettingsIssue } from './settings';
import { SITE_URL_PLACEHOLDER, URL_PLACEHOLDERS, scanTemplate } from './url-template';

export const REVALIDATION_LIMITS = {
  targets: 20,
  nameLength: 100,
  urlLength: 2048,
  secretMinLength: 16,
  secretMaxLength: 1024,
  paths: 50,
  pathLength: 500,
} as const;

export interface RevalidationValidationOptions {
  /**
   * `config`: complete targets, as the config file gives them. `update`: the body of
   * `PUT /newsroom/settings`, where a target may leave its secret out to keep the saved one.
   */
  mode: 'config' | 'update';
  /** `update`: the saved secret of the target named so, or null. */
  savedSecret?(name: string): string | null;
  /** Names already taken by targets defined elsewhere (the config file's, when saving the admin's). */
  reservedNames?: readonly string[];
  /** The key issues start with; `revalidation` unless told. */
  key?: string;
}

export type RevalidationResult = { ok: true; targets: RevalidationTarget[] } | { ok: false; issues: SettingsIssue[] };

const FIELDS = { config: ['name', 'url', 'secret', 'paths'], update: ['name', 'url', 'secret', 'paths', 'previousName', 'secretHint', 'source'] };

// C0 and C1 control characters, DEL: never part of a name, URL, secret or path.
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const WHITESPACE = /\s/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Length in characters (code points), as an admin counts them. */
const length = (text: string) => Array.from(text).length;

/** Why `path` is not a revalidation path (a plain path or a template), or null when it is one. */
export function pathProblem(path: unknown): string | null {
  if (typeof path !== 'string' || !(path.startsWith('/') || path.startsWith(`{${SITE_URL_PLACEHOLDER}}`))) {
    return `must be a path starting with "/", such as "/news" or "/news/{slug}", or a URL starting with {siteUrl} (got ${describeValue(path)})`;
  }
  if (length(path) > REVALIDATION_LIMITS.pathLength) return `must be at most ${REVALIDATION_LIMITS.pathLength} characters long`;
  if (CONTROL.test(path) || WHITESPACE.test(path)) return `must not contain spaces or control characters (got ${describeValue(path)})`;
  const scan = scanTemplate(path, URL_PLACEHOLDERS);
  return scan.ok ? null : scan.message;
}

/** Why `secret` cannot sign deliveries, or null. */
export function secretProblem(secret: unknown): string | null {
  const { secretMinLength, secretMaxLength } = REVALIDATION_LIMITS;
  if (typeof secret !== 'string' || length(secret) < secretMinLength || length(secret) > secretMaxLength || CONTROL.test(secret)) {
    const got = typeof secret === 'string' ? `${length(secret)} characters` : describeValue(secret);
    return `must be a string of ${secretMinLength} to ${secretMaxLength} characters without control characters (got ${got})`;
  }
  return null;
}

function validateTarget(
  item: unknown,
  key: string,
  options: RevalidationValidationOptions
): { target: RevalidationTarget | null; issues: SettingsIssue[] } {
  const issues: SettingsIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ key: field === '' ? key : `${key}.${field}`, message });
  if (!isObject(item)) {
    issue('', `must be an object with name, url, secret and paths (got ${describeValue(item)})`);
    return { target: null, issues };
  }
  const fields = FIELDS[options.mode];
  for (const field of Object.keys(item)) {
    if (!fields.includes(field)) issue(field, `is not a field of a revalidation target (accepted: ${FIELDS.config.join(', ')})`);
  }

  const rawName = item.name;
  const name = typeof rawName === 'string' ? rawName.trim() : '';
  if (typeof rawName !== 'string' || name === '' || length(name) > REVALIDATION_LIMITS.nameLength || CONTROL.test(name)) {
    issue('name', `must be a name of 1 to ${REVALIDATION_LIMITS.nameLength} characters (got ${describeValue(rawName)})`);
  }

  const url = item.url;
  if (typeof url !== 'string' || length(url) > REVALIDATION_LIMITS.urlLength || CONTROL.test(url) || !isHttpUrl(url)) {
    issue('url', `must be an absolute http or https URL such as "https://www.example.com/api/revalidate" (got ${describeValue(url)})`);
  }

  let secret = item.secret;
  const previousName = item.previousName;
  if (options.mode === 'update' && previousName !== undefined && typeof previousName !== 'string') {
    issue('previousName', `must be the name the target had before (got ${describeValue(previousName)})`);
  }
  if (options.mode === 'update' && (secret === undefined || secret === null || secret === '')) {
    const saved = options.savedSecret?.(typeof previousName === 'string' ? previousName : name) ?? null;
    if (saved === null) issue('secret', `is required for a new target: at least ${REVALIDATION_LIMITS.secretMinLength} characters`);
    secret = saved ?? '';
  } else {
    const problem = secretProblem(secret);
    if (problem) issue('secret', problem);
  }

  const paths: string[] = [];
  const rawPaths = item.paths ?? [];
  if (!Array.isArray(rawPaths) || rawPaths.length > REVALIDATION_LIMITS.paths) {
    issue('paths', `must be a list of at most ${REVALIDATION_LIMITS.paths} paths such as ["/news", "/news/{slug}"] (got ${describeValue(rawPaths)})`);
  } else {
    rawPaths.forEach((path: unknown, index) => {
      const problem = pathProblem(path);
      if (problem) issue(`paths[${index}]`, problem);
      else if (!paths.includes(path as string)) paths.push(path as string);
    });
  }

  if (issues.length > 0) return { target: null, issues };
  return { target: { name, url: url as string, secret: secret as string, paths }, issues };
}

/**
 * Validates a list of targets; every problem is reported, each naming its key. Names
 * are trimmed and must be unique without regard to case; duplicate paths are dropped.
 */
export function validateRevalidationTargets(value: unknown, options: RevalidationValidationOptions): RevalidationResult {
  const key = options.key ?? 'revalidation';
  if (value === undefined) return { ok: true, targets: [] };
  if (!Array.isArray(value) || value.length > REVALIDATION_LIMITS.targets) {
    return {
      ok: false,
      issues: [{ key, message: `must be a list of at most ${REVALIDATION_LIMITS.targets} targets { name, url, secret, paths } (got ${describeValue(value)})` }],
    };
  }
  const issues: SettingsIssue[] = [];
  const targets: RevalidationTarget[] = [];
  const seen = new Map<string, number>();
  const reserved = new Set((options.reservedNames ?? []).map((name) => name.toLowerCase()));
  value.forEach((item: unknown, index) => {
    // A target read from GET /newsroom/settings and sent back: the config file's are not the admin's to save.
    if (options.mode === 'update' && isObject(item) && item.source === 'config') return;
    const result = validateTarget(item, `${key}[${index}]`, options);
    issues.push(...result.issues);
    if (!result.target) return;
    const folded = result.target.name.toLowerCase();
    const earlier = seen.get(folded);
    if (earlier !== undefined) {
      issues.push({ key: `${key}[${index}].name`, message: `must be unique: ${key}[${earlier}] has the name ${describeValue(result.target.name)} too` });
    } else if (reserved.has(folded)) {
      issues.push({ key: `${key}[${index}].name`, message: `is the name of a target in the config file (got ${describeValue(result.target.name)})` });
    } else {
      seen.set(folded, index);
      targets.push(result.target);
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, targets };
}

/** `…f00d`: enough to tell secrets apart, never enough to sign with. */
export function secretHint(secret: string): string {
  return `…${Array.from(secret).slice(-4).join('')}`;
}
