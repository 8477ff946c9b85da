import { describe, expect, it } from 'vitest';
import { typedRowFormats } from '../../../src/core/workbook/measures';
import { headerRow, KPI_SCHEMA } from '../../../src/core/workbook/schema';
import { overdueCheckIn, STALE_CHECK_IN_DAYS } from '../../../src/core/workbook/stale';
import { day } from './helpers';

describe('overdueCheckIn: one rule for Validate, the Dashboard and the Roll-up', () => {
  const start = day(2027, 4, 1);

  it('counts from the last check-in, in calendar days, overdue past 14', () => {
    const last = day(2027, 4, 5) + 0.6; // an afternoon check-in
    expect(overdueCheckIn(last, start, day(2027, 4, 5) + STALE_CHECK_IN_DAYS, false)).toBeNull();
    expect(overdueCheckIn(last, start, day(2027, 4, 20), false)).toEqual({
      days: 15,
      since: last,
      neverCheckedIn: false,
    });
  });

  it('counts from the start when there was no check-in, or only one from before it (a carried-over key result)', () => {
    const lastCycle = day(2027, 3, 12);
    expect(overdueCheckIn(lastCycle, start, start, false)).toBeNull();
    expect(overdueCheckIn(undefined, start, day(2027, 4, 15), false)).toBeNull();
    expect(overdueCheckIn(lastCycle, start, day(2027, 4, 16), false)).toEqual({
      days: 15,
      since: start,
      neverCheckedIn: true,
    });
    expect(overdueCheckIn(null, null, day(2027, 4, 16), false)).toBeNull();
  });

  it('never holds an item measured by formula overdue: it updates by itself and cannot be checked in', () => {
    expect(overdueCheckIn(null, start, day(2027, 6, 30), true)).toBeNull();
    expect(overdueCheckIn(day(2027, 4, 2), start, day(2027, 6, 30), true)).toBeNull();
  });
});

describe('typedRowFormats: rows typed into an OKR or KPI tab', () => {
  const header = headerRow(KPI_SCHEMA);
  const at = (name: string) => header.indexOf(name);
  const row = header.map(() => '' as unknown);
  row[at('Unit of measure')] = '%';
  row[at('Actual')] = 0.245;

  it('finds the tab whatever its case, and formats only an edit of a value or the unit', () => {
    const formats = typedRowFormats('kpis', [header, row], at('Actual'), at('Actual'));
    expect(formats?.formats).toEqual(['0.0%']);
    expect(typedRowFormats('KPIs', [header, row], at('KPI'), at('KPI'))).toBeUndefined();
    expect(typedRowFormats('Settings', [header, row], 0, 20)).toBeUndefined();
  });
});
