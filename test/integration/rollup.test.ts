/**
 * Build roll-up and dashboard (§4.2) on the sample company, run by the built bundle
 * in the emulator with the clock fixed at 2027-02-15 (Europe/London).
 *
 * Hand arithmetic used below. The cycle is 2027 Q1: 2027-01-01 to 2027-03-31, 89 days
 * apart; 2027-02-15 is 45 days in, so Expected E = 45/89 ≈ 0.5056 for rows without dates.
 * Key results: C-KR1 increase (8.6M−8M)/(10M−8M) = 0.3; C-KR2 at least 1.1 with 1.12 → 1;
 * SAL-KR1 (4M−2M)/(6M−2M) = 0.5; ENT-KR1 6/12 = 0.5; ENT-KR2 27/30 = 0.9; SMB-KR1
 * (0.13−0.1)/(0.2−0.1) = 0.3; SMB-KR2 done → 1. Roll-up: ENT-O1 = (0.5+0.9)/2 = 0.7,
 * SMB-O1 = (0.3+1)/2 = 0.65, SAL-KR2 = (0.7+0.65)/2 = 0.675, SAL-O1 = (0.5+0.675)/2 = 0.5875
 * = C-KR3. C-O1 = (2·0.3 + 1 + 0.5875)/(2+1+1) = 2.1875/4 = 0.546875 (C-KR1 weighs 2).
 * C-O2: C-KR4 decrease (0.024−0.03)/(0.015−0.03) = 0.4; PLT-O1 = (0+1)/2 = 0.5; GRO-O1 =
 * (0.75+0.25)/2 = 0.5; PRD-KR2 = 0.5; PRD-O1 = (0.6+0.5)/2 = 0.55 = C-KR5; C-O2 = (0.4+0.55)/2
 * = 0.475. C-O3: CS-KR1 (5−8)/(2−8) = 0.5; SUP-O1 = (0+0.75)/2 = 0.375; ONB-O1 = (0.75+1)/2 =
 * 0.875; CS-KR2 = 0.625; CS-O1 = 0.5625 = C-KR6; C-KR7 3 ≤ 5 → 1; C-O3 = (0.5625+1)/2 = 0.78125.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { snapshotCells, writeGrids, writeSampleWorkbook } from '../support/workbook';

const CLOCK = { now: () => new Date('2027-02-15T12:00:00Z'), timeZone: 'Europe/London' };
const E = 45 / 89;
const USER_TABS = ['Corporate OKRs', 'Department OKRs', 'Team OKRs', 'KPIs', 'Settings', 'Check-ins'];

let rt: AddonRuntime;
beforeEach(() => {
  rt = loadAddon(CLOCK);
});

const sheet = (name: string) => {
  const s = rt.emulator.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const values = (name: string) => sheet(name).getDataRange().getValues();
const lastAlert = () => rt.emulator.uiState.alerts.at(-1)?.prompt;
/** The 1-based row of the first line whose column C (ID) is `id`. */
const rowOf = (grid: unknown[][], id: string) => grid.findIndex((r) => r[2] === id) + 1;

