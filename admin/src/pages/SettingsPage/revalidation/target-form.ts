/**
 * The revalidation target form (Settings → Newsroom): its values, its checks (the server's
 * own rules, shared/validation/revalidation.ts) and the body `PUT /newsroom/settings` gets.
 * Secrets are never known here: a target saved before keeps its secret unless one is typed.
 */
import type { RevalidationTargetInput, RevalidationTargetView } from '../../../../../shared/contracts/revalidation';
import { validateRevalidationTargets } from '../../../../../shared/validation/revalidation';

export const TARGET_FIELDS = ['name', 'url', 'secret', 'paths'] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

export interface TargetFormValues {
  name: string;
  url: string;
  /** Empty: keep the saved secret (of a target being edited). */
  secret: string;
  /** One path per line. */
  paths: string;
}

export const EMPTY_TARGET: TargetFormValues = { name: '', url: '', secret: '', paths: '' };

export const toFormValues = (target: RevalidationTargetView): TargetFormValues => ({
  name: target.name,
  url: target.url,
  secret: '',
  paths: target.paths.join('\n'),
});

const splitLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The admin's targets (the config file's are not theirs to save) with `edited` put in place of `original`. */
export function targetsToSave(
  targets: RevalidationTargetView[],
  values: TargetFormValues | null,
  original: RevalidationTargetView | null
): RevalidationTargetInput[] {
  const own = targets.filter((target) => target.source === 'settings');
  const kept = own.map(({ name, url, paths }): RevalidationTargetInput => ({ name, url, paths }));
  if (values === null) return kept;
  const edited: RevalidationTargetInput = {
    name: values.name.trim(),
    url: values.url.trim(),
    paths: splitLines(values.paths),
    ...(values.secret !== '' && { secret: values.secret }),
    ...(original && { previousName: original.name }),
  };
  const index = original ? own.findIndex((target) => target.name === original.name) : -1;
  if (index === -1) return [...kept, edited];
  return kept.map((target, i) => (i === index ? edited : target));
}

/** The fields of the edited target that break a rule. */
export function invalidTargetFields(
  targets: RevalidationTargetView[],
  values: TargetFormValues,
  original: RevalidationTargetView | null
): Partial<Record<TargetField, true>> {
  const list = targetsToSave(targets, values, original);
  const own = targets.filter((target) => target.source === 'settings').map((target) => target.name);
  const index = original ? own.indexOf(original.name) : list.length - 1;
  const result = validateRevalidationTargets(list, {
    mode: 'update',
    // Saved targets have a secret on the server; its value does not matter for the check.
    savedSecret: (name) => (own.includes(name) ? 'x'.repeat(16) : null),
    reservedNames: targets.filter((target) => target.source === 'config').map((target) => target.name),
  });
  return result.ok ? {} : fieldsOfIssues(result.issues.map((issue) => issue.key), index);
}

/** `revalidation[2].paths[1]` → `paths`, for the target at `index`. */
export function fieldsOfIssues(keys: string[], index: number): Partial<Record<TargetField, true>> {
  const fields: Partial<Record<TargetField, true>> = {};
  const prefix = `revalidation[${index}].`;
  for (const key of keys) {
    if (!key.startsWith(prefix)) continue;
    const field = key.slice(prefix.length).replace(/\[\d+\]$/, '');
    if ((TARGET_FIELDS as readonly string[]).includes(field)) fields[field as TargetField] = true;
  }
  return fields;
}
