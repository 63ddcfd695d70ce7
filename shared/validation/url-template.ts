/**
 * URL and path templates (SPEC 5 `articleUrl`, SPEC 11 revalidation `paths`): text with
 * placeholders in braces, `/news/{yyyy}/{slug}`. Only the grammar lives here, so the
 * admin's form and the server agree on what a template is; the server renders them
 * (server/src/core/url-template.ts).
 */

/** The placeholders of an article's URL (SPEC 5), apart from `{siteUrl}`. */
export const ARTICLE_PLACEHOLDERS = ['slug', 'documentId', 'language', 'category', 'yyyy', 'mm', 'dd'] as const;

export type ArticlePlaceholder = (typeof ARTICLE_PLACEHOLDERS)[number];

/** The frontend's address (the `siteUrl` setting): inserted as it is, never encoded, and only at the start. */
export const SITE_URL_PLACEHOLDER = 'siteUrl';

/** Every placeholder of `articleUrl` and of revalidation paths (SPEC 5, 11). */
export const URL_PLACEHOLDERS = [SITE_URL_PLACEHOLDER, ...ARTICLE_PLACEHOLDERS] as const;

export type TemplatePart = { text: string } | { placeholder: string };

export type TemplateScan = { ok: true; parts: TemplatePart[]; placeholders: string[] } | { ok: false; message: string };

/**
 * Splits a template into text and placeholders, in one pass. A brace that does not open
 * or close a placeholder, an empty or nested one, and a name outside `allowed` are
 * errors whose message names the problem.
 */
export function scanTemplate(template: string, allowed: readonly string[]): TemplateScan {
  const parts: TemplatePart[] = [];
  const placeholders: string[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const char = template[i];
    if (char === '}') return { ok: false, message: `has a "}" without its "{" at character ${i + 1}` };
    if (char !== '{') {
      text += char;
      i += 1;
      continue;
    }
    const end = template.indexOf('}', i + 1);
    const nested = template.indexOf('{', i + 1);
    if (end === -1 || (nested !== -1 && nested < end)) return { ok: false, message: `has a "{" without its "}" at character ${i + 1}` };
    const name = template.slice(i + 1, end);
    if (name === SITE_URL_PLACEHOLDER && allowed.includes(name) && i !== 0) {
      return { ok: false, message: `may have {${SITE_URL_PLACEHOLDER}} only at its start` };
    }
    if (!allowed.includes(name)) {
      const shown = name.length > 30 ? `${name.slice(0, 30)}…` : name;
      return { ok: false, message: `has an unknown placeholder {${shown}} (known: ${allowed.map((known) => `{${known}}`).join(', ')})` };
    }
    if (text !== '') parts.push({ text });
    text = '';
    parts.push({ placeholder: name });
    if (!placeholders.includes(name)) placeholders.push(name);
    i = end + 1;
  }
  if (text !== '') parts.push({ text });
  return { ok: true, parts, placeholders };
}
