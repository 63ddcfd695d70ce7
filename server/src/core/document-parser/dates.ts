import { DateTime } from 'luxon';
import { collapseWhiteSpace } from '../text-scan';
import { quote } from './lines';
import type { FieldResult } from './types';

/*
 * Dates in the header are read with English month names and an optional weekday,
 * which is ignored: a weekday that does not match the date is a typo, and the
 * date itself is what the source states. An ISO 8601 value is accepted as well.
 */

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/*
 * The patterns below read a value whose runs of white space were made one
 * space (`oneSpaced`), so each gap is a literal ` ` or ` ?`: written with
 * `\s*` and `\s+` side by side, they would split a long run of spaces in every
 * possible way before failing, in time quadratic in the run.
 */
const WEEKDAY =
  String.raw`(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|` +
  String.raw`mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?(?: ?,)? )?`;

const ORDINAL = '(?:st|nd|rd|th)?';
const DATE_YEAR_SEPARATOR = String.raw`(?: ?, ?| )`;

/** `April 11, 2025`, `Apr 27 2026`, `11 April 2025`. */
const CALENDAR_DATE =
  String.raw`(?:(?<month>\p{L}+)\.? (?<day>\d{1,2})${ORDINAL}` +
  String.raw`|(?<dayFirst>\d{1,2})${ORDINAL} (?<monthAfter>\p{L}+)\.?)` +
  String.raw`${DATE_YEAR_SEPARATOR}(?<year>\d{4})`;

/** `08:43:39 pm`, `8:43 PM`, `20:43`, `8:43 p.m.`. */
const CLOCK_TIME =
  String.raw`(?: ?, ?| )(?:at )?(?<hour>\d{1,2}) ?: ?(?<minute>\d{2})` +
  String.raw`(?: ?: ?(?<second>\d{2}))? ?(?<meridiem>[ap]\.? ?m\.?)?`;

const PUBLISHED_DATE = new RegExp(`^${WEEKDAY}${CALENDAR_DATE}$`, 'iu');
const DOCUMENT_DATE = new RegExp(`^${WEEKDAY}${CALENDAR_DATE}${CLOCK_TIME}$`, 'iu');
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/iu;
const UTC_ISO_STRING = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/u;

const PUBLISHED_EXAMPLE = '"April 11, 2025"';
const DOCUMENT_DATE_EXAMPLE = '"Mon, Apr 27 2026 08:43:39 pm"';

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function monthNumber(name: string): number | null {
  const lower = name.toLowerCase();
  if (lower === 'sept') return 9;
  const index = MONTHS.findIndex((month) => month === lower || (lower.length === 3 && month.startsWith(lower)));
  return index === -1 ? null : index + 1;
}

function calendarDate(groups: Record<string, string | undefined>): CalendarDate | null {
  const monthName = groups.month ?? groups.monthAfter;
  const day = groups.day ?? groups.dayFirst;
  const month = monthName === undefined ? null : monthNumber(monthName);
  if (month === null || day === undefined || groups.year === undefined) return null;
  return { year: Number(groups.year), month, day: Number(day) };
}

function isRealDate({ year, month, day }: CalendarDate): boolean {
  return DateTime.fromObject({ year, month, day }, { zone: 'UTC' }).isValid;
}

/** The hour on a 24-hour clock; 12 am is 0 and 12 pm is 12. */
function hourOfDay(hour: number, meridiem: string | undefined): number | null {
  if (meridiem === undefined) return hour <= 23 ? hour : null;
  if (hour < 1 || hour > 12) return null;
  const isPm = meridiem.toLowerCase().startsWith('p');
  return (hour % 12) + (isPm ? 12 : 0);
}

/** Runs of white space made one space, ends trimmed: what the date patterns read. */
function oneSpaced(value: string): string {
  return collapseWhiteSpace(value).trim();
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isoDate(value: string): CalendarDate | null {
  const match = ISO_DATE.exec(value);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
}

/** `Published on <date>` → `YYYY-MM-DD`. */
export function parsePublishedDate(value: string): FieldResult<string> {
  const groups = PUBLISHED_DATE.exec(oneSpaced(value))?.groups;
  const date = groups ? calendarDate(groups) : isoDate(value);
  if (!date || !isRealDate(date)) {
    return { ok: false, message: `Published on: ${quote(value)} is not a date like ${PUBLISHED_EXAMPLE}` };
  }
  return { ok: true, value: `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}` };
}

function toUtcIsoString(dateTime: DateTime, value: string, timeZone: string): FieldResult<string> {
  if (dateTime.invalidReason === 'unsupported zone') {
    return { ok: false, message: `Document Date: time zone ${quote(timeZone)} is not a valid IANA time zone` };
  }
  const iso = dateTime.isValid ? dateTime.toUTC().toISO() : null;
  if (iso === null || !UTC_ISO_STRING.test(iso)) {
    return { ok: false, message: `Document Date: ${quote(value)} is not a date and time like ${DOCUMENT_DATE_EXAMPLE}` };
  }
  return { ok: true, value: iso };
}

/**
 * `Document Date: <date and time>` → ISO string in UTC. A value without an
 * offset is wall-clock time in `timeZone`. A time that a daylight-saving change
 * skips is moved forward by luxon (02:30 becomes 03:30); a time that occurs
 * twice is read with the offset luxon picks (the later, standard-time one).
 */
export function parseDocumentDate(value: string, timeZone: string): FieldResult<string> {
  const invalid: FieldResult<string> = {
    ok: false,
    message: `Document Date: ${quote(value)} is not a date and time like ${DOCUMENT_DATE_EXAMPLE}`,
  };

  if (ISO_DATE_TIME.test(value)) {
    return toUtcIsoString(DateTime.fromISO(value.replace(' ', 'T'), { zone: timeZone }), value, timeZone);
  }

  const groups = DOCUMENT_DATE.exec(oneSpaced(value))?.groups;
  const date = groups ? calendarDate(groups) : null;
  if (!groups || !date) return invalid;

  const hour = hourOfDay(Number(groups.hour), groups.meridiem);
  const minute = Number(groups.minute);
  const second = groups.second === undefined ? 0 : Number(groups.second);
  if (hour === null || minute > 59 || second > 59 || !isRealDate(date)) return invalid;

  const dateTime = DateTime.fromObject({ ...date, hour, minute, second }, { zone: timeZone });
  return toUtcIsoString(dateTime, value, timeZone);
}
