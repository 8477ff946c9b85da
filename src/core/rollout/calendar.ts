/**
 * Calendar dates without a time of day or a time zone.
 *
 * The rollout plan is about days on a wall calendar: a plan starting Monday 2027-01-04 must
 * show 2027-01-04 in every spreadsheet time zone and across DST changes. JS Date is an
 * instant, so converting through it shifts days by the zone offset; everything here is
 * integer arithmetic on a day number instead, and never touches Date.
 *
 * To write dates, prefer Sheets serial numbers (toSheetsSerial) with a date number format:
 * a serial is a calendar day in every time zone.
 */
import { MONTH_NAMES } from '../../shared/date-format';
import { err, ok, type Result } from '../result';

// One list of month names for the pages and the server.
export { MONTH_NAMES };

export interface CalendarDate {
  readonly year: number;
  /** 1 = January … 12 = December */
  readonly month: number;
  readonly day: number;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const MONDAY: Weekday = 1;
export const FRIDAY: Weekday = 5;

export const WEEKDAY_NAMES: readonly string[] = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

/** Sheets counts days from 1899-12-30; day number 0 below is 1970-01-01. */
const SERIAL_OF_1970_01_01 = 25569;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * A checked date. Years are limited to 1–9999 so that ISO formatting stays four digits and
 * every date round-trips through a Sheets serial.
 */
export function calendarDate(year: number, month: number, day: number): Result<CalendarDate> {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return err(`there is no year ${year} in the calendar`);
  if (!Number.isInteger(month) || month < 1 || month > 12) return err(`there is no month ${month}`);
  const last = daysInMonth(year, month);
  if (!Number.isInteger(day) || day < 1 || day > last) {
    return err(`${MONTH_NAMES[month - 1]} ${year} has ${last} days`);
  }
  return ok({ year, month, day });
}

/**
 * Days since 1970-01-01 (negative before). Howard Hinnant's days_from_civil: exact for the
 * proleptic Gregorian calendar, with no Date and so no time zone.
 */
export function toDayNumber(date: CalendarDate): number {
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5) + date.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of toDayNumber (Hinnant's civil_from_days). */
export function fromDayNumber(dayNumber: number): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** `days` must be an integer; negative goes back. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

export function dayOfWeek(date: CalendarDate): Weekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return (((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/**
 * The default start of a rollout: the coming Monday, strictly after today. On a Monday that
 * is next week's, because a plan whose first week is already under way starts late.
 */
export function nextMonday(today: CalendarDate): CalendarDate {
  return addDays(today, 8 - dayOfWeek(today));
}

/**
 * The Friday of the 7-day week that begins on `weekStart` (a plan week runs from its start
 * day for 7 days, so a week starting on a Saturday has its Friday 6 days later). For the
 * usual Monday start that is weekStart + 4.
 */
export function fridayOf(weekStart: CalendarDate): CalendarDate {
  return addDays(weekStart, (FRIDAY - dayOfWeek(weekStart) + 7) % 7);
}

export function formatIsoDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** "Monday 4 January 2027": unambiguous in every locale, for messages. */
export function formatLongDate(date: CalendarDate): string {
  return `${WEEKDAY_NAMES[dayOfWeek(date) - 1]} ${date.day} ${MONTH_NAMES[date.month - 1]} ${date.year}`;
}

/** Days since 1899-12-30, the number a Sheets date cell holds. */
export function toSheetsSerial(date: CalendarDate): number {
  return toDayNumber(date) + SERIAL_OF_1970_01_01;
}

/**
 * The calendar day of a Sheets date serial. A fraction is a time of day and is dropped;
 * serials off the 1–9999 calendar are an error, not a wrapped date.
 */
export function fromSheetsSerial(serial: number): Result<CalendarDate> {
  if (!Number.isFinite(serial)) return err(`${serial} is not a date serial number`);
  const date = fromDayNumber(Math.floor(serial) - SERIAL_OF_1970_01_01);
  if (date.year < 1 || date.year > 9999) return err(`${serial} is not a date serial number`);
  return ok(date);
}
