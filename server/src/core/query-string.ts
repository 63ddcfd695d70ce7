/**
 * Strapi parses query strings with `qs`, which silently drops parameters named
 * after `Object.prototype` members (`?constructor=1`, `?toString=1`,
 * `?__proto__[x]=1`, `?category[__proto__]=x`). For an endpoint where every
 * unknown parameter is a 400 (SPEC 4.2) that would be a parameter accepted
 * without a word, so the raw query string is read again for names `qs` lost.
 */

const decode = (text: string): string => {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced; // as qs does: a malformed escape stays as written
  }
};

/** The top-level name `qs` files a `name=value` pair under (`a[b][c]` → `a`), or '' for none. */
function topLevelName(part: string): string {
  // Where qs ends the key: after `]=` when present, else at the first `=`.
  const bracketEquals = part.indexOf(']=');
  const end = bracketEquals === -1 ? part.indexOf('=') : bracketEquals + 1;
  const key = decode(end === -1 ? part : part.slice(0, end));
  const bracket = key.indexOf('[');
  return bracket > 0 ? key.slice(0, bracket) : key;
}

/**
 * `parsed` with an own key for every top-level name of `querystring` that
 * `qs` left out, valued `{}` so that validation reports it: as an unknown
 * parameter, or for a known one as bracket syntax, which is what dropped it.
 */
export function withDroppedParameters(parsed: Record<string, unknown>, querystring: string): Record<string, unknown> {
  let result: Record<string, unknown> | null = null;
  for (const part of querystring.split('&')) {
    const name = topLevelName(part);
    if (name === '' || Object.hasOwn(parsed, name) || (result !== null && Object.hasOwn(result, name))) continue;
    result ??= { ...parsed };
    // defineProperty, because assigning `__proto__` would set the prototype instead of a key.
    Object.defineProperty(result, name, { value: {}, enumerable: true, configurable: true, writable: true });
  }
  return result ?? parsed;
}
