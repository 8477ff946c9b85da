/**
 * The live formulas survive what users do to their rows and columns (issue 9, point 2): in
 * Sheets, inserting a row between the header and row 2 rewrites each `'Tab'!X2:X` of the
 * header-row formulas to `X3:X`, so Score, Expected and Status would sit one row off. After each
 * edit, every OKR row's Score, Expected and Status must equal what core computes for that row.
 * (Red against the header-row formulas of the first version, which read `X2:X`.)
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { mapHeaders, OKR_SCHEMA, TAB } from '../../src/core/workbook/schema';
import { cellValue } from '../../src/core/workbook/score-workbook';
import { readWorkbook } from '../../src/core/workbook/workbook';
import { readWorkbookGrids } from '../../src/sheets/workbook';
import { emulatedToday } from '../support/workbook';

const NOW = new Date('2027-02-15T12:00:00Z');
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function sampleRuntime(): AddonRuntime {
  const rt = loadAddon({ now: () => NOW });
  rt.call('setUpWorkbook');
  rt.call('insertSampleOkrs');
  return rt;
}

const corporate = (rt: AddonRuntime) => rt.emulator.spreadsheet.getSheetByName(TAB.corporate) as Sheet;
const headersOf = (sheet: Sheet) => (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map(String);
const columnOf = (sheet: Sheet, header: string) => headersOf(sheet).indexOf(header) + 1;

/** Every OKR row's live Score, Expected and Status, against core's for the same row. */
function expectEveryRowMatchesCore(rt: AddonRuntime, rows: number): void {
  const wb = readWorkbook(readWorkbookGrids(rt.emulator.spreadsheet, 'UTC'), emulatedToday(rt));
  expect(wb.scores.rows).toHaveLength(rows);
  for (const tab of [TAB.corporate, TAB.department, TAB.team]) {
    const values = (rt.emulator.spreadsheet.getSheetByName(tab) as Sheet).getDataRange().getValues();
    const map = mapHeaders(tab, values[0] ?? [], OKR_SCHEMA).index;
    for (const { row, score, expected, status } of wb.scores.rows.filter((r) => r.row.tab === tab)) {
      const cells = values[row.row - 1] ?? [];
      const live = [cells[map.score as number], cells[map.expected as number], cells[map.status as number]];
      expect([tab, row.row, row.id, ...live]).toEqual([
        tab,
        row.row,
        row.id,
        cellValue(score),
        cellValue(expected),
        cellValue(status),
      ]);
    }
  }
}

describe('a row inserted right under the header of each OKR tab', () => {
  for (const [tab, parent] of [
    [TAB.department, 'SAL-O1'],
    [TAB.team, 'ENT-O1'],
  ] as const) {
    it(tab, () => {
      const rt = sampleRuntime();
      const sheet = rt.emulator.spreadsheet.getSheetByName(tab) as Sheet;
      sheet.insertRowBefore(2);
      const fill: Record<string, unknown> = {
        ID: `${parent}-NEW`,
        'Parent ID': parent,
        Start: 0,
        Target: 4,
        Current: 1,
      };
      for (const [header, value] of Object.entries(fill)) sheet.getRange(2, columnOf(sheet, header)).setValue(value);
      expectEveryRowMatchesCore(rt, 38);
    });
  }
});

describe('live formulas after structural edits on Corporate OKRs', () => {
  it('a row inserted right under the header and filled as a new key result', () => {
    const rt = sampleRuntime();
    const sheet = corporate(rt);
    sheet.insertRowBefore(2);
    const fill: Record<string, unknown> = {
      ID: 'C-KR9',
      Type: 'Key Result',
      'Parent ID': 'C-O1',
      Title: 'Sign 3 channel partners',
      'Metric type': 'increase',
      Start: 0,
      Target: 3,
      Current: 1,
    };
    for (const [header, value] of Object.entries(fill)) sheet.getRange(2, columnOf(sheet, header)).setValue(value);
    expectEveryRowMatchesCore(rt, 38);
  });

  it('a data row deleted', () => {
    const rt = sampleRuntime();
    corporate(rt).deleteRow(3); // C-KR1
    expectEveryRowMatchesCore(rt, 36);
  });

  it('a column inserted before the Score inputs', () => {
    const rt = sampleRuntime();
    const sheet = corporate(rt);
    sheet.insertColumnBefore(columnOf(sheet, 'Start'));
    sheet.getRange(1, columnOf(sheet, 'Start') - 1).setValue('Forecast');
    expectEveryRowMatchesCore(rt, 37);
  });

  it('the data rows sorted by Title', () => {
    const rt = sampleRuntime();
    const sheet = corporate(rt);
    const idsBefore = sheet
      .getRange(2, 1, sheet.getLastRow() - 1, 1)
      .getValues()
      .flat();
    sheet.sort(columnOf(sheet, 'Title'));
    expect(
      sheet
        .getRange(2, 1, sheet.getLastRow() - 1, 1)
        .getValues()
        .flat(),
    ).not.toEqual(idsBefore);
    expectEveryRowMatchesCore(rt, 37);
  });
});
