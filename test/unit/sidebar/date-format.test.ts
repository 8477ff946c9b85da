import { describe, expect, it } from 'vitest';
import { dayPattern, formatDay, isoFromTyped, showIsoDay } from '../../../src/shared/date-format';

const FEB_12_2027 = 46430; // Sheets serial

describe('dates in the workbook’s format (§5)', () => {
  it('takes the day part of a Sheets date format, ISO when there is none', () => {
    expect(dayPattern('yyyy-mm-dd hh:mm')).toBe('yyyy-mm-dd');
    expect(dayPattern('M/d/yyyy')).toBe('M/d/yyyy');
    expect(dayPattern('0.###############')).toBe('yyyy-mm-dd');
    expect(dayPattern('')).toBe('yyyy-mm-dd');
  });

  it('shows a day as the workbook does', () => {
    expect(formatDay(FEB_12_2027, 'yyyy-mm-dd')).toBe('2027-02-12');
    expect(formatDay(FEB_12_2027 + 0.5, 'M/d/yyyy')).toBe('2/12/2027');
    expect(formatDay(FEB_12_2027, 'dd.mm.yyyy')).toBe('12.02.2027');
    expect(formatDay(FEB_12_2027, 'd mmm yyyy')).toBe('12 Feb 2027');
    expect(showIsoDay('2027-02-12', 'dd/mm/yyyy')).toBe('12/02/2027');
    expect(showIsoDay('soon', 'dd/mm/yyyy')).toBe('soon');
  });

  it('reads a day typed that way, or in ISO form, as ISO text', () => {
    expect(isoFromTyped('12/02/2027', 'dd/mm/yyyy')).toBe('2027-02-12');
    expect(isoFromTyped('2/12/2027', 'M/d/yyyy')).toBe('2027-02-12');
    expect(isoFromTyped('2027-02-12', 'M/d/yyyy')).toBe('2027-02-12');
    expect(isoFromTyped('31/02/2027', 'dd/mm/yyyy')).toBe('31/02/2027'); // no such day: the server says so
    expect(isoFromTyped('', 'dd/mm/yyyy')).toBe('');
  });
});
