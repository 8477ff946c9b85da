/**
 * A conditional format rule on an open-ended range (`C2:C`, a GridRange without an end row)
 * covers rows added later, after the sheet shrank and grew again (local/emulator/spreadsheet/a1.ts).
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../local/emulator/index.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function ruleOn(a1: string) {
  const emu = createEmulator();
  const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const sheet = emu.spreadsheet.getSheets()[0] as Sheet;
  const rule = app
    .newConditionalFormatRule()
    .whenTextEqualTo('Done')
    .setBackground('#cfe2f3')
    .setRanges([sheet.getRange(a1)])
    .build();
  sheet.setConditionalFormatRules([rule]);
  return sheet;
}

const background = (sheet: Sheet, row: number) =>
  (sheet as unknown as { _effectiveBackground(r: number, c: number): string })._effectiveBackground(row, 3);

describe('conditional formats on open-ended ranges', () => {
  it('C2:C reaches rows inserted at the end, after the sheet was cut down', () => {
    const sheet = ruleOn('C2:C');
    sheet.deleteRows(11, 990); // 10 rows left, as a report fitted to its rows
    sheet.insertRowsAfter(10, 40);
    sheet.getRange('C45').setValue('Done');
    expect(background(sheet, 45)).toBe('#cfe2f3');
  });

  it('a bounded range (C2:C1000) does not: rows after its end are outside it', () => {
    const sheet = ruleOn('C2:C1000');
    sheet.deleteRows(11, 990);
    sheet.insertRowsAfter(10, 40);
    sheet.getRange('C45').setValue('Done');
    expect(background(sheet, 45)).not.toBe('#cfe2f3');
  });
});
