/** The time zones the settings form offers, and how typed text finds them. */
import { timeZoneNames } from '../../../../shared/validation/time-zone';

/** The runtime's IANA zones, UTC first; the current value is kept even when the browser does not list it. */
export const zoneOptions = (current: string): string[] => {
  const all = timeZoneNames();
  return current !== '' && !all.includes(current) ? [current, ...all] : all;
};

/** `"new york"` finds `America/New_York`: lower case, spaces as the underscores zone names use. */
const normalize = (text: string) => text.trim().toLowerCase().replace(/\s+/g, '_');

/**
 * The zones whose name contains `query` without regard to case ("Berl" → Europe/Berlin),
 * those where a part of the name starts with it first; every zone for an empty query.
 */
export const matchZones = (zones: string[], query: string): string[] => {
  const wanted = normalize(query);
  if (wanted === '') return zones;
  const matches = zones.filter((zone) => zone.toLowerCase().includes(wanted));
  const startsAPart = (zone: string) => zone.toLowerCase().split('/').some((part) => part.startsWith(wanted));
  return [...matches.filter(startsAPart), ...matches.filter((zone) => !startsAPart(zone))];
};
