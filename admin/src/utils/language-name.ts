/** `en` → `English (en)` in the admin's locale; a code the browser does not know stays as it is. */
export const languageName = (code: string, locale: string): string => {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(code);
    return name && name.toLowerCase() !== code.toLowerCase() ? `${name} (${code})` : code;
  } catch {
    // Intl.DisplayNames throws RangeError for tags it cannot parse.
    return code;
  }
};
