/**
 * "Generate rollout plan": the dates on the sheet are calendar days, the same in every
 * spreadsheet time zone (SPEC §4.4: week k of month m starts at start + ((m − 1)·4 + (k − 1))·7
 * days; a row ends on the Friday of its last week).
 */
import { describe, expect, it } from 'vitest';
import { addon, COL, FIRST_DATA_ROW, generate, lastAlert, outline, planSheet, writeOrg } from './rollout.helpers';

const ZONES = ['Pacific/Auckland', 'UTC', 'America/Los_Angeles'] as const;

/** The calendar day a Date shows in `timeZone`, independent of the add-on's own conversions. */
const dayIn = (date: unknown, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    date as Date,
  );

describe.each(ZONES)('in %s', (timeZone) => {
  it('a start of Monday 2027-01-04 shows as 2027-01-04 and reads back as that local date', () => {
    const rt = addon({ timeZone, clock: '2026-12-20T12:00:00Z' });
    generate(rt, '2027-01-04');
    const sheet = planSheet(rt);
    const first = sheet.getRange(FIRST_DATA_ROW, COL.start, 1, 2);
    // Weeks 1–2 of month 1: 2027-01-04 to the Friday of week 2, 2027-01-11 + 4 = 2027-01-15.
    expect(first.getDisplayValues()).toEqual([['2027-01-04', '2027-01-15']]);
    const [start, end] = first.getValues()[0] ?? [];
    expect(Object.prototype.toString.call(start)).toBe('[object Date]');
    expect(dayIn(start, timeZone)).toBe('2027-01-04');
    expect(dayIn(end, timeZone)).toBe('2027-01-15');
    expect(sheet.getRange(FIRST_DATA_ROW, COL.start).getNumberFormat()).toBe('yyyy-mm-dd');
  });

  it('an empty workbook (no OKR tabs) gets the five corporate rows', () => {
    const rt = addon({ timeZone, clock: '2026-12-20T12:00:00Z' });
    generate(rt, '2027-01-04');
    // Plan week w starts on 2027-01-04 + 7(w − 1); a row ends on the Friday (+4) of its last week.
    expect(outline(rt)).toEqual([
      'Corporate | Corporate | 2027-01-04 → 2027-01-15', // M1 W1–2: weeks 1–2
      'Corporate | Corporate | 2027-02-01 → 2027-02-05', // M2 W1: week 5 = 01-04 + 28
      'Corporate | Corporate | 2027-02-22 → 2027-02-26', // M2 W4: week 8 = 01-04 + 49
      'Corporate | Corporate | 2027-03-01 → 2027-03-05', // M3 W1: week 9 = 01-04 + 56
      'Corporate | Corporate | 2027-03-22 → 2027-03-26', // M3 W4: week 12 = 01-04 + 77
    ]);
  });

  it('crosses a year end, a leap day and the US daylight-saving change with exact dates', () => {
    const rt = addon({ timeZone, clock: '2027-12-01T12:00:00Z' });
    writeOrg(rt, ['Sales']);
    generate(rt, '2027-12-27');
    // Week starts from Monday 2027-12-27, +7 days each:
    //  w1 12-27, w2 2028-01-03, w3 01-10, w4 01-17, w5 01-24, w6 01-31,
    //  w7 02-07, w8 02-14, w9 02-21, w10 02-28, w11 03-06 (2028 has a 29 February), w12 03-13
    //  (Los Angeles moves its clocks on Sunday 2028-03-12).
    expect(outline(rt)).toEqual([
      'Corporate | Corporate | 2027-12-27 → 2028-01-07', // weeks 1–2: Friday of w2 = 01-03 + 4
      'Department | Sales | 2027-12-27 → 2028-01-07',
      'Department | Sales | 2028-01-10 → 2028-01-21', // weeks 3–4: 01-17 + 4
      'Corporate | Corporate | 2028-01-24 → 2028-01-28', // week 5
      'Department | Sales | 2028-01-31 → 2028-02-11', // weeks 6–7: 02-07 + 4
      'Corporate | Corporate | 2028-02-14 → 2028-02-18', // week 8
      'Corporate | Corporate | 2028-02-21 → 2028-02-25', // week 9
      'Department | Sales | 2028-02-28 → 2028-03-10', // weeks 10–11: 03-06 + 4, across 29 Feb
      'Corporate | Corporate | 2028-03-13 → 2028-03-17', // week 12, after the DST change
    ]);
    const weekRow = planSheet(rt).getRange(2, COL.w1, 1, 12);
    expect(weekRow.getDisplayValues()[0]).toEqual([
      '27 Dec',
      '3 Jan',
      '10 Jan',
      '17 Jan',
      '24 Jan',
      '31 Jan',
      '7 Feb',
      '14 Feb',
      '21 Feb',
      '28 Feb',
      '6 Mar',
      '13 Mar',
    ]);
    expect(dayIn(weekRow.getValues()[0]?.[11], timeZone)).toBe('2028-03-13');
  });
});

describe('the start date prompt', () => {
  it('offers next Monday in the spreadsheet time zone and takes a blank answer as it', () => {
    // 2027-01-03T20:00Z is Sunday evening in UTC but already Monday 4 January 09:00 in Auckland
    // (UTC+13 in summer): the coming Monday is 2027-01-04 in UTC and 2027-01-11 in Auckland.
    const utc = addon({ timeZone: 'UTC', clock: '2027-01-03T20:00:00Z' });
    generate(utc, '');
    expect(utc.emulator.uiState.prompts[0]?.prompt).toContain('Monday 4 January 2027 (2027-01-04)');
    expect(planSheet(utc).getRange(FIRST_DATA_ROW, COL.start).getDisplayValue()).toBe('2027-01-04');

    const auckland = addon({ timeZone: 'Pacific/Auckland', clock: '2027-01-03T20:00:00Z' });
    generate(auckland, '   ');
    expect(auckland.emulator.uiState.prompts[0]?.prompt).toContain('Monday 11 January 2027 (2027-01-11)');
    expect(planSheet(auckland).getRange(FIRST_DATA_ROW, COL.start).getDisplayValue()).toBe('2027-01-11');
  });

  it("reads an all-numeric date in the spreadsheet locale's order", () => {
    const us = addon({ locale: 'en_US', clock: '2026-12-20T12:00:00Z' });
    generate(us, '1/4/2027'); // month/day/year: 4 January
    expect(us.emulator.uiState.prompts[0]?.prompt).toContain('month/day/year');
    expect(planSheet(us).getRange(FIRST_DATA_ROW, COL.start).getDisplayValue()).toBe('2027-01-04');

    const uk = addon({ locale: 'en_GB', clock: '2026-12-20T12:00:00Z' });
    generate(uk, '4/1/2027'); // day/month/year: 4 January
    expect(uk.emulator.uiState.prompts[0]?.prompt).toContain('day/month/year');
    expect(planSheet(uk).getRange(FIRST_DATA_ROW, COL.start).getDisplayValue()).toBe('2027-01-04');
  });

  it('accepts a start that is not a Monday, and says so', () => {
    const rt = addon({ clock: '2026-12-20T12:00:00Z' });
    generate(rt, 'Wednesday 6 January 2027');
    // Weeks run 7 days from the start; a row ends on the Friday of its last week:
    // week 2 starts Wednesday 01-13, its Friday is 01-15.
    expect(outline(rt)[0]).toBe('Corporate | Corporate | 2027-01-06 → 2027-01-15');
    expect(lastAlert(rt)).toContain('The plan starts on a Wednesday, so its weeks run Wednesday to Tuesday');
  });
});
