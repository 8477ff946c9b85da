/**
 * The plan's live colouring (SPEC §4.4): conditional formats with TODAY() keep the current
 * week highlighted and late rows red as days pass, without regenerating. Checked with the
 * emulator's effective background (conditional formats applied) under fixed clocks.
 */
import { describe, expect, it } from 'vitest';
import type { AddonRuntime } from '../../local/runtime';
import { addon, COL, generate, planSheet, setClock, writeOrg } from './rollout.helpers';

const WHITE = '#ffffff';
const HEADER = '#434343';
const ACTIVE = '#9fc5e8'; // static: the weeks a row runs
const THIS_WEEK = '#fff2cc';
const ACTIVE_NOW = '#f6b26b'; // a row's cell in this week's column, when it runs this week
const LATE = '#f4cccc';
const DONE = '#efefef';
const MONTH_1 = '#e8f0fe';

/**
 * One department, start Monday 2027-01-04. Rows:
 *  4 corporate objectives W1–2 (01-04 → 01-15)   5 Finance objectives W1–2 (01-04 → 01-15)
 *  6 Finance OKRs W3–4 (01-18 → 01-29)           7 communicate W5 (02-01 → 02-05)
 *  8 Finance training W6–7 (02-08 → 02-19)       9 tracking W8   10 implementation W9
 * 11 Finance check-ins W10–11                    12 review W12 (03-22 → 03-26)
 * Row 5 is ticked Done. W1 is column 13, so week k is column 12 + k.
 */
function plan(timeZone = 'UTC'): { rt: AddonRuntime; bg: (row: number, col: number) => string } {
  const rt = addon({ timeZone, clock: '2026-12-20T12:00:00Z' });
  writeOrg(rt, ['Finance']);
  generate(rt, '2027-01-04');
  const sheet = planSheet(rt);
  sheet.getRange(5, COL.done).setValue(true);
  const emulated = sheet as unknown as { _effectiveBackground(row: number, col: number): string };
  return { rt, bg: (row, col) => emulated._effectiveBackground(row, col) };
}
const week = (k: number) => COL.w1 + k - 1;
/** Columns 13–24 whose week-date cell (row 2) is highlighted. */
const highlightedWeeks = (bg: (row: number, col: number) => string) =>
  Array.from({ length: 12 }, (_, i) => i + 1).filter((k) => bg(2, week(k)) === THIS_WEEK);

describe('conditional formats', () => {
  it('before the plan starts: nothing highlighted, nothing late, done rows grey', () => {
    const { rt, bg } = plan();
    setClock(rt, '2026-12-30T12:00:00Z');
    expect(highlightedWeeks(bg)).toEqual([]);
    expect(bg(3, week(1))).toBe(HEADER);
    expect([bg(4, 1), bg(4, COL.start), bg(4, COL.notes)]).toEqual([MONTH_1, WHITE, WHITE]);
    expect([bg(4, week(1)), bg(4, week(2)), bg(4, week(3))]).toEqual([ACTIVE, ACTIVE, WHITE]);
    expect([bg(5, 1), bg(5, COL.notes)]).toEqual([DONE, DONE]);
  });

  it('in week 5: W5 highlighted, the row running now stands out, rows past their end and not done are red', () => {
    const { rt, bg } = plan();
    // Wednesday 2027-02-03 is in plan week 5 (02-01 → 02-07).
    setClock(rt, '2027-02-03T12:00:00Z');
    expect(highlightedWeeks(bg)).toEqual([5]);
    expect(bg(3, week(5))).toBe(THIS_WEEK);
    expect(bg(7, week(5))).toBe(ACTIVE_NOW); // communicate runs in week 5
    expect(bg(8, week(5))).toBe(THIS_WEEK); // training starts in week 6
    expect(bg(8, week(6))).toBe(ACTIVE);
    // Ended 01-15 and 01-29, not done: red across A:L; the done row stays grey.
    expect([bg(4, 1), bg(4, COL.notes), bg(6, COL.start)]).toEqual([LATE, LATE, LATE]);
    expect(bg(5, COL.start)).toBe(DONE);
    // Running rows and later ones are not late.
    expect([bg(7, COL.start), bg(12, COL.start)]).toEqual([WHITE, WHITE]);
  });

  it('a row is late from the day after its end, and ticking Done clears it', () => {
    const { rt, bg } = plan();
    setClock(rt, '2027-02-05T12:00:00Z'); // Friday 02-05: row 7's last day
    expect(bg(7, COL.start)).toBe(WHITE);
    setClock(rt, '2027-02-06T12:00:00Z');
    expect(bg(7, COL.start)).toBe(LATE);
    planSheet(rt).getRange(7, COL.done).setValue(true);
    expect(bg(7, COL.start)).toBe(DONE);
  });

  it('after the plan ends: no week highlighted, every row not done is red', () => {
    const { rt, bg } = plan();
    setClock(rt, '2027-04-01T12:00:00Z');
    expect(highlightedWeeks(bg)).toEqual([]);
    expect(bg(3, week(12))).toBe(HEADER);
    expect([4, 6, 7, 8, 9, 10, 11, 12].map((row) => bg(row, COL.start))).toEqual(Array(8).fill(LATE));
    expect(bg(5, COL.start)).toBe(DONE);
    expect(bg(12, week(12))).toBe(ACTIVE);
  });

  it("follows the spreadsheet's time zone for today", () => {
    // 2027-02-08T05:00Z is Monday 8 February (week 6) in UTC but still Sunday 7 February
    // (week 5) in Los Angeles (UTC−8).
    const utc = plan('UTC');
    setClock(utc.rt, '2027-02-08T05:00:00Z');
    expect(highlightedWeeks(utc.bg)).toEqual([6]);
    const la = plan('America/Los_Angeles');
    setClock(la.rt, '2027-02-08T05:00:00Z');
    expect(highlightedWeeks(la.bg)).toEqual([5]);
  });
});
