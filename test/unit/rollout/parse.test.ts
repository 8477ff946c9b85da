import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarDate, formatIsoDate, formatLongDate, fromDayNumber } from '../../../src/core/rollout/calendar';
import { dateOrderFor, parseCalendarDate, parseStartDate } from '../../../src/core/rollout/parse';

const d = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });
const jan4 = { ok: true, value: d(2027, 1, 4) };

describe('parseCalendarDate', () => {
  it.each([
    '2027-01-04',
    '2027/1/4',
    '2027.01.04',
    '  2027-1-4  ',
    '4 Jan 2027',
    '4 January 2027',
    '4-Jan-2027',
    '4th Jan 2027',
    'January 4, 2027',
    'Jan 4 2027',
    'Jan. 4th, 2027',
    'JANUARY 4 2027',
    '2027 Jan 4',
    'Monday, January 4, 2027',
    'Mon 4 Jan 2027',
    'Monday 4 January 2027',
  ])('reads %s as 2027-01-04', (text) => {
    expect(parseCalendarDate(text)).toEqual(jan4);
  });

  it('reads Sept and two-digit years', () => {
    expect(parseCalendarDate('6 Sept 27')).toEqual({ ok: true, value: d(2027, 9, 6) });
    expect(parseCalendarDate('1/4/27', { locale: 'en_US' })).toEqual(jan4);
  });

  it('reads numeric year-last dates in the locale order', () => {
    expect(parseCalendarDate('1/4/2027', { locale: 'en_US' })).toEqual(jan4);
    expect(parseCalendarDate('1/4/2027', { locale: 'en-US' })).toEqual(jan4);
    expect(parseCalendarDate('1/4/2027', { locale: 'es_US' })).toEqual(jan4);
    expect(parseCalendarDate('1/4/2027', { locale: 'en_GB' })).toEqual({ ok: true, value: d(2027, 4, 1) });
    expect(parseCalendarDate('4.1.2027', { locale: 'de_DE' })).toEqual(jan4);
    // No locale known: day first, as most of the world writes.
    expect(parseCalendarDate('1/4/2027')).toEqual({ ok: true, value: d(2027, 4, 1) });
  });

  it('knows which locales are month-first', () => {
    expect(dateOrderFor('en_US')).toBe('MDY');
    expect(dateOrderFor('en_PH')).toBe('MDY');
    expect(dateOrderFor('en_GB')).toBe('DMY');
    expect(dateOrderFor('en')).toBe('DMY');
    expect(dateOrderFor('fr_CA')).toBe('DMY');
    expect(dateOrderFor(undefined)).toBe('DMY');
  });

  it('quotes text that is not a date and says what to type', () => {
    expect(parseCalendarDate('next tuesday')).toEqual({
      ok: false,
      error: '"next tuesday" is not a date: type it as 2027-01-04',
    });
    expect(parseCalendarDate('soon', { example: d(2027, 3, 15) })).toEqual({
      ok: false,
      error: '"soon" is not a date: type it as 2027-03-15',
    });
    expect(parseCalendarDate('')).toEqual({ ok: false, error: '"" is not a date: type it as 2027-01-04' });
  });

  it.each([
    '4 Jan',
    '2027-01',
    '2027-01-04T09:00',
    '46391',
    'Jan Feb 2027',
    '2027-001-04',
    '1/4/227',
    '4 Jan 2027 extra',
    'Funday 4 Jan 2027',
  ])('rejects %s', (text) => {
    expect(parseCalendarDate(text).ok).toBe(false);
  });

  it('shortens a long paste in the message', () => {
    const result = parseCalendarDate('x'.repeat(100));
    expect(result).toEqual({ ok: false, error: `"${'x'.repeat(39)}…" is not a date: type it as 2027-01-04` });
  });

  it('rejects impossible dates with the reason', () => {
    expect(parseCalendarDate('2027-02-30')).toEqual({
      ok: false,
      error: '"2027-02-30" is not a real date: February 2027 has 28 days',
    });
    expect(parseCalendarDate('29 Feb 2027')).toEqual({
      ok: false,
      error: '"29 Feb 2027" is not a real date: February 2027 has 28 days',
    });
    expect(parseCalendarDate('29 Feb 2028')).toEqual({ ok: true, value: d(2028, 2, 29) });
    expect(parseCalendarDate('2027-13-01')).toEqual({
      ok: false,
      error: '"2027-13-01" is not a real date: there is no month 13',
    });
    // Day-first locale: 1/13 would be month 13; the message says which order was assumed.
    expect(parseCalendarDate('1/13/2027', { locale: 'en_GB' })).toEqual({
      ok: false,
      error: '"1/13/2027" is not a real date: there is no month 13 (this spreadsheet reads day/month/year)',
    });
    expect(parseCalendarDate('31/1/2027', { locale: 'en_US' })).toEqual({
      ok: false,
      error: '"31/1/2027" is not a real date: there is no month 31 (this spreadsheet reads month/day/year)',
    });
  });

  it('rejects a weekday that does not fit the date', () => {
    expect(parseCalendarDate('Tuesday 4 Jan 2027')).toEqual({
      ok: false,
      error: '"Tuesday 4 Jan 2027" is not a real date: 4 January 2027 is a Monday, not a Tuesday',
    });
  });

  it('reads back what it formats', () => {
    const min = 0; // 1970
    const max = 100_000; // 2243
    fc.assert(
      fc.property(fc.integer({ min, max }), (n) => {
        const date = fromDayNumber(n);
        expect(parseCalendarDate(formatIsoDate(date))).toEqual({ ok: true, value: date });
        expect(parseCalendarDate(formatLongDate(date))).toEqual({ ok: true, value: date });
      }),
    );
  });
});

describe('parseStartDate', () => {
  it('takes a blank answer as the coming Monday', () => {
    expect(parseStartDate('', d(2026, 12, 31))).toEqual(jan4); // Thursday → Monday 4th
    expect(parseStartDate('   ', d(2027, 1, 4))).toEqual({ ok: true, value: d(2027, 1, 11) }); // Monday → next week
  });

  it('parses a typed answer, suggesting the default in its message', () => {
    expect(parseStartDate('4/1/2027', d(2026, 12, 1), { locale: 'en_GB' })).toEqual(jan4);
    // Wednesday 10 March 2027: the coming Monday is the 15th.
    expect(parseStartDate('next tuesday', d(2027, 3, 10))).toEqual({
      ok: false,
      error: '"next tuesday" is not a date: type it as 2027-03-15',
    });
  });
});
