import { describe, expect, it } from 'vitest';
import { cellValue, rowKey } from '../../../src/core/workbook/score-workbook';
import { AS_OF, day, read, sample, scoreOf, setCell, statusOf } from './helpers';

describe('scoreWorkbook on the sample company', () => {
  const wb = read(sample());
  const score = (id: string) => scoreOf(wb, id);

  it('scores key results by their metric', () => {
    expect(score('C-KR1')).toBeCloseTo(0.3); // (8.6M − 8M) / (10M − 8M)
    expect(score('C-KR2')).toBe(1); // stay above 110%: 112%
    expect(score('C-KR4')).toBeCloseTo(0.4); // decrease: (2.4% − 3%) / (1.5% − 3%) = −0.6 / −1.5
    expect(score('C-KR7')).toBe(1); // stay below 5: 3
    expect(score('PRD-KR1')).toBe(0.6); // milestone 60%
    expect(score('SMB-KR2')).toBe(1); // binary "done"
    expect(score('PLT-KR1')).toBe(0); // decrease, Current blank: not started
    expect(score('SUP-KR1')).toBe(0); // stay below 50: 62
    expect(score('ONB-KR1')).toBe(0.75); // (18 − 30) / (14 − 30) = −12 / −16
  });

  it('rolls up team → department key result → department objective → corporate key result → corporate objective', () => {
    // Sales: ENT-O1 = (0.5 + 0.9) / 2 = 0.7; SMB-O1 = (0.3 + 1) / 2 = 0.65
    expect(score('ENT-O1')).toBeCloseTo(0.7);
    expect(score('SMB-O1')).toBeCloseTo(0.65);
    // SAL-KR2 has no metric: the mean of the objectives aligned to it, (0.7 + 0.65) / 2.
    expect(score('SAL-KR2')).toBeCloseTo(0.675);
    // SAL-O1 = (SAL-KR1 0.5 + SAL-KR2 0.675) / 2 = 0.5875, which is C-KR3's score.
    expect(score('SAL-O1')).toBeCloseTo(0.5875);
    expect(score('C-KR3')).toBeCloseTo(0.5875);
    // C-O1: C-KR1 weighs 2: (2 × 0.3 + 1 + 0.5875) / (2 + 1 + 1) = 2.1875 / 4.
    expect(score('C-O1')).toBeCloseTo(0.546875);
    // Product: PLT-O1 = (0 + 1) / 2; GRO-O1 = (0.75 + 0.25) / 2; PRD-KR2 = 0.5; PRD-O1 = (0.6 + 0.5) / 2.
    expect(score('PRD-O1')).toBeCloseTo(0.55);
    // C-O2 = (C-KR4 0.4 + C-KR5 0.55) / 2.
    expect(score('C-O2')).toBeCloseTo(0.475);
    // Customer Success: SUP-O1 = (0 + 0.75) / 2 = 0.375; ONB-O1 = (0.75 + 1) / 2 = 0.875;
    // CS-KR2 = 0.625; CS-O1 = (0.5 + 0.625) / 2 = 0.5625 = C-KR6; C-O3 = (0.5625 + 1) / 2.
    expect(score('CS-O1')).toBeCloseTo(0.5625);
    expect(score('C-O3')).toBeCloseTo(0.78125);
  });

  it('grades status against the pace: as of 2027-02-15, 45 of 89 cycle days gone', () => {
    const row = wb.scores.rows.find((r) => r.row.id === 'C-O1');
    expect(row?.expected).toEqual({ ok: true, value: 45 / 89 });
    // PRD-KR1 has its own dates, 2027-01-15 → 2027-03-15: 31 of 59 days.
    expect(wb.scores.rows.find((r) => r.row.id === 'PRD-KR1')?.expected).toEqual({ ok: true, value: 31 / 59 });
    expect(statusOf(wb, 'C-O1')).toBe('On track'); // 0.547 / 0.506 = 1.08
    expect(statusOf(wb, 'C-KR1')).toBe('Behind'); // 0.3 / 0.506 = 0.59
    expect(statusOf(wb, 'GRO-KR2')).toBe('Behind'); // 0.25 / 0.506 = 0.49
    expect(statusOf(wb, 'SUP-KR1')).toBe('At risk'); // 0
    expect(statusOf(wb, 'SMB-KR2')).toBe('Done');
  });

  it('grades like Google at the end of the cycle', () => {
    const end = read(sample(day(2027, 3, 31)), day(2027, 3, 31));
    expect(statusOf(end, 'C-O1')).toBe('Behind'); // 0.547: 0.4 ≤ r < 0.7
    expect(statusOf(end, 'C-O3')).toBe('On track'); // 0.781
    expect(statusOf(end, 'C-KR1')).toBe('At risk'); // 0.3
  });

  it('keys results by tab and row, and gives cell values', () => {
    expect(wb.scores.byRow.get(rowKey('Corporate OKRs', 2))?.row.id).toBe('C-O1');
    expect(cellValue({ ok: true, value: null })).toBe('');
    expect(cellValue({ ok: false, error: 'missing start' })).toBe('missing start');
  });

  it('shows errors where the formulas would: bad metric, cycle, duplicate, bad dates', () => {
    const grids = sample();
    setCell(grids.team, 'ENT-KR1', 'Current', 'lots');
    setCell(grids.team, 'SUP-KR2', 'ID', 'SUP-KR1');
    setCell(grids.team, 'GRO-KR1', 'Due date', day(2026, 12, 1));
    const wb2 = read(grids);
    expect(scoreOf(wb2, 'ENT-KR1')).toBe('error: current is not a number: "lots"');
    // The child in error does not count: ENT-O1 is ENT-KR2 alone.
    expect(scoreOf(wb2, 'ENT-O1')).toBeCloseTo(0.9);
    const dup = wb2.scores.rows.filter((r) => r.row.id === 'SUP-KR1');
    expect(dup[1]?.score).toEqual({ ok: false, error: 'duplicate ID "SUP-KR1": an earlier row has the same ID' });
    const gro = wb2.scores.rows.find((r) => r.row.id === 'GRO-KR1');
    expect(gro?.expected).toEqual({ ok: false, error: 'end date must be after the start date' });
    expect(gro?.status.ok).toBe(false);
  });

  it('computes as-of a given day', () => {
    expect(AS_OF).toBe(day(2027, 2, 15));
  });
});
