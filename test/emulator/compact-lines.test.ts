/**
 * Rows written in bulk are kept compact (local/emulator/spreadsheet/model.ts CompactLine): one
 * array per property, shared between rows formatted alike. The representation must never show:
 * every read, edit, structural change and copy sees the cells it would have seen otherwise.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../local/emulator/index.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A report-like block: rows sharing one array of formats and of backgrounds, as reports write them. */
function report(): { sheet: Sheet; ss: GoogleAppsScript.Spreadsheet.Spreadsheet } {
  const emu = createEmulator({ now: () => new Date('2027-02-10T12:00:00Z') });
  const ss = emu.spreadsheet;
  const sheet = ss.insertSheet('Report');
  const formats = ['@', '0%', '0'];
  const backgrounds = [null, '#d9ead3', null];
  const range = sheet.getRange(1, 1, 4, 3);
  range.setNumberFormats([formats, formats, formats, formats]);
  range.setValues([
    ['=1+1', 0.5, 3],
    ['C-KR1', 0.25, 4],
    ['', '', ''],
    ['2027-01-15', 1, '=B4*2'],
  ]);
  range.setBackgrounds([backgrounds, backgrounds, backgrounds, backgrounds]);
  return { sheet, ss };
}

describe('rows written in bulk', () => {
  it('read back as written: text under @ stays text, formulas evaluate, blanks are blank', () => {
    const { sheet } = report();
    const range = sheet.getRange(1, 1, 4, 3);
    expect(range.getValues()).toEqual([
      ['=1+1', 0.5, 3],
      ['C-KR1', 0.25, 4],
      ['', '', ''],
      ['2027-01-15', 1, 2],
    ]);
    expect(range.getFormulas()[3]).toEqual(['', '', '=B4*2']);
    expect(range.getDisplayValues()[0]).toEqual(['=1+1', '50%', '3']);
    expect(range.getBackgrounds()[1]).toEqual(['#ffffff', '#d9ead3', '#ffffff']);
    expect(sheet.getLastRow()).toBe(4);
    expect(sheet.getLastColumn()).toBe(3);
  });

  it('share a row of formats until one of them changes: the others keep theirs', () => {
    const { sheet } = report();
    sheet.getRange(2, 1, 1, 3).setNumberFormats([['0.00', '0.00', '0.00']]);
    sheet.getRange('B3').setBackground('#f4cccc');
    expect(sheet.getRange(1, 1, 4, 3).getNumberFormats()).toEqual([
      ['@', '0%', '0'],
      ['0.00', '0.00', '0.00'],
      ['@', '0%', '0'],
      ['@', '0%', '0'],
    ]);
    expect(sheet.getRange('B1:B4').getBackgrounds().flat()).toEqual(['#d9ead3', '#d9ead3', '#f4cccc', '#d9ead3']);
  });

  it('move with inserted rows and columns, sort, and copy as cells do', () => {
    const { sheet, ss } = report();
    sheet.insertRowsBefore(1, 1);
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getRange('B2:D2').getValues()[0]).toEqual(['=1+1', 0.5, 3]);
    expect(sheet.getRange('D5').getFormula()).toBe('=C5*2');
    expect(sheet.getRange('D5').getValue()).toBe(2);
    sheet.getRange('B2:D3').sort({ column: 4, ascending: false });
    expect(sheet.getRange('B2:B3').getValues().flat()).toEqual(['C-KR1', '=1+1']);
    const copy = sheet.copyTo(ss);
    expect(copy.getRange('A1:D5').getValues()).toEqual(sheet.getRange('A1:D5').getValues());
    expect(copy.getRange('C2:C5').getBackgrounds()).toEqual(sheet.getRange('C2:C5').getBackgrounds());
    // The copy and the sheet share nothing a write can reach.
    const { sheet: fresh, ss: other } = report();
    const twin = fresh.copyTo(other);
    twin.getRange(1, 1, 4, 3).setNumberFormats(Array.from({ length: 4 }, () => ['0.0', '0.0', '0.0']));
    twin.getRange('B2').setValue(0.75);
    fresh.getRange('C1').setBackground('#000000');
    expect(fresh.getRange('A1:C1').getNumberFormats()[0]).toEqual(['@', '0%', '0']);
    expect(fresh.getRange('B2').getValue()).toBe(0.25);
    expect(twin.getRange('C1').getBackground()).toBe('#ffffff');
  });

  it('take a single cell edit, a note or a clear like any row', () => {
    const { sheet } = report();
    sheet.getRange('A2').setValue('=3+4');
    sheet.getRange('C1').setNote('checked');
    expect(sheet.getRange('A2').getValue()).toBe('=3+4');
    expect(sheet.getRange('C1').getNote()).toBe('checked');
    sheet.getRange('A1:C2').clearContent();
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
    expect(sheet.getRange('B2').getNumberFormat()).toBe('0%');
    expect(sheet.getRange('C4').getValue()).toBe(2);
  });
});
