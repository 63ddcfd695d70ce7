/**
 * An IANA time zone name the JavaScript runtime knows (`UTC`, `Europe/Berlin`): the
 * same test in the browser and in Node, both asking Intl, as luxon's `IANAZone.isValidZone`
 * does for the importer's dates. No library, so the admin bundle stays small.
 */
export function isTimeZone(zone: string): boolean {
  if (zone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone }).format();
    return true;
  } catch {
    return false;
  }
}

/** The zones an editor picks from: UTC first, then the runtime's list (empty where Intl cannot list them). */
export function timeZoneNames(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...zones.filter((zone) => zone !== 'UTC')];
}
