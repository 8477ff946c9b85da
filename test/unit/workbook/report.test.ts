import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/core/workbook/report';
import { TAB } from '../../../src/core/workbook/schema';
import { AS_OF, addRow, day, read, sample, setCell } from './helpers';

const outline = (rows: readonly { depth: number; id: string }[]) => rows.map((r) => `${'.'.repeat(r.depth)}${r.id}`);

describe('buildReport on the sample company', () => {
  const report = buildReport(read(sample()));

  it('lists every row in tree order: objective, its key results, then what aligns to them', () => {
    expect(outline(report.rows).slice(0, 13)).toEqual([
      'C-O1',
      '.C-KR1',
      '.C-KR2',
      '.C-KR3',
      '..SAL-O1', // aligned to C-KR3
      '...SAL-KR1',
      '...SAL-KR2',
      '....ENT-O1', // aligned to SAL-KR2
      '.....ENT-KR1',
      '.....ENT-KR2',
      '....SMB-O1',
      '.....SMB-KR1',
      '.....SMB-KR2',
    ]);
    expect(report.rows).toHaveLength(37);
    expect(report.rows.filter((r) => r.depth === 0).map((r) => r.id)).toEqual(['C-O1', 'C-O2', 'C-O3']);
    expect(report.unaligned).toEqual([]);
    expect(report.rows[4]).toMatchObject({
      level: 'Department',
      unit: 'Sales',
      owner: 'Marcus Webb',
      kind: 'Objective',
    });
  });

  it('summarises per level and per unit', () => {
    const corporate = report.byLevel[0];
    // Objectives 0.546875, 0.475, 0.78125: mean 1.803125 / 3.
    expect(corporate?.objectives).toMatchObject({ count: 3, scored: 3, errors: 0 });
    expect(corporate?.objectives.averageScore).toBeCloseTo(1.803125 / 3);
    // Key results C-KR1..7: 0.3, 1, 0.5875, 0.4, 0.55, 0.5625, 1; as of 2027-02-15 (E = 45/89 = 0.506):
    // Done C-KR2, C-KR7; Behind C-KR1 (0.59); On track the other four (r ≥ 0.79).
    expect(corporate?.keyResults.count).toBe(7);
    expect(corporate?.keyResults.byStatus).toEqual({ Done: 2, 'On track': 4, Behind: 1, 'At risk': 0 });
    // Team key results: Done SMB-KR2, PLT-KR2, ONB-KR2; At risk PLT-KR1, SUP-KR1 (0);
    // Behind SMB-KR1 (0.3 → 0.59), GRO-KR2 (0.25 → 0.49); On track the other 5.
    expect(report.byLevel[2]?.keyResults.byStatus).toEqual({ Done: 3, 'On track': 5, Behind: 2, 'At risk': 2 });
    expect(report.byUnit.map((u) => `${u.level}/${u.unit}`)).toEqual([
      'Corporate/Company',
      'Department/Sales',
      'Department/Product',
      'Department/Customer Success',
      'Team/Enterprise Sales',
      'Team/SMB Sales',
      'Team/Platform',
      'Team/Growth',
      'Team/Support',
      'Team/Onboarding',
    ]);
    const support = report.byUnit.find((u) => u.unit === 'Support');
    expect(support?.objectives).toMatchObject({ count: 1, averageScore: 0.375 });
    expect(support?.keyResults).toMatchObject({ count: 2, averageScore: 0.375 }); // (0 + 0.75) / 2
  });
});

describe('buildReport: what each row shows beside its score', () => {
  it('carries values in their unit, confidence, days since the last check-in and the gap to expected', () => {
    const report = buildReport(read(sample()));
    const byId = new Map(report.rows.map((r) => [r.id, r]));
    const kr1 = byId.get('C-KR1');
    // Checked in on 2027-02-12 at noon; as of 2027-02-15: three calendar days.
    expect(kr1).toMatchObject({ current: 8_600_000, target: 10_000_000, uom: '$', confidence: 7 });
    expect(kr1?.daysSinceCheckIn).toBe(3);
    expect(kr1?.notStarted).toBe(false);
    // 0.3 against E = 45/89.
    expect(kr1?.gap).toBeCloseTo(0.3 - 45 / 89, 12);
    // An objective has no check-ins of its own.
    expect(byId.get('C-O1')).toMatchObject({ lastCheckIn: null, daysSinceCheckIn: null, confidence: null });
  });

  it('marks a measured key result with a blank Current as not started', () => {
    const grids = sample();
    setCell(grids.team, 'PLT-KR1', 'Current', '');
    const row = buildReport(read(grids)).rows.find((r) => r.id === 'PLT-KR1');
    expect(row?.notStarted).toBe(true);
  });
});

