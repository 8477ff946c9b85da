import { afterEach, describe, expect, it, vi } from 'vitest';
import { OKREXPECTED } from '../../../src/functions/index';
import { foreignDate } from '../core/realm';

afterEach(() => {
  vi.useRealTimers();
});

describe('OKREXPECTED (§3.4)', () => {
  it('takes Dates from another realm', () => {
    // 2027-01-01 to 2027-01-31 is 30 days; 2027-01-16 is 15 in → 0.5
    const result = OKREXPECTED(
      foreignDate('2027-01-01T00:00:00Z'),
      foreignDate('2027-01-31T00:00:00Z'),
      foreignDate('2027-01-16T00:00:00Z'),
    );
    expect(result).toBe(0.5);
  });

  it('as_of defaults to today', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2027-01-07T12:00:00Z'));
    // 6 days and a half after 2027-01-01: 6 whole days of 30 → 0.2
    expect(OKREXPECTED('2027-01-01', '2027-01-31')).toBe(0.2);
    expect(OKREXPECTED('2027-01-01', '2027-01-31', '')).toBe(0.2);
  });

  it('clamps before the start and after the end', () => {
    expect(OKREXPECTED('2027-01-01', '2027-01-31', '2026-06-01')).toBe(0);
    expect(OKREXPECTED('2027-01-01', '2027-01-31', '2027-06-01')).toBe(1);
  });

  it('an end date on or before the start date throws', () => {
    expect(() => OKREXPECTED('2027-01-31', '2027-01-01', '2027-01-15')).toThrow(
      new Error('OKREXPECTED: end date must be after the start date'),
    );
  });

  it('ranges: per-row dates, one shared as_of', () => {
    // row 1: 10 of 20 days → 0.5; row 2: blank → ""; row 3: end before start → error text
    expect(
      OKREXPECTED([[46388], [''], [46400]], [[46408], [''], [46390]], foreignDate('2027-01-11T00:00:00Z')),
    ).toEqual([[0.5], [''], ['OKREXPECTED: end date must be after the start date']]);
  });
});