describe('Build roll-up on the sample company', () => {
  beforeEach(() => {
    writeSampleWorkbook(rt);
    rt.call('buildRollup');
  });

  it('says what it wrote', () => {
    // 10 corporate + 9 department + 18 team rows, all under a corporate objective.
    expect(lastAlert()).toBe('Roll-up: 37 rows, 0 unaligned. Dashboard: 2 charts.');
  });

  it('opens with the company, cycle and as-of date', () => {
    const grid = values('Roll-up');
    expect(grid[0]?.[0]).toBe('Northwind Analytics · 2027 Q1 · OKR roll-up as of 2027-02-15');
    expect(grid[1]?.[0]).toBe('Trend: History has no snapshot before today yet; Record snapshot starts one.');
    expect(sheet('Roll-up').getFrozenRows()).toBe(1);
  });

  it('scores each corporate objective from the raw inputs', () => {
    const grid = values('Roll-up');
    const score = (id: string) => grid[rowOf(grid, id) - 1]?.[6] as number;
    expect(score('C-O1')).toBeCloseTo(0.546875, 12);
    expect(score('C-O2')).toBeCloseTo(0.475, 12);
    expect(score('C-O3')).toBeCloseTo(0.78125, 12);
    expect(score('C-KR3')).toBeCloseTo(0.5875, 12);
  });

  it('lists rows in tree order, indented by depth, with bar and status', () => {
    const grid = values('Roll-up');
    // Rows 1–3 title, trend, blank; 4 "Summary", 5 its header, 6–19 three levels, ten units and
    // "All levels"; 20 blank; 21 section title; 22 the header; the tree starts on row 23.
    expect(grid[21]).toEqual(TREE_HEADER);
    const ids = grid.slice(22, 36).map((r) => r[2]);
    expect(ids).toEqual([
      'C-O1',
      'C-KR1',
      'C-KR2',
      'C-KR3',
      'SAL-O1',
      'SAL-KR1',
      'SAL-KR2',
      'ENT-O1',
      'ENT-KR1',
      'ENT-KR2',
      'SMB-O1',
      'SMB-KR1',
      'SMB-KR2',
      'C-O2',
    ]);
    // C-KR1: 0.3 → 3 of 10 blocks; 0.3/E = 0.593 is under 0.7 → Behind.
    expect(grid[23]).toEqual([
      'Corporate',
      'Key Result',
      'C-KR1',
      '    Grow annual recurring revenue from $8.0M to $10.0M',
      'Company',
      'Dana Reyes',
      0.3,
      E,
      'Behind',
      '███░░░░░░░',
      '',
      '',
    ]);
    // SAL-O1 hangs under C-KR3 (depth 2), ENT-O1 under SAL-KR2 (depth 4).
    expect(grid[26]?.[3]).toBe('        Build a repeatable enterprise sales motion');
    expect(grid[29]?.[3]).toBe('                Land flagship enterprise accounts');
    // 0.5875 → 5.875 blocks → 6.
    expect(grid[25]?.[9]).toBe('██████░░░░');
  });

  it('colours statuses, formats scores as percents and makes objectives bold', () => {
    const s = sheet('Roll-up');
    // Row 23 C-O1 On track (green), 24 C-KR1 Behind (amber), 25 C-KR2 Done (blue).
    expect(s.getRange('I23:I25').getBackgrounds()).toEqual([['#d9ead3'], ['#fce5cd'], ['#cfe2f3']]);
    expect(s.getRange('G23:H23').getNumberFormats()).toEqual([['0%', '0%']]);
    expect(s.getRange('G23').getDisplayValue()).toBe('55%');
    expect(s.getRange('A23:A24').getFontWeights()).toEqual([['bold'], ['normal']]);
  });

  it('summarises each level and unit', () => {
    const grid = values('Roll-up');
    expect(grid[4]).toEqual(SUMMARY_HEADER);
    // Corporate: objectives (0.546875+0.475+0.78125)/3 = 0.6010417; key results
    // (0.3+1+0.5875+0.4+0.55+0.5625+1)/7 = 4.4/7. Done: C-KR2, C-KR7. Behind: C-KR1 (0.3/E = 0.59).
    // The other seven are at or above 0.7·E.
    const corporate = grid[5] as unknown[];
    expect(corporate.slice(0, 4)).toEqual(['Corporate', 'All units', 3, 7]);
    expect(corporate[4]).toBeCloseTo(1.803125 / 3, 12);
    expect(corporate[5]).toBeCloseTo(4.4 / 7, 12);
    expect(corporate.slice(6)).toEqual([2, 7, 1, 0, 0, '']);
    // Department: every row at or above 0.7·E (lowest: SAL-KR1 and PRD-KR2 at 0.5 → 0.99).
    expect(grid[6]?.slice(0, 2)).toEqual(['Corporate', 'Company']);
    expect(grid[7]?.slice(0, 4)).toEqual(['Department', 'All units', 3, 6]);
    expect(grid[7]?.slice(6, 11)).toEqual([0, 9, 0, 0, 0]);
    // Team: Done SMB-KR2, PLT-KR2, ONB-KR2; Behind SMB-KR1 (0.3/E) and GRO-KR2 (0.25/E = 0.49);
    // At risk PLT-KR1 and SUP-KR1 (0); the other 11 on track.
    const team = grid.findIndex((r) => r[0] === 'Team' && r[1] === 'All units');
    expect(grid[team]?.slice(2, 4)).toEqual([6, 12]);
    expect(grid[team]?.slice(6, 11)).toEqual([3, 11, 2, 2, 0]);
    expect(grid[team + 1]?.slice(0, 4)).toEqual(['Team', 'Enterprise Sales', 1, 2]);
    // All levels: 12 objectives, 25 key results; statuses 5 / 27 / 3 / 2.
    const all = grid.find((r) => r[0] === 'All levels') as unknown[];
    expect([all[2], all[3], ...all.slice(6, 11)]).toEqual([12, 25, 5, 27, 3, 2, 0]);
  });

  it('draws the dashboard: a table and two titled charts on it', () => {
    const dash = sheet('Dashboard');
    const grid = dash.getDataRange().getValues();
    expect(grid[2]?.slice(0, 4)).toEqual(['Unit', 'Average score', 'Level', 'Objectives']);
    expect(grid[3]?.slice(0, 4)).toEqual(['Company', expect.closeTo(1.803125 / 3, 12), 'Corporate', 3]);
    // Enterprise Sales: its one objective, ENT-O1 = 0.7.
    expect(grid.find((r) => r[0] === 'Enterprise Sales')?.[1]).toBeCloseTo(0.7, 12);
    expect(grid.slice(2, 6).map((r) => r.slice(5))).toEqual([
      ['Level', 'Done', 'On track', 'Behind', 'At risk'],
      ['Corporate', 2, 7, 1, 0],
      ['Department', 0, 9, 0, 0],
      ['Team', 3, 11, 2, 2],
    ]);
    const charts = dash.getCharts().map((c) => (c as unknown as { _spec: ChartSpec })._spec);
    expect(charts.map((c) => [c.type, c.ranges, c.options.title])).toEqual([
      ['COLUMN', ['Dashboard!A3:B13'], 'Average score by unit'],
      ['BAR', ['Dashboard!F3:J6'], 'Objectives and key results by status, per level'],
    ]);
    expect(charts[1]?.options.isStacked).toBe(true);
    expect(charts.map((c) => c.position.col)).toEqual([12, 12]);
  });
});