describe('buildReport edge cases', () => {
  it('trends against the latest snapshot before today', () => {
    const grids = sample();
    addRow(grids.history, { Date: day(2027, 2, 1), ID: 'C-O1', Score: 0.9 });
    addRow(grids.history, { Date: day(2027, 2, 8), ID: 'c-o1', Score: 0.5 });
    addRow(grids.history, { Date: day(2027, 2, 8), ID: 'C-KR1', Score: 0.3 });
    addRow(grids.history, { Date: day(2027, 2, 8), ID: 'C-KR2', Score: 'missing target' });
    addRow(grids.history, { Date: AS_OF, ID: 'C-O1', Score: 0.1 }); // today's: not "previous"
    const report = buildReport(read(grids));
    const byId = new Map(report.rows.map((r) => [r.id, r]));
    expect(report.previousSnapshot).toBe(day(2027, 2, 8));
    // 0.546875 − 0.5 = +0.046875: 5 percentage points, as the score itself is a percent.
    expect(byId.get('C-O1')?.trend).toMatchObject({ symbol: '▲', text: '▲ +5 pts', previous: 0.5 });
    expect(byId.get('C-O1')?.trend?.delta).toBeCloseTo(0.046875);
    expect(byId.get('C-KR1')?.trend).toMatchObject({ symbol: '=', text: '=' });
    expect(byId.get('C-KR2')?.trend).toBeNull();
    expect(byId.get('C-O2')?.trend).toBeNull();
  });

  it('lists unaligned rows with their subtrees, then cycles, then duplicates', () => {
    const grids = sample();
    setCell(grids.department, 'SAL-O1', 'Parent ID', 'C-KR99'); // unknown parent
    setCell(grids.team, 'PLT-O1', 'Parent ID', ''); // team objective aligned to nothing
    setCell(grids.team, 'GRO-KR1', 'Parent ID', 'GRO-KR2');
    setCell(grids.team, 'GRO-KR2', 'Parent ID', 'GRO-KR1');
    setCell(grids.team, 'ONB-KR2', 'ID', 'ONB-KR1');
    const report = buildReport(read(grids));
    expect(outline(report.unaligned)).toEqual([
      'SAL-O1',
      '.SAL-KR1',
      '.SAL-KR2',
      '..ENT-O1',
      '...ENT-KR1',
      '...ENT-KR2',
      '..SMB-O1',
      '...SMB-KR1',
      '...SMB-KR2',
      'PLT-O1',
      '.PLT-KR1',
      '.PLT-KR2',
      'GRO-KR1',
      '.GRO-KR2',
      'ONB-KR1',
    ]);
    expect(report.unaligned.at(-1)?.row).toBe(19);
    // Every row appears once.
    expect(report.rows.length + report.unaligned.length).toBe(37);
  });

  it('walks a 100,000-deep chain without overflowing the stack', () => {
    const n = 100_000;
    const header = ['ID', 'Type', 'Parent ID', 'Title', 'Metric type', 'Current'];
    const team: unknown[][] = [header];
    for (let i = 0; i < n; i++) team.push([`T${i}`, 'Objective', i === 0 ? 'D0' : `T${i - 1}`, `Step ${i}`, '', '']);
    team.push(['KR', 'KR', `T${n - 1}`, 'Leaf', 'milestone', 0.5]);
    const grids = {
      corporate: [header, ['C0', 'Objective', '', 'Top', '', '']],
      department: [header, ['D0', 'Objective', 'C0', 'Middle', '', '']],
      team,
    };
    const wb = read(grids);
    const report = buildReport(wb);
    expect(report.rows).toHaveLength(n + 3);
    expect(report.rows.at(-1)).toMatchObject({ id: 'KR', depth: n + 2, tab: TAB.team });
    expect(report.rows[0]?.score).toEqual({ ok: true, value: 0.5 });
  });
});
