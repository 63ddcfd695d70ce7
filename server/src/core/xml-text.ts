/**
 * Text that any XML 1.0 document (and any strict JSON reader) can carry (SPEC 10). Stored
 * titles and excerpts may hold anything a client sent: control characters, lone UTF-16
 * surrogates (invalid Unicode), U+FFFE/U+FFFF. XML 1.0 forbids all of them, even escaped,
 * so they are removed before the text reaches a builder; escaping (`<`, `&`, `]]>`) is the
 * XML builder's job. One linear pass, no backtracking.
 */

// C0 controls but tab, line feed and carriage return; lone surrogates; the two non-characters XML excludes.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 forbids. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/**
 * `text` as xmlbuilder2 must be handed it. xmlbuilder2 does not escape an `&` that already
 * starts an entity reference (`&amp;`, and in its DOM writer any `&name;`), so a stored
 * `&nbsp;` would come out as an undefined entity (not well-formed) and a stored `&amp;`
 * would read back as `&`. Escaping every `&` first leaves it only `&amp;` sequences, which
 * it writes as they are: every character then reads back as stored, line ends as LF
 * (tests/unit/feed-writers.test.ts checks this against the installed xmlbuilder2).
 */
export function xmlValue(text: string): string {
  // Line ends as every XML parser reads them (XML 1.0 section 2.11): a raw CR would not survive anyway.
  return xmlSafe(text).replace(/\r\n?/g, '\n').replace(/&/g, '&amp;');
}
