/**
 * Reading the start date a user types into the "Generate rollout plan" prompt.
 *
 * Accepted (English month names only, case-insensitive, an optional leading weekday):
 *   2027-01-04   2027/1/4   2027.1.4        year first: always year-month-day
 *   4 Jan 2027   4 January 2027   4-Jan-2027   4th Jan 2027
 *   January 4, 2027   Jan 4 2027   Jan. 4th, 2027   Monday, January 4, 2027
 *   1/4/2027   1.4.2027   1-4-27       all-numeric, year last: see dateOrderFor
 * A two-digit year is 20yy: a rollout is never planned in the 1900s.
 *
 * An all-numeric date with the year last is ambiguous (1/4/2027 is 4 January in the US and
 * 1 April in most other places). It is read in the spreadsheet locale's order and never
 * guessed from the numbers: 1/13/2027 in a day-first locale is an error, as it is when typed
 * into a Sheets cell, rather than a silent swap that would make 1/12 and 1/13 mean different
 * orders. The message suggests the ISO form, which is never ambiguous.
 */
import { err, ok, type Result } from '../result';
import {
  type CalendarDate,
  calendarDate,
  dayOfWeek,
  formatIsoDate,
  MONTH_NAMES,
  nextMonday,
  WEEKDAY_NAMES,
} from './calendar';

export type DateOrder = 'MDY' | 'DMY';

export interface ParseDateOptions {
  /** The spreadsheet locale (`SpreadsheetApp.getActive().getSpreadsheetLocale()`), e.g. `en_US`. */
  readonly locale?: string;
  /** Shown in error messages as the form to type; the action passes its default start. */
  readonly example?: CalendarDate;
}

/** Regions that write month/day/year: the US and its territories, the Philippines, Micronesia, Marshall Is., Palau. */
const MONTH_FIRST_REGIONS = new Set(['US', 'AS', 'GU', 'MP', 'PR', 'UM', 'VI', 'PH', 'FM', 'MH', 'PW']);

/**
 * Month-first for `en_US`-style locales of month-first regions; day-first otherwise, and when
 * no locale is known, because day-first is what most of the world writes.
 */
export function dateOrderFor(locale: string | undefined): DateOrder {
  const region = (locale ?? '').split(/[_-]/).find((part, i) => i > 0 && /^[A-Za-z]{2}$/.test(part));
  return region !== undefined && MONTH_FIRST_REGIONS.has(region.toUpperCase()) ? 'MDY' : 'DMY';
}

const FALLBACK_EXAMPLE: CalendarDate = { year: 2027, month: 1, day: 4 };

/**
 * Parses typed text into a calendar date. Errors quote the text and say what to type.
 */
export function parseCalendarDate(text: string, options: ParseDateOptions = {}): Result<CalendarDate> {
  const shown = quote(text);
  const notADate = err<CalendarDate>(
    `${shown} is not a date: type it as ${formatIsoDate(options.example ?? FALLBACK_EXAMPLE)}`,
  );
  const tokens = text
    .trim()
    .toLowerCase()
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .split(/[\s,./-]+/)
    .filter((t) => t !== '');
  if (tokens.length === 0) return notADate;

  const weekday = weekdayOf(tokens[0] ?? '');
  if (weekday !== undefined) tokens.shift();
  const parts = fieldsOf(tokens, dateOrderFor(options.locale));
  if (parts === undefined) return notADate;

  const checked = calendarDate(parts.year, parts.month, parts.day);
  if (!checked.ok) {
    const order = parts.order === 'MDY' ? 'month/day/year' : parts.order === 'DMY' ? 'day/month/year' : '';
    const hint = order === '' ? '' : ` (this spreadsheet reads ${order})`;
    return err(`${shown} is not a real date: ${checked.error}${hint}`);
  }
  const actual = dayOfWeek(checked.value);
  if (weekday !== undefined && weekday !== actual) {
    const { day, month, year } = checked.value;
    return err(
      `${shown} is not a real date: ${day} ${MONTH_NAMES[month - 1]} ${year} is a ${WEEKDAY_NAMES[actual - 1]}, not a ${WEEKDAY_NAMES[weekday - 1]}`,
    );
  }
  return checked;
}

/**
 * The prompt's answer: blank means the default start, the coming Monday after `today`
 * (today's calendar date in the spreadsheet's time zone).
 */
export function parseStartDate(
  text: string,
  today: CalendarDate,
  options: ParseDateOptions = {},
): Result<CalendarDate> {
  const fallback = nextMonday(today);
  if (text.trim() === '') return ok(fallback);
  return parseCalendarDate(text, { example: fallback, ...options });
}

interface Fields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Set when the order came from the locale, so an error can say which order was assumed. */
  readonly order?: DateOrder;
}

function fieldsOf(tokens: readonly string[], order: DateOrder): Fields | undefined {
  if (tokens.length !== 3) return undefined;
  const [a = '', b = '', c = ''] = tokens;
  const names = tokens.map(monthOf);
  const named = names.filter((m) => m !== undefined).length;
  if (named === 0) {
    if (isYear4(a)) return build(a, b, c);
    if (!isYear(c) || !isShort(a) || !isShort(b)) return undefined;
    const fields = order === 'MDY' ? build(c, a, b) : build(c, b, a);
    return fields === undefined ? undefined : { ...fields, order };
  }
  if (named !== 1) return undefined;
  const [ma, mb] = names;
  if (ma !== undefined) return isShort(b) && isYear(c) ? build(c, ma, b) : undefined; // Jan 4 2027
  if (mb !== undefined && isShort(a) && isYear(c)) return build(c, mb, a); // 4 Jan 2027
  if (mb !== undefined && isYear4(a) && isShort(c)) return build(a, mb, c); // 2027 Jan 4
  return undefined;
}

function build(year: string, month: string | number, day: string): Fields | undefined {
  const m = typeof month === 'number' ? month : isShort(month) ? Number(month) : undefined;
  if (m === undefined || !isShort(day)) return undefined;
  const y = year.length === 2 ? 2000 + Number(year) : Number(year);
  return { year: y, month: m, day: Number(day) };
}

const isShort = (t: string) => /^\d{1,2}$/.test(t);
const isYear4 = (t: string) => /^\d{4}$/.test(t);
const isYear = (t: string) => /^(\d{2}|\d{4})$/.test(t);

/** 1–12 for a full English month name, its first three letters, or "sept". */
function monthOf(token: string): number | undefined {
  if (token === 'sept') return 9;
  const i = MONTH_NAMES.findIndex((name) => {
    const lower = name.toLowerCase();
    return token === lower || token === lower.slice(0, 3);
  });
  return i < 0 ? undefined : i + 1;
}

const WEEKDAY_ABBREVIATIONS = ['mon', 'tue|tues', 'wed', 'thu|thur|thurs', 'fri', 'sat', 'sun'];

function weekdayOf(token: string): number | undefined {
  const i = WEEKDAY_NAMES.findIndex(
    (name, k) => token === name.toLowerCase() || (WEEKDAY_ABBREVIATIONS[k] ?? '').split('|').includes(token),
  );
  return i < 0 ? undefined : i + 1;
}

/** The user's text in quotes, shortened so a pasted paragraph cannot flood the message. */
function quote(text: string): string {
  const trimmed = text.trim();
  return `"${trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed}"`;
}
