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
const shown = (name: string) => sheet(name).getDataRange().getDisplayValues();
const lastAlert = () => rt.emulator.uiState.alerts.at(-1)?.prompt;
/** The tree's columns by header (the header row is the one starting Level, Title). */
const TREE_HEADER = [
  'Level',
  'Title',
  'ID',
  'Type',
  'Unit',
  'Owner',
  'Current',
  'Target',
  'Score',
  'Expected',
  'Gap',
  'Status',
  'Progress',
  'Trend',
  'Confidence',
  'Last check-in',
  'Problem',
];
const col = (header: string) => TREE_HEADER.indexOf(header);
/** The 1-based row of the first line whose ID column is `id`. */
const rowOf = (grid: unknown[][], id: string) => grid.findIndex((r) => r[col('ID')] === id) + 1;
/** One tree row by header, as the user sees it. */
function treeRow(id: string): Record<string, string> {
  const grid = shown('Roll-up');
  const row = grid[rowOf(grid, id) - 1] ?? [];
  return Object.fromEntries(TREE_HEADER.map((h, i) => [h, row[i] ?? '']));
}

describe('Build roll-up on the sample company', () => {
  beforeEach(() => {
    writeSampleWorkbook(rt);
    rt.call('buildRollup');
  });

  it('says what it wrote', () => {
    // 10 corporate + 9 department + 18 team rows, all under a corporate objective.
    expect(lastAlert()).toBe('Roll-up: 37 rows, 0 unaligned. Dashboard: 3 charts.');
  });

  it('opens with the company, cycle and as-of date, and keeps the rows down to the tree header frozen', () => {
    const grid = values('Roll-up');
    expect(grid[0]?.[0]).toBe('Northwind Analytics · 2027 Q1 · OKR roll-up as of 2027-02-15');
    expect(grid[1]?.[0]).toBe('Trend: History has no snapshot before today yet; Record snapshot starts one.');
    const header = grid.findIndex((r) => r[0] === 'Level' && r[1] === 'Title') + 1;
    expect(grid[header - 1]).toEqual(TREE_HEADER);
    expect(sheet('Roll-up').getFrozenRows()).toBe(header);
  });

  it('scores each corporate objective from the raw inputs', () => {
    const grid = values('Roll-up');
    const score = (id: string) => grid[rowOf(grid, id) - 1]?.[col('Score')] as number;
    expect(score('C-O1')).toBeCloseTo(0.546875, 12);
    expect(score('C-O2')).toBeCloseTo(0.475, 12);
    expect(score('C-O3')).toBeCloseTo(0.78125, 12);
    expect(score('C-KR3')).toBeCloseTo(0.5875, 12);
  });

  it('lists rows in tree order, indented by depth, with values in their unit, gap, bar, confidence and check-in', () => {
    const grid = values('Roll-up');
    const first = rowOf(grid, 'C-O1');
    const ids = grid.slice(first - 1, first + 13).map((r) => r[col('ID')]);
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
    // C-KR1: 0.3 against E = 0.506 → Behind, 21 points behind the pace; 6 of 20 blocks, the
    // mark at 10 (E · 20 = 10.1); checked in on 2027-02-12.
    expect(treeRow('C-KR1')).toEqual({
      Level: 'Corporate',
      Title: '    Grow annual recurring revenue from $8.0M to $10.0M',
      ID: 'C-KR1',
      Type: 'Key Result',
      Unit: 'Company',
      Owner: 'Dana Reyes',
      Current: '$8,600,000',
      Target: '$10,000,000',
      Score: '30%',
      Expected: '51%',
      Gap: '−21 pts',
      Status: 'Behind',
      Progress: '██████░░░░│░░░░░░░░░',
      Trend: '',
      Confidence: '7',
      'Last check-in': '3 days ago',
      Problem: '',
    });
    expect([treeRow('C-KR4').Current, treeRow('C-KR4').Target]).toEqual(['2.4%', '1.5%']);
    expect([treeRow('ENT-KR1').Current, treeRow('ENT-KR1').Target]).toEqual(['6 deals', '12 deals']);
    expect(treeRow('SMB-KR2').Current).toBe('done');
    // Objectives are scored by what is under them: no values, confidence or check-ins of their own.
    expect(treeRow('C-O1')).toMatchObject({ Current: '', Confidence: '', 'Last check-in': '', Gap: '+4 pts' });
    // SAL-O1 hangs under C-KR3 (depth 2), ENT-O1 under SAL-KR2 (depth 4).
    expect(treeRow('SAL-O1').Title).toBe('        Build a repeatable enterprise sales motion');
    expect(treeRow('ENT-O1').Title).toBe('                Land flagship enterprise accounts');
  });

  it('colours statuses and bars by status, formats scores as percents and makes objectives bold', () => {
    const s = sheet('Roll-up');
    const grid = values('Roll-up');
    const r = rowOf(grid, 'C-O1');
    const status = col('Status') + 1;
    // C-O1 On track (green), C-KR1 Behind (amber), C-KR2 Done (blue).
    expect(s.getRange(r, status, 3, 1).getBackgrounds()).toEqual([['#d9ead3'], ['#fce5cd'], ['#cfe2f3']]);
    expect(s.getRange(r, col('Progress') + 1, 3, 1).getFontColors()).toEqual([['#6aa84f'], ['#f6b26b'], ['#3d85c6']]);
    expect(s.getRange(r, col('Score') + 1, 1, 2).getNumberFormats()).toEqual([['0%', '0%']]);
    expect(s.getRange(r, col('Score') + 1).getDisplayValue()).toBe('55%');
    expect(s.getRange(r, 1, 2, 1).getFontWeights()).toEqual([['bold'], ['normal']]);
    // Behind the pace in red, ahead in green.
    expect(s.getRange(r, col('Gap') + 1, 2, 1).getFontColors()).toEqual([['#137333'], ['#a50e0e']]);
  });

  it('groups each objective’s rows so its subtree collapses, the toggle on the objective’s row', () => {
    const s = sheet('Roll-up');
    const grid = values('Roll-up');
    const o1 = rowOf(grid, 'C-O1');
    const o2 = rowOf(grid, 'C-O2');
    const group = s.getRowGroup(o1 + 1, 1) as GoogleAppsScript.Spreadsheet.Group;
    // Everything under C-O1 up to C-O2.
    expect([group.getRange().getRow(), group.getRange().getLastRow()]).toEqual([o1 + 1, o2 - 1]);
    expect(group.getControlIndex()).toBe(o1);
    expect(s.getRowGroupDepth(o1)).toBe(0);
    // SAL-O1 (under C-KR3) is a group inside it, ENT-O1 (under SAL-KR2) one inside that.
    expect(s.getRowGroupDepth(rowOf(grid, 'SAL-KR1'))).toBe(2);
    expect(s.getRowGroupDepth(rowOf(grid, 'ENT-KR1'))).toBe(3);
  });

  it('summarises each level and unit under its own header', () => {
    const grid = values('Roll-up');
    const header = grid.findIndex((r) => r[0] === 'Level' && r[1] === 'Unit');
    expect(grid[header]?.slice(0, 11)).toEqual(SUMMARY_HEADER);
    // Corporate: objectives (0.546875+0.475+0.78125)/3 = 0.6010417; key results
    // (0.3+1+0.5875+0.4+0.55+0.5625+1)/7 = 4.4/7. Done: C-KR2, C-KR7. Behind: C-KR1 (0.3/E = 0.59).
    // The other seven are at or above 0.7·E.
    const corporate = grid[header + 1] as unknown[];
    expect(corporate.slice(0, 4)).toEqual(['Corporate', 'All units', 3, 7]);
    expect(corporate[4]).toBeCloseTo(1.803125 / 3, 12);
    expect(corporate[5]).toBeCloseTo(4.4 / 7, 12);
    expect(corporate.slice(6, 11)).toEqual([2, 7, 1, 0, 0]);
    // Department: every row at or above 0.7·E (lowest: SAL-KR1 and PRD-KR2 at 0.5 → 0.99).
    expect(grid[header + 2]?.slice(0, 2)).toEqual(['', 'Company']);
    expect(grid[header + 3]?.slice(0, 4)).toEqual(['Department', 'All units', 3, 6]);
    expect(grid[header + 3]?.slice(6, 11)).toEqual([0, 9, 0, 0, 0]);
    // Team: Done SMB-KR2, PLT-KR2, ONB-KR2; Behind SMB-KR1 (0.3/E) and GRO-KR2 (0.25/E = 0.49);
    // At risk PLT-KR1 (still at 48 h) and SUP-KR1 (0); the other 11 on track.
    const team = grid.findIndex((r) => r[0] === 'Team' && r[1] === 'All units');
    expect(grid[team]?.slice(2, 4)).toEqual([6, 12]);
    expect(grid[team]?.slice(6, 11)).toEqual([3, 11, 2, 2, 0]);
    expect(grid[team + 1]?.slice(0, 4)).toEqual(['', 'Enterprise Sales', 1, 2]);
    // All levels: 12 objectives, 25 key results; statuses 5 / 27 / 3 / 2.
    const all = grid.find((r) => r[0] === 'All levels') as unknown[];
    expect([all[2], all[3], ...all.slice(6, 11)]).toEqual([12, 25, 5, 27, 3, 2, 0]);
    // Each summary label sits on a column at least as wide as the label needs (no "Customer Su").
    const widths = [0, 1, 2, 3, 4, 5].map((c) => sheet('Roll-up').getColumnWidth(c + 1));
    expect(widths[1]).toBeGreaterThanOrEqual(300); // Unit names, on Title's column
    expect(Math.min(...widths.slice(2))).toBeGreaterThanOrEqual(80);
  });

  it('draws the dashboard: headline, needs attention, and three titled charts on its tables', () => {
    const dash = sheet('Dashboard');
    const grid = dash.getDataRange().getDisplayValues();
    expect(grid[0]?.[0]).toBe('Northwind Analytics · 2027 Q1 · OKR dashboard as of 2027-02-15');
    // Company score: the corporate objectives' mean, 0.601 against E = 0.506: On track.
    expect(grid[1]?.[0]).toBe(
      'Company score 60% against 51% expected by today (On track). 32 of 37 objectives and key results on track or done; 2 at risk, 3 behind.',
    );
    expect(grid[3]?.slice(0, 7)).toEqual(['60%', '51%', '86%', '32 of 37', '2', '3', '2027-02-15']);
    const attention = grid.findIndex((r) => /^Needs attention/.test(r[0] ?? ''));
    // At risk first: PLT-KR1 and SUP-KR1 (and KPIs graded at the end of the cycle), then Behind.
    const listed = grid.slice(attention + 2).filter((r) => r[0] === 'At risk' || r[0] === 'Behind');
    expect(listed.map((r) => r[2])).toContain('PLT-KR1');
    expect(listed.find((r) => r[2] === 'C-KR1')).toEqual([
      'Behind',
      'Corporate',
      'C-KR1',
      'Grow annual recurring revenue from $8.0M to $10.0M',
      'Dana Reyes',
      '30%',
      '51%',
      'Behind: 30% against 51% expected',
    ]);
    // Each item links to its row.
    const link = dash.getRange(attention + 1 + 2 + listed.findIndex((r) => r[2] === 'C-KR1'), 3).getFormula();
    expect(link).toMatch(/^=HYPERLINK\("#gid=\d+&range=3:3","C-KR1"\)$/);
    const level = grid.findIndex((r) => r[0] === 'Level' && r[1] === 'Done');
    expect(grid.slice(level, level + 4).map((r) => r.slice(0, 5))).toEqual([
      ['Level', 'Done', 'On track', 'Behind', 'At risk'],
      ['Corporate', '2', '7', '1', '0'],
      ['Department', '0', '9', '0', '0'],
      ['Team', '3', '11', '2', '2'],
    ]);
    // Units grouped by level: each unit's score in its level's column.
    const units = grid.findIndex((r) => r[0] === 'Unit' && r[1] === 'Corporate');
    expect(grid[units + 1]?.slice(0, 4)).toEqual(['Company', '60%', '', '']);
    expect(grid.find((r) => r[0] === 'Enterprise Sales')?.slice(0, 4)).toEqual(['Enterprise Sales', '', '', '70%']);
    const charts = dash.getCharts().map((c) => (c as unknown as { _spec: ChartSpec })._spec);
    expect(charts.map((c) => [c.type, c.options.title])).toEqual([
      ['LINE', 'Score over time against expected, per level'],
      ['BAR', 'Objectives and key results by status, per level'],
      ['COLUMN', 'Average score per unit, grouped by level'],
    ]);
    // Side by side in the band of empty rows under the headline, seen before the tables.
    const band = grid.findIndex((r) => /^Needs attention/.test(r[0] ?? '')) + 1;
    expect(new Set(charts.map((c) => c.position.row)).size).toBe(1);
    expect(charts[0]?.position.row).toBeLessThan(band);
    expect(charts.map((c) => c.position.col)).toEqual([1, 4, 6]);
    expect(charts[1]?.options.isStacked).toBe(true);
  });
});

