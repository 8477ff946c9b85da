/**
 * Record snapshot (§4.5): today's Score, Expected and Status of every OKR row go to
 * History; a second snapshot the same day replaces that day's rows, other days stay.
 * Scores worked out by hand in rollup.test.ts: C-O1 = 0.546875, C-KR1 = 0.3 (Behind:
 * 0.3/E < 0.7 with E = 45/89 on 2027-02-15 in the 2027-01-01…2027-03-31 cycle).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { snapshotCells, writeGrids, writeSampleWorkbook } from '../support/workbook';

const CLOCK = { now: () => new Date('2027-02-15T12:00:00Z'), timeZone: 'Europe/London' };
const E = 45 / 89;
const USER_TABS = ['Corporate OKRs', 'Department OKRs', 'Team OKRs', 'KPIs', 'Settings', 'Check-ins'];
const HEADER = ['Date', 'Level', 'ID', 'Title', 'Score', 'Expected', 'Status'];

let rt: AddonRuntime;
beforeEach(() => {
  rt = loadAddon(CLOCK);
});

const history = () => {
  const s = rt.emulator.spreadsheet.getSheetByName('History');
  if (!s) throw new Error('no History');
  return s;
};
/** History as shown: dates as text, so a test reads them as the user does. */
const shown = () => history().getDataRange().getDisplayValues();
const lastAlert = () => rt.emulator.uiState.alerts.at(-1)?.prompt;

describe('Record snapshot', () => {
  it("appends today's score, expected and status of every OKR row", () => {
    writeSampleWorkbook(rt);
    rt.call('recordSnapshot');
    const grid = history().getDataRange().getValues();
    // Header + 37 rows (10 corporate, 9 department, 18 team), in tab then sheet order.
    expect(grid).toHaveLength(38);
    expect(grid[0]).toEqual(HEADER);
    expect(shown()[1]).toEqual([
      '2027-02-15',
      'Corporate',
      'C-O1',
      'Grow revenue to a sustainable scale',
      '55%',
      '51%',
      'On track',
    ]);
    expect(grid[1]?.[4]).toBeCloseTo(0.546875, 12);
    expect(grid[1]?.[5]).toBeCloseTo(E, 12);
    expect(grid[2]?.slice(1)).toEqual([
      'Corporate',
      'C-KR1',
      'Grow annual recurring revenue from $8.0M to $10.0M',
      0.3,
      E,
      'Behind',
    ]);
    // A real date in the spreadsheet's zone: 2027-02-15 at local midnight.
    expect(Object.prototype.toString.call(grid[1]?.[0])).toBe('[object Date]');
    expect(history().getRange('A2').getNumberFormat()).toBe('yyyy-mm-dd');
    expect(grid.at(-1)?.slice(1, 3)).toEqual(['Team', 'ONB-KR2']);
    expect(lastAlert()).toBe('History: 37 rows recorded for 2027-02-15; 0 earlier rows kept.');
  });

  it('replaces the same day’s rows when taken twice', () => {
    writeSampleWorkbook(rt);
    rt.call('recordSnapshot');
    const first = snapshotCells(rt.emulator.spreadsheet);
    rt.call('recordSnapshot');
    expect(snapshotCells(rt.emulator.spreadsheet)).toEqual(first);
    expect(lastAlert()).toBe(
      'History: 37 rows recorded for 2027-02-15 (replacing the 37 recorded earlier today); 0 earlier rows kept.',
    );
  });

  it('keeps every earlier day and replaces only today', () => {
    const grids = writeSampleWorkbook(rt);
    rt.call('recordSnapshot');
    rt.emulator.env.now = () => new Date('2027-02-16T10:00:00Z');
    rt.call('recordSnapshot');
    // Later on the 16th, C-KR1 reaches $9M: (9M−8M)/(10M−8M) = 0.5.
    const corporate = grids.corporate.map((r) => [...r]);
    (corporate[2] as unknown[])[9] = 9_000_000;
    writeGrids(rt, { corporate });
    rt.call('recordSnapshot');
    const rows = shown().slice(1);
    expect(rows).toHaveLength(74);
    expect(rows.filter((r) => r[0] === '2027-02-15')).toHaveLength(37);
    expect(rows.filter((r) => r[0] === '2027-02-16')).toHaveLength(37);
    const kr1 = rows.filter((r) => r[2] === 'C-KR1').map((r) => [r[0], r[4]]);
    expect(kr1).toEqual([
      ['2027-02-15', '30%'],
      ['2027-02-16', '50%'],
    ]);
    expect(lastAlert()).toBe(
      'History: 37 rows recorded for 2027-02-16 (replacing the 37 recorded earlier today); 37 earlier rows kept.',
    );
  });

  it('creates History with its header when the tab is missing', () => {
    const grids = writeSampleWorkbook(rt);
    rt.emulator.spreadsheet.deleteSheet(history());
    writeGrids(rt, { corporate: grids.corporate });
    rt.call('recordSnapshot');
    expect(history().getDataRange().getValues()[0]).toEqual(HEADER);
    expect(history().getFrozenRows()).toBe(1);
    expect(history().getDataRange().getValues()).toHaveLength(38);
  });

  it('finds its columns by header and keeps a column the user added', () => {
    writeSampleWorkbook(rt);
    writeGrids(rt, {
      history: [
        ['ID', 'Date', 'Comment', 'Score', 'Status', 'Level', 'Title', 'Expected'],
        // Typed as text (leading apostrophe): rewriting History must not turn it into a formula.
        ['C-O1', '2027-02-01', "'=not a formula", 0.4, 'Behind', 'Corporate', 'Grow revenue', 0.35],
      ],
    });
    rt.call('recordSnapshot');
    const rows = shown();
    expect(rows[0]).toEqual(['ID', 'Date', 'Comment', 'Score', 'Status', 'Level', 'Title', 'Expected']);
    expect(rows[1]).toEqual([
      'C-O1',
      '2027-02-01',
      '=not a formula',
      '40%',
      'Behind',
      'Corporate',
      'Grow revenue',
      '35%',
    ]);
    expect(history().getRange('C2').getFormula()).toBe('');
    expect(rows[2]).toEqual([
      'C-O1',
      '2027-02-15',
      '',
      '55%',
      'On track',
      'Corporate',
      'Grow revenue to a sustainable scale',
      '51%',
    ]);
  });

  it('changes no cell of the user tabs', () => {
    writeSampleWorkbook(rt);
    const before = snapshotCells(rt.emulator.spreadsheet, USER_TABS);
    rt.call('recordSnapshot');
    rt.call('recordSnapshot');
    expect(snapshotCells(rt.emulator.spreadsheet, USER_TABS)).toEqual(before);
  });
});
