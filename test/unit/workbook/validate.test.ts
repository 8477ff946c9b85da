import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../../src/core/workbook/findings';
import { validateWorkbook } from '../../../src/core/workbook/validate';
import { addRow, day, read, removeColumn, sample, setCell } from './helpers';

const lines = (grids: ReturnType<typeof sample>, asOf?: number) =>
  validateWorkbook(read(grids, asOf)).map((f) => `${f.severity} ${f.rule} ${formatFinding(f)}`);

describe('validateWorkbook', () => {
  it('finds nothing wrong with the sample company', () => {
    expect(lines(sample())).toEqual([]);
  });

  it('reports structural errors: duplicate ID, unknown parent, cycle, bad parents and levels', () => {
    const grids = sample();
    setCell(grids.team, 'SUP-KR2', 'ID', 'sup-kr1 '); // duplicate, trimmed and case-insensitive
    setCell(grids.team, 'ONB-O1', 'Parent ID', 'CS-KR9'); // unknown
    setCell(grids.department, 'SAL-KR1', 'Parent ID', 'C-O1'); // a key result under another tab's objective
    setCell(grids.department, 'PRD-O1', 'Parent ID', 'SAL-KR2'); // department aligned to department
    setCell(grids.team, 'GRO-O1', 'Parent ID', 'C-KR5'); // team straight to corporate: a warning
    // A cycle: GRO-KR1 → GRO-KR2 → GRO-KR1 (both key results aligned to key results).
    setCell(grids.team, 'GRO-KR1', 'Parent ID', 'GRO-KR2');
    setCell(grids.team, 'GRO-KR2', 'Parent ID', 'GRO-KR1');
    expect(lines(grids)).toEqual([
      // SAL-O1 keeps one key result once SAL-KR1 moves away.
      'warning key-result-count Department OKRs!A2 (ID): objective has 1 key result: give it 2 to 5',
      'error kr-parent Department OKRs!C3 (Parent ID): a key result\'s parent must be an objective on Department OKRs; "C-O1" is an objective on Corporate OKRs',
      'error wrong-level Department OKRs!C5 (Parent ID): a department objective must align to the corporate level, not to Department OKRs ("SAL-KR2")',
      // GRO-O1 lost both key results to the cycle.
      'warning key-result-count Team OKRs!A11 (ID): objective has 0 key results: give it 2 to 5',
      'warning team-to-corporate Team OKRs!C11 (Parent ID): team objective aligns straight to corporate "C-KR5": align it to a department objective or key result',
      'error cycle Team OKRs!C12 (Parent ID): cycle of Parent IDs: GRO-KR1 → GRO-KR2 → GRO-KR1',
      'error kr-parent Team OKRs!C12 (Parent ID): a key result\'s parent must be an objective on Team OKRs; "GRO-KR2" is a key result',
      'error cycle Team OKRs!C13 (Parent ID): cycle of Parent IDs: GRO-KR1 → GRO-KR2 → GRO-KR1',
      'error kr-parent Team OKRs!C13 (Parent ID): a key result\'s parent must be an objective on Team OKRs; "GRO-KR1" is a key result',
      // SUP-O1 now has one key result (the duplicate is not a node).
      'warning key-result-count Team OKRs!A14 (ID): objective has 1 key result: give it 2 to 5',
      'error duplicate-id Team OKRs!A16 (ID): duplicate ID "sup-kr1": Team OKRs row 15 already has it',
      'error unknown-parent Team OKRs!C17 (Parent ID): Parent ID "CS-KR9" names no row on the OKR tabs',
    ]);
  });

  it('reports cell errors, missing columns and owners, and sorts by tab, row, severity', () => {
    const grids = sample();
    removeColumn(grids.department, 'Parent ID');
    setCell(grids.corporate, 'C-KR1', 'Start', 10_000_000); // start equals target
    setCell(grids.corporate, 'C-KR4', 'Owner', '');
    setCell(grids.corporate, 'C-KR4', 'Current', '2.4 percent');
    setCell(grids.team, 'ENT-KR1', 'Weight', 'heavy');
    setCell(grids.team, 'ENT-KR1', 'Metric type', 'upwards');
    setCell(grids.team, 'ONB-KR1', 'Start date', day(2027, 3, 1));
    setCell(grids.team, 'ONB-KR1', 'Due date', day(2027, 2, 1));
    expect(lines(grids)).toEqual([
      'error start-equals-target Corporate OKRs!I3 (Target): target equals start: use stay above or stay below for a value to hold',
      'error bad-number Corporate OKRs!J7 (Current): current is not a number: "2.4 percent"',
      'warning missing-owner Corporate OKRs!F7 (Owner): key result has no Owner',
      'error missing-column Department OKRs row 1 (Parent ID): missing column "Parent ID" (or "Parent", "Aligns to"): add it to the header row',
      // The team objectives aligned to department key results now name no row.
      'error unknown-parent Team OKRs!C2 (Parent ID): Parent ID "SAL-KR2" names no row on the OKR tabs',
      'error bad-metric-type Team OKRs!G3 (Metric type): unknown metric type "upwards" (use increase, decrease, stay above, stay below, binary or milestone)',
      'error bad-weight Team OKRs!L3 (Weight): weight is not a number: "heavy"',
      ...['C5', 'C8', 'C11', 'C14', 'C17'].map(
        (cell, i) =>
          `error unknown-parent Team OKRs!${cell} (Parent ID): Parent ID "${['SAL-KR2', 'PRD-KR2', 'PRD-KR2', 'CS-KR2', 'CS-KR2'][i]}" names no row on the OKR tabs`,
      ),
      'error bad-date Team OKRs!O18 (Due date): Due date must be after Start date',
      // KPIs linked to department rows lose their link while that tab cannot be read.
      'warning kpi-smart KPIs row 3: KPI is not SMART: Relevant needs a Linked OKR that names an OKR row',
      'warning kpi-smart KPIs row 4: KPI is not SMART: Relevant needs a Linked OKR that names an OKR row',
    ]);
  });

  it('warns about too many objectives, key result counts, and stale check-ins', () => {
    const grids = sample();
    for (let i = 2; i <= 6; i++) {
      addRow(grids.team, {
        ID: `ENT-O${i}`,
        Type: 'Objective',
        'Parent ID': 'SAL-KR2',
        Unit: 'enterprise sales',
        Title: `Objective ${i}`,
        Owner: 'Julia Santos',
      });
      addRow(grids.team, {
        ID: `ENT-O${i}-KR1`,
        'Parent ID': `ENT-O${i}`,
        Title: 'One',
        Owner: 'Tom',
        Target: 1,
        Current: 1,
        'Metric type': 'binary',
      });
      addRow(grids.team, {
        ID: `ENT-O${i}-KR2`,
        'Parent ID': `ENT-O${i}`,
        Title: 'Two',
        Owner: 'Tom',
        Target: 1,
        Current: 1,
        'Metric type': 'binary',
      });
    }
    for (let k = 3; k <= 6; k++) {
      addRow(grids.team, {
        ID: `ENT-O6-KR${k}`,
        Type: 'KR',
        'Parent ID': 'ENT-O6',
        Title: 'More',
        Owner: 'Tom',
        'Metric type': 'milestone',
        Current: 1,
      });
    }
    // The sixth objective of the unit is ENT-O6, sheet row 20 + 4 × 3 = 32.
    // Check-ins of the sample are at noon on 2027-02-12: 2027-03-01 is 17 calendar days later.
    const found = validateWorkbook(read(grids, day(2027, 3, 1)));
    expect(found.filter((f) => f.rule === 'too-many-objectives').map(formatFinding)).toEqual([
      'Team OKRs!D32 (Unit): unit "enterprise sales" has 6 objectives: keep to 5 or fewer',
    ]);
    expect(found.filter((f) => f.rule === 'key-result-count').map(formatFinding)).toEqual([
      'Team OKRs!A32 (ID): objective has 6 key results: keep to 5 or fewer',
    ]);
    const stale = found.filter((f) => f.rule === 'stale-check-in' && f.tab !== 'KPIs');
    // 19 measured key results in the sample (4 corporate, 3 department, 12 team); done ones need
    // no check-in: C-KR2, C-KR7, SMB-KR2,
    // PLT-KR2, ONB-KR2 are at 1, and the added ones are all done: 19 − 5 = 14.
    expect(stale).toHaveLength(14);
    expect(formatFinding(stale[0] as never)).toBe(
      'Corporate OKRs!J3 (Current): no check-in for 17 days (last on 2027-02-12)',
    );
    // KPIs are checked in too: every KPI of the sample but the one at its target (row 5) is as stale.
    const staleKpis = found.filter((f) => f.rule === 'stale-check-in' && f.tab === 'KPIs').map(formatFinding);
    expect(staleKpis).toEqual(
      [2, 3, 4, 6, 7].map((row) => `KPIs!I${row} (Actual): no check-in for 17 days (last on 2027-02-12)`),
    );
  });
});