interface ChartSpec {
  type: string;
  ranges: string[];
  position: { row: number; col: number };
  options: Record<string, unknown>;
}

const TREE_HEADER = [
  'Level',
  'Type',
  'ID',
  'Title',
  'Unit',
  'Owner',
  'Score',
  'Expected',
  'Status',
  'Progress',
  'Trend',
  'Problem',
];
const SUMMARY_HEADER = [
  'Level',
  'Unit',
  'Objectives',
  'Key results',
  'Avg objective score',
  'Avg key result score',
  'Done',
  'On track',
  'Behind',
  'At risk',
  'No score',
  '',
];

describe('Build roll-up again', () => {
  it('rewrites the same sheets, with no duplicate charts', () => {
    writeSampleWorkbook(rt);
    rt.call('buildRollup');
    const first = snapshotCells(rt.emulator.spreadsheet);
    const sheets = rt.emulator.spreadsheet.getSheets().length;
    rt.call('buildRollup');
    expect(snapshotCells(rt.emulator.spreadsheet)).toEqual(first);
    expect(rt.emulator.spreadsheet.getSheets()).toHaveLength(sheets);
    expect(sheet('Dashboard').getCharts()).toHaveLength(2);
  });

  it('shrinks the report when rows go away', () => {
    const grids = writeSampleWorkbook(rt);
    rt.call('buildRollup');
    // Keep the corporate tab only: 10 rows; Department and Team keep their headers.
    writeGrids(rt, { department: [grids.department[0] as unknown[]], team: [grids.team[0] as unknown[]] });
    sheet('Department OKRs').getRange('A2:S10').clearContent();
    sheet('Team OKRs').getRange('A2:S19').clearContent();
    rt.call('buildRollup');
    // C-KR3, C-KR5 and C-KR6 lost the objectives aligned to them: Validate has something to say.
    expect(lastAlert()).toMatch(
      /^Roll-up: 10 rows, 0 unaligned\. Dashboard: 2 charts\.\n\nThe workbook has .*: run Validate to list them\.$/,
    );
    // Title, trend, blank (3); "Summary", its header, 3 levels, Company, All levels (7); blank,
    // section title, header (3); the 10 rows; blank, "Unaligned (0)", "None…" (3) = 26, no more.
    expect(sheet('Roll-up').getMaxRows()).toBe(26);
    const grid = values('Roll-up');
    expect(grid).toHaveLength(26);
    expect(grid.filter((r) => /^(SAL|ENT)-/.test(String(r[2])))).toEqual([]);
  });

  it('changes no cell of the user tabs', () => {
    writeSampleWorkbook(rt);
    const before = snapshotCells(rt.emulator.spreadsheet, USER_TABS);
    rt.call('buildRollup');
    rt.call('buildRollup');
    expect(snapshotCells(rt.emulator.spreadsheet, USER_TABS)).toEqual(before);
  });
});

