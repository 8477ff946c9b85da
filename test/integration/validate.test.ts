/**
 * Validate (§4.3) run by the built bundle: one row per finding, severity coloured,
 * a link to the cell, a summary line and an alert with the counts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { sampleWorkbook } from '../../src/core/workbook/sample';
import { emulatedToday, snapshotCells, writeGrids, writeSampleWorkbook } from '../support/workbook';

const CLOCK = { now: () => new Date('2027-02-15T12:00:00Z'), timeZone: 'Europe/London' };
const USER_TABS = ['Corporate OKRs', 'Department OKRs', 'Team OKRs', 'KPIs', 'Settings', 'Check-ins', 'History'];
// Sample OKR columns (0-based): ID A, Type B, Parent ID C, …, Current J.
const PARENT = 2;
const CURRENT = 9;

let rt: AddonRuntime;
beforeEach(() => {
  rt = loadAddon(CLOCK);
});

const sheet = (name: string) => {
  const s = rt.emulator.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const lastAlert = () => rt.emulator.uiState.alerts.at(-1);

/** The sample with two mistakes: C-KR1's Current is text, ENT-O1 aligns to an ID no row has. */
function writeBrokenSample(): void {
  const grids = sampleWorkbook(emulatedToday(rt));
  const corporate = grids.corporate.map((r) => [...r]);
  (corporate[2] as unknown[])[CURRENT] = 'about 9M'; // C-KR1, sheet row 3
  const team = grids.team.map((r) => [...r]);
  (team[1] as unknown[])[PARENT] = 'SAL-KR9'; // ENT-O1, sheet row 2
  writeGrids(rt, { ...grids, corporate, team });
}

describe('Validate a clean sample', () => {
  it('says no problems were found, on the sheet and in the alert', () => {
    writeSampleWorkbook(rt);
    rt.call('validateWorkbook');
    const grid = sheet('Validation').getDataRange().getValues();
    // 10 + 9 + 18 OKR rows; six sample KPIs.
    expect(grid).toEqual([
      ['Validation as of 2027-02-15: no problems found (37 OKR rows, 6 KPIs checked).', '', '', '', '', '', ''],
      ['Severity', 'Tab', 'Row', 'Column', 'ID', 'Message', 'Link'],
      ['No problems found', '', '', '', '', '', ''],
    ]);
    expect(lastAlert()?.title).toBe('Validate');
    expect(lastAlert()?.prompt).toBe('No problems found (37 OKR rows, 6 KPIs checked).');
    expect(sheet('Validation').getFrozenRows()).toBe(2);
  });
});

describe('Validate a sample with two mistakes', () => {
  beforeEach(() => {
    writeBrokenSample();
    rt.call('validateWorkbook');
  });

  it('lists each finding with tab, row, column, ID and message, in tab order', () => {
    const grid = sheet('Validation').getDataRange().getValues();
    expect(grid[0]?.[0]).toBe('Validation as of 2027-02-15: 2 errors (37 OKR rows, 6 KPIs checked).');
    expect(grid.slice(2).map((r) => r.slice(0, 5))).toEqual([
      ['Error', 'Corporate OKRs', 3, 'Current (J)', 'C-KR1'],
      ['Error', 'Team OKRs', 2, 'Parent ID (C)', 'ENT-O1'],
    ]);
    expect(grid[2]?.[5]).toContain('"about 9M"');
    expect(grid[3]?.[5]).toBe('Parent ID "SAL-KR9" names no row on the OKR tabs');
  });

  it('links each finding to its cell with the sheet id', () => {
    const s = sheet('Validation');
    const gid = sheet('Team OKRs').getSheetId();
    expect(s.getRange('G4').getFormula()).toBe(`=HYPERLINK("#gid=${gid}&range=C2","Team OKRs!C2")`);
    expect(s.getRange('G4').getValue()).toBe('Team OKRs!C2');
    const corporate = sheet('Corporate OKRs').getSheetId();
    expect(s.getRange('G3').getFormula()).toBe(`=HYPERLINK("#gid=${corporate}&range=J3","Corporate OKRs!J3")`);
  });

  it('colours severities and the summary line', () => {
    const s = sheet('Validation');
    expect(s.getRange('A1').getBackground()).toBe('#f4cccc');
    expect(s.getRange('A3:A4').getBackgrounds()).toEqual([['#f4cccc'], ['#f4cccc']]);
    expect(s.getRange('A3').getFontWeight()).toBe('bold');
  });

  it('alerts with the counts', () => {
    expect(lastAlert()?.prompt).toBe('2 errors, listed on "Validation" with a link to each cell.');
  });
});

describe('Validate warnings', () => {
  it('puts warnings after errors of the same row and colours them amber', () => {
    const grids = sampleWorkbook(emulatedToday(rt));
    const team = grids.team.map((r) => [...r]);
    // GRO-O1 (sheet row 11) aligns straight to corporate C-KR5: a warning, not an error.
    (team[10] as unknown[])[PARENT] = 'C-KR5';
    writeGrids(rt, { ...grids, team });
    rt.call('validateWorkbook');
    const grid = sheet('Validation').getDataRange().getValues();
    expect(grid.slice(2).map((r) => r.slice(0, 5))).toEqual([['Warning', 'Team OKRs', 11, 'Parent ID (C)', 'GRO-O1']]);
    expect(sheet('Validation').getRange('A3').getBackground()).toBe('#fff2cc');
    expect(lastAlert()?.prompt).toBe('1 warning, listed on "Validation" with a link to each cell.');
  });
});

describe('Validate again', () => {
  it('rewrites the same sheet and changes no cell of the user tabs', () => {
    writeBrokenSample();
    const before = snapshotCells(rt.emulator.spreadsheet, USER_TABS);
    rt.call('validateWorkbook');
    const first = snapshotCells(rt.emulator.spreadsheet);
    rt.call('validateWorkbook');
    expect(snapshotCells(rt.emulator.spreadsheet)).toEqual(first);
    expect(snapshotCells(rt.emulator.spreadsheet, USER_TABS)).toEqual(before);
  });

  it('replaces a long list by a short one without leftovers', () => {
    writeBrokenSample();
    rt.call('validateWorkbook');
    writeSampleWorkbook(rt);
    rt.call('validateWorkbook');
    // Summary line, header, "No problems found": the sheet is cut to those rows.
    expect(sheet('Validation').getDataRange().getValues()).toHaveLength(3);
    expect(sheet('Validation').getMaxRows()).toBe(3);
  });
});
