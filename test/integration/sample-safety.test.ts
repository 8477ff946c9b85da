/**
 * §6.3 Insert sample OKRs writes only into tabs that hold no cell of the user's, judged by the
 * raw cells (values and formulas) and not by whether a table is recognised; otherwise it refuses,
 * names the tab and the first such cell, and changes nothing. Set up keeps the values it takes
 * a column over from in a note on the header cell.
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { headerRow, OKR_SCHEMA, TAB } from '../../src/core/workbook/schema';
import { snapshotCells, writeGrids } from '../support/workbook';

const NOW = new Date('2027-02-15T12:00:00Z');
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const sheetOf = (rt: AddonRuntime, tab: string) => rt.emulator.spreadsheet.getSheetByName(tab) as Sheet;
const lastAlert = (rt: AddonRuntime) => rt.emulator.uiState.alerts.at(-1)?.prompt ?? '';
const names = (rt: AddonRuntime) => rt.emulator.spreadsheet.getSheets().map((s) => s.getName());

function refusal(tabs: string): string {
  return `The sample only goes into tabs that hold nothing of yours, and ${tabs} cells of yours. Nothing was changed. To explore the sample, make a new spreadsheet and insert it there.`;
}

/** Runs Insert sample and expects it to refuse with `message`, the workbook exactly as it was. */
function expectRefusal(rt: AddonRuntime, message: string): void {
  const before = snapshotCells(rt.emulator.spreadsheet);
  const sheets = names(rt);
  rt.call('insertSampleOkrs');
  expect(lastAlert(rt)).toBe(message);
  expect(names(rt)).toEqual(sheets);
  expect(snapshotCells(rt.emulator.spreadsheet)).toEqual(before);
}

describe('Insert sample OKRs on tabs that hold cells of the user’s', () => {
  it('a title row above the headers: the table is not recognised, the tab is still the user’s', () => {
    const rt = loadAddon({ now: () => NOW });
    writeGrids(rt, { team: [['Team plan, Q1'], headerRow(OKR_SCHEMA)] });
    expectRefusal(rt, refusal('"Team OKRs" (first at A1) holds'));
  });

  it('headers without the ID column, and rows under them', () => {
    const rt = loadAddon({ now: () => NOW });
    writeGrids(rt, {
      corporate: [
        ['Type', 'Title', 'Owner'],
        ['Objective', 'Grow', 'Dana'],
      ],
    });
    expectRefusal(rt, refusal('"Corporate OKRs" (first at A2) holds'));
  });

  it('one value typed under set-up’s headers, and a column of the user’s with only its header', () => {
    const rt = loadAddon({ now: () => NOW });
    rt.call('setUpWorkbook');
    sheetOf(rt, TAB.department).getRange('E7').setValue('draft');
    sheetOf(rt, TAB.kpis).getRange('Q1').setValue('Priority');
    expectRefusal(rt, refusal('"Department OKRs" (first at E7), "KPIs" (first at Q1) hold'));
  });

  it('a value typed in a live formula’s column: it stops the formula, and it is the user’s', () => {
    const rt = loadAddon({ now: () => NOW });
    rt.call('setUpWorkbook');
    const team = sheetOf(rt, TAB.team);
    team.getRange('P30').setValue(0.5);
    expect(team.getRange('P1').getDisplayValue()).toBe('#REF!');
    expectRefusal(rt, refusal('"Team OKRs" (first at P30) holds'));
  });

  it('writes into tabs holding only set-up’s headers and live formulas, and the company into untouched Settings', () => {
    const rt = loadAddon({ now: () => NOW });
    rt.call('setUpWorkbook');
    rt.call('insertSampleOkrs');
    expect(lastAlert(rt)).toMatch(/^Inserted Northwind Analytics: 37 objectives and key results/);
    expect(sheetOf(rt, TAB.corporate).getRange('A2').getValue()).toBe('C-O1');
    expect(sheetOf(rt, TAB.settings).getRange('B2').getValue()).toBe('Northwind Analytics');
  });

  it('leaves a Settings tab with a value of the user’s alone', () => {
    const rt = loadAddon({ now: () => NOW });
    rt.call('setUpWorkbook');
    sheetOf(rt, TAB.settings).getRange('B6').setValue(0.8);
    rt.call('insertSampleOkrs');
    expect(lastAlert(rt)).toMatch(/^Inserted Northwind Analytics/);
    expect(sheetOf(rt, TAB.settings).getRange('B2:B6').getDisplayValues().flat()).toEqual([
      '',
      '2027 Q1',
      '2027-01-01',
      '2027-03-31',
      '80%',
    ]);
  });
});

describe('Set up keeps the values it takes a column over from', () => {
  it('in a note on the header cell, and says where', () => {
    const rt = loadAddon({ now: () => NOW });
    writeGrids(rt, {
      corporate: [
        ['ID', 'Type', 'Parent ID', 'Title', 'Start', 'Target', 'Current', 'Score'],
        ['C-O1', 'Objective', '', 'Grow', '', '', '', 0.9],
        ['C-KR1', 'Key Result', 'C-O1', 'Revenue', 0, 10, 5, '=G3/F3'],
        ['C-KR2', 'Key Result', 'C-O1', 'Logos', 0, 4, 4, ''],
      ],
    });
    rt.call('setUpWorkbook');
    expect(lastAlert(rt)).toContain(
      '• replaced 2 typed values under "Score" with its live formula (on "Corporate OKRs"; they are kept in the note on Corporate OKRs!H1)',
    );
    const header = sheetOf(rt, TAB.corporate).getRange('H1');
    expect(header.getNote()).toBe(
      'Set up workbook put the live formula of "Score" here on 2027-02-15. What was typed below it:\nH2: 0.9\nH3: =G3/F3',
    );
    expect(header.getFormula()).toMatch(/^=ARRAYFORMULA\(/);
  });
});
