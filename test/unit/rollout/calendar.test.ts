import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CalendarDate,
  calendarDate,
  dayOfWeek,
  daysBetween,
  formatIsoDate,
  formatLongDate,
  fridayOf,
  fromDayNumber,
  fromSheetsSerial,
  nextMonday,
  toDayNumber,
  toSheetsSerial,
} from '../../../src/core/rollout/calendar';

const d = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });

describe('day numbers', () => {
  it('counts from 1970-01-01', () => {
    expect(toDayNumber(d(1970, 1, 1))).toBe(0);
    expect(toDayNumber(d(1969, 12, 31))).toBe(-1);
    // 57 years from 1970 to 2027 with 14 leap days (1972…2024): 57·365 + 14 = 20819, + 3.
    expect(toDayNumber(d(2027, 1, 4))).toBe(20822);
  });

  it('agrees with Date.UTC, and round-trips, over years 1–9999', () => {
    const min = toDayNumber(d(1, 1, 1));
    const max = toDayNumber(d(9999, 12, 31));
    fc.assert(
      fc.property(fc.integer({ min, max }), (n) => {
        const date = fromDayNumber(n);
        expect(toDayNumber(date)).toBe(n);
        const utc = new Date(0);
        utc.setUTCFullYear(date.year, date.month - 1, date.day);
        expect(Math.round(utc.getTime() / 86_400_000)).toBe(n);
        expect(dayOfWeek(date) % 7).toBe(utc.getUTCDay());
      }),
    );
  });
});

describe('Sheets serials', () => {
  it('counts days from 1899-12-30', () => {
    expect(toSheetsSerial(d(1899, 12, 30))).toBe(0);
    // 1900-01-01 is 2; Sheets has no 1900-02-29, so 1 March is 2 + 31 + 28 = 61.
    expect(toSheetsSerial(d(1900, 3, 1))).toBe(61);
    // 2025-01-01 is the well-known 45658; two 365-day years later and 3 days on: 46391.
    expect(toSheetsSerial(d(2025, 1, 1))).toBe(45658);
    expect(toSheetsSerial(d(2027, 1, 4))).toBe(46391);
  });

  it('reads a serial back as its calendar day, dropping the time of day', () => {
    expect(fromSheetsSerial(46391)).toEqual({ ok: true, value: d(2027, 1, 4) });
    expect(fromSheetsSerial(46391.999)).toEqual({ ok: true, value: d(2027, 1, 4) });
    expect(fromSheetsSerial(Number.NaN)).toEqual({ ok: false, error: 'NaN is not a date serial number' });
    expect(fromSheetsSerial(1e9).ok).toBe(false);
  });
});

describe('calendarDate', () => {
  it('rejects impossible dates with the reason', () => {
    expect(calendarDate(2027, 2, 30)).toEqual({ ok: false, error: 'February 2027 has 28 days' });
    expect(calendarDate(2027, 2, 29)).toEqual({ ok: false, error: 'February 2027 has 28 days' });
    expect(calendarDate(2100, 2, 29)).toEqual({ ok: false, error: 'February 2100 has 28 days' });
    expect(calendarDate(2027, 4, 31)).toEqual({ ok: false, error: 'April 2027 has 30 days' });
    expect(calendarDate(2027, 13, 1)).toEqual({ ok: false, error: 'there is no month 13' });
    expect(calendarDate(2027, 1, 0).ok).toBe(false);
    expect(calendarDate(2027, 1, 1.5).ok).toBe(false);
  });

  it('accepts leap days of leap years', () => {
    expect(calendarDate(2028, 2, 29)).toEqual({ ok: true, value: d(2028, 2, 29) });
    expect(calendarDate(2000, 2, 29)).toEqual({ ok: true, value: d(2000, 2, 29) });
  });
});

describe('arithmetic', () => {
  it('crosses month ends, year ends and leap days', () => {
    expect(addDays(d(2026, 12, 31), 1)).toEqual(d(2027, 1, 1));
    expect(addDays(d(2027, 1, 1), -1)).toEqual(d(2026, 12, 31));
    expect(addDays(d(2028, 2, 28), 1)).toEqual(d(2028, 2, 29));
    expect(addDays(d(2027, 2, 28), 1)).toEqual(d(2027, 3, 1));
    expect(addDays(d(2100, 2, 28), 1)).toEqual(d(2100, 3, 1));
    // Jan 4 + 77: 27 days to Jan 31, 28 more to Feb 28 (55), 22 more to Mar 22.
    expect(addDays(d(2027, 1, 4), 77)).toEqual(d(2027, 3, 22));
    expect(daysBetween(d(2027, 1, 4), d(2027, 3, 22))).toBe(77);
  });

  it('knows the weekday', () => {
    expect(dayOfWeek(d(2027, 1, 4))).toBe(1); // 2027-01-01 is a Friday, so the 4th a Monday
    expect(dayOfWeek(d(2026, 1, 1))).toBe(4); // Thursday
    expect(dayOfWeek(d(2028, 2, 29))).toBe(2); // Monday 7 Feb + 22 days: Tuesday
    expect(dayOfWeek(d(2027, 1, 3))).toBe(7); // Sunday
  });

  it('defaults to the coming Monday, next week on a Monday', () => {
    expect(nextMonday(d(2026, 12, 31))).toEqual(d(2027, 1, 4)); // Thursday
    expect(nextMonday(d(2027, 1, 2))).toEqual(d(2027, 1, 4)); // Saturday
    expect(nextMonday(d(2027, 1, 3))).toEqual(d(2027, 1, 4)); // Sunday
    expect(nextMonday(d(2027, 1, 4))).toEqual(d(2027, 1, 11)); // Monday
    expect(nextMonday(d(2028, 2, 25))).toEqual(d(2028, 2, 28)); // Friday before a leap day
  });

  it('finds the Friday of a 7-day week', () => {
    expect(fridayOf(d(2027, 1, 4))).toEqual(d(2027, 1, 8)); // Monday + 4
    expect(fridayOf(d(2027, 1, 6))).toEqual(d(2027, 1, 8)); // Wednesday + 2
    expect(fridayOf(d(2027, 1, 8))).toEqual(d(2027, 1, 8)); // Friday itself
    expect(fridayOf(d(2027, 1, 9))).toEqual(d(2027, 1, 15)); // Saturday + 6
    expect(fridayOf(d(2026, 12, 28))).toEqual(d(2027, 1, 1)); // across the year end
    expect(fridayOf(d(2028, 2, 28))).toEqual(d(2028, 3, 3)); // across the leap day
  });
});

describe('formatting', () => {
  it('writes ISO dates with four-digit years', () => {
    expect(formatIsoDate(d(2027, 1, 4))).toBe('2027-01-04');
    expect(formatIsoDate(d(5, 3, 9))).toBe('0005-03-09');
  });

  it('writes long dates for messages', () => {
    expect(formatLongDate(d(2027, 1, 4))).toBe('Monday 4 January 2027');
  });
});
