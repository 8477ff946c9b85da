import { describe, expect, it } from 'vitest';
import { daySpan, daysElapsed, expectedFromCells, expectedProgress } from '../../../src/core/expected';
import { err, ok } from '../../../src/core/result';
import { readDate } from '../../../src/core/values';
import { foreignDate } from './realm';

const serial = (date: Date): number => {
  const read = readDate(date);
  if (!read.ok || read.value === null) throw new Error('not a date');
  return read.value;
};

describe('expectedProgress (§2.4)', () => {
  it.each<[string, number, number, number, number]>([
    ['half-way: 15 of 30 days', 46388, 46418, 46403, 0.5],
    ['on the start date: 0', 46388, 46418, 46388, 0],
    ['on the end date: 1', 46388, 46418, 46418, 1],
    ['before the start: clamps to 0', 46388, 46418, 46000, 0],
    ['after the end: clamps to 1', 46388, 46418, 47000, 1],
    // 2027-01-01 (46388) to 2027-03-31 (46477) is 89 days; 2027-02-15 (46433) is 45 in: 45/89
    ['a quarter: 45 of 89 days', 46388, 46477, 46433, 45 / 89],
  ])('%s', (_, start, end, asOf, expected) => {
    expect(expectedProgress(start, end, asOf)).toEqual(ok(expected));
  });

  it('an end date on or before the start date is an error', () => {
    expect(expectedProgress(46400, 46400, 46400)).toEqual(err('end date must be after the start date'));
    expect(expectedProgress(46400, 46399, 46400)).toEqual(err('end date must be after the start date'));
  });

  it('non-finite day numbers are an error', () => {
    expect(expectedProgress(Number.NaN, 1, 1).ok).toBe(false);
  });

  it('ignores the daylight-saving hour between two New York midnights', () => {
    // Midnights in New York: 2027-03-01 is 05:00 UTC (EST), 2027-03-31 and 2027-03-16 are 04:00 UTC
    // (EDT, from 14 March). The span is 30 days less an hour; the as-of is 15 days less an hour.
    const start = serial(foreignDate('2027-03-01T05:00:00Z'));
    const end = serial(foreignDate('2027-03-31T04:00:00Z'));
    const asOf = serial(foreignDate('2027-03-16T04:00:00Z'));
    // 15 / 30 = 0.5 exactly, not 14 / 30 nor (15 − 1/24) / (30 − 1/24)
    expect(expectedProgress(start, end, asOf)).toEqual(ok(0.5));
  });

  it('an instant during a day counts the days begun since the start (Tokyo, UTC+9)', () => {
    // 2027-01-01 00:00 JST = 2026-12-31 15:00 UTC; 2027-01-11 00:00 JST = 2027-01-10 15:00 UTC.
    const start = serial(foreignDate('2026-12-31T15:00:00Z'));
    const end = serial(foreignDate('2027-01-10T15:00:00Z'));
    // 2027-01-03 18:30 JST: day 2 of 10 has begun → 2/10
    const now = serial(foreignDate('2027-01-03T09:30:00Z'));
    expect(expectedProgress(start, end, now)).toEqual(ok(0.2));
  });

  it('daySpan rounds; daysElapsed floors after allowing an hour', () => {
    expect(daySpan(0, 29.96)).toBe(30);
    expect(daySpan(0, 30.04)).toBe(30);
    expect(daysElapsed(0, 15 - 1 / 24)).toBe(15);
    expect(daysElapsed(0, 15.5)).toBe(15);
    expect(daysElapsed(0, 15.9)).toBe(15);
  });
});

describe('expectedFromCells', () => {
  const today = 46403; // 2027-01-16
  it('reads dates, serials and ISO text, and defaults as-of to today', () => {
    // 2027-01-01 to 2027-01-31: 30 days; today is 15 in → 0.5
    expect(expectedFromCells('2027-01-01', 46418, '', today)).toEqual(ok(0.5));
    expect(expectedFromCells(foreignDate('2027-01-01T00:00:00Z'), '2027-01-31', undefined, today)).toEqual(ok(0.5));
    // explicit as-of 2027-01-07: 6 of 30 days → 0.2
    expect(expectedFromCells('2027-01-01', '2027-01-31', '2027-01-07', today)).toEqual(ok(0.2));
  });
  it('a blank row is blank; one missing date is an error', () => {
    expect(expectedFromCells('', '', '', today)).toEqual(ok(null));
    expect(expectedFromCells('', '2027-01-31', '', today)).toEqual(err('missing start date'));
    expect(expectedFromCells('2027-01-01', '', '', today)).toEqual(err('missing end date'));
  });
  it('bad dates are errors naming the argument', () => {
    expect(expectedFromCells('soon', '2027-01-31', '', today)).toEqual(
      err('start date is not a date: "soon" (use a date, or text like 2027-01-15)'),
    );
    expect(expectedFromCells('2027-01-01', '2027-01-31', true, today)).toEqual(err('as-of date is not a date: true'));
  });
});