interface ChartSpec {
  type: string;
  ranges: string[];
  position: { row: number; col: number };
  options: Record<string, unknown>;
}

const SUMMARY_HEADER = [
  'Level',
  'Unit',
  'Objectives',
  'Key results',
  'Objective score',
  'Key result score',
  'Done',
  'On track',
  'Behind',
  'At risk',
  'No score',
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
    expect(sheet('Dashboard').getCharts()).toHaveLength(3);
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
      /^Roll-up: 10 rows, 0 unaligned\. Dashboard: 3 charts\.\n\nThe workbook has .*: run Validate to list them\.$/,
    );
    // Title, trend (2); "Summary", its header, 3 levels, Company, All levels (7); blank,
    // section title, header (3); the 10 rows; blank, "Unaligned (0)", "None…" (3) = 25, no more.
    expect(sheet('Roll-up').getMaxRows()).toBe(25);
    const grid = values('Roll-up');
    expect(grid).toHaveLength(25);
    expect(grid.filter((r) => /^(SAL|ENT)-/.test(String(r[col('ID')])))).toEqual([]);
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
    const trend = (id: string) => grid[rowOf(grid, id) - 1]?.[col('Trend')];
    expect(grid[1]?.[0]).toBe(
      'Trend: change in score since the snapshot of 2027-02-15, in percentage points. Gap: score against the progress expected by today.',
    );
    // In percentage points, like the score beside it: green up, red down.
    expect(trend('ENT-KR1')).toBe('▲ +25 pts');
    expect(trend('SAL-KR1')).toBe('▼ −25 pts');
    expect(trend('C-KR2')).toBe('=');
    expect(trend('ENT-KR3')).toBe('new');
    // PLT-KR1 kept its score 0 (still at 48 h): unchanged.
    expect(trend('PLT-KR1')).toBe('=');
    const trendColumn = col('Trend') + 1;
    const colour = (id: string) => sheet('Roll-up').getRange(rowOf(grid, id), trendColumn).getFontColor();
    expect([colour('ENT-KR1'), colour('SAL-KR1')]).toEqual(['#137333', '#a50e0e']);
  });

  it('ignores a snapshot taken earlier today', () => {
    writeSampleWorkbook(rt);
    rt.call('recordSnapshot');
    rt.call('buildRollup');
    const grid = values('Roll-up');
    expect(grid[rowOf(grid, 'C-KR1') - 1]?.[col('Trend')]).toBe('');
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
      'Roll-up: 37 rows, 0 unaligned. Dashboard: 3 charts.\n' +
        'A sheet of yours is named "Roll-up", so it was left alone and the report is on "Roll-up (OKR Cascade)".',
    );
    // The next run finds its own sheet by its mark, not by name.
    rt.call('buildRollup');
    expect(rt.emulator.spreadsheet.getSheets().map((s) => s.getName())).not.toContain('Roll-up (OKR Cascade 2)');
  });
});