describe('Trend from History', () => {
  it('compares with the latest snapshot before today', () => {
    const grids = writeSampleWorkbook(rt);
    rt.call('recordSnapshot');
    // Next day: ENT-KR1 closes 9 of 12 deals (0.5 → 0.75), SAL-KR1's pipeline drops to $3M
    // ((3M−2M)/(6M−2M) = 0.25, was 0.5), and a new key result appears under ENT-O1.
    rt.emulator.env.now = () => new Date('2027-02-16T09:00:00Z');
    const team = grids.team.map((r) => [...r]);
    const current = 9; // column J
    (team[2] as unknown[])[current] = 9;
    team.splice(4, 0, [
      'ENT-KR3',
      'Key Result',
      'ENT-O1',
      '',
      'Win two reference customers',
      'Julia Santos',
      'increase',
      0,
      2,
      1,
    ]);
    const department = grids.department.map((r) => [...r]);
    (department[2] as unknown[])[current] = 3_000_000;
    writeGrids(rt, { team, department });
    rt.call('buildRollup');

    const grid = values('Roll-up');
    const trend = (id: string) => grid[rowOf(grid, id) - 1]?.[10];
    expect(grid[1]?.[0]).toBe('Trend: change in score since the snapshot of 2027-02-15.');
    expect(trend('ENT-KR1')).toBe('▲ +0.25');
    expect(trend('SAL-KR1')).toBe('▼ −0.25');
    expect(trend('C-KR2')).toBe('=');
    expect(trend('ENT-KR3')).toBe('new');
    // PLT-KR1 kept its score 0 (blank Current): unchanged.
    expect(trend('PLT-KR1')).toBe('=');
  });

  it('ignores a snapshot taken earlier today', () => {
    writeSampleWorkbook(rt);
    rt.call('recordSnapshot');
    rt.call('buildRollup');
    const grid = values('Roll-up');
    expect(grid[rowOf(grid, 'C-KR1') - 1]?.[10]).toBe('');
  });
});

describe("A user's own sheet named Roll-up", () => {
  it('is left alone; the report goes next to it and the alert says so', () => {
    writeSampleWorkbook(rt);
    const mine = rt.emulator.spreadsheet.insertSheet('Roll-up');
    mine.getRange('A1:B2').setValues([
      ['My roll-up', 'notes'],
      ['keep', 'me'],
    ]);
    rt.call('buildRollup');
    expect(values('Roll-up')).toEqual([
      ['My roll-up', 'notes'],
      ['keep', 'me'],
    ]);
    expect(values('Roll-up (OKR Cascade)')[0]?.[0]).toBe(
      'Northwind Analytics · 2027 Q1 · OKR roll-up as of 2027-02-15',
    );
    expect(lastAlert()).toBe(
      'Roll-up: 37 rows, 0 unaligned. Dashboard: 2 charts.\n' +
        'A sheet of yours is named "Roll-up", so it was left alone and the report is on "Roll-up (OKR Cascade)".',
    );
    // The next run finds its own sheet by its mark, not by name.
    rt.call('buildRollup');
    expect(rt.emulator.spreadsheet.getSheets().map((s) => s.getName())).not.toContain('Roll-up (OKR Cascade 2)');
  });
});
