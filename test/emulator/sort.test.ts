/**
 * Range.sort and Sheet.sort as Sheets sorts: the spec forms of the Apps Script reference, Sheets'
 * order (numbers, then text without regard to case, blanks last), whole rows of the range moving
 * with their formats, and moved formulas adjusted as if copied to their new row.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../local/emulator/index.js';

function sheetWith(rows: unknown[][]) {
  const emu = createEmulator({ now: () => new Date('2027-02-10T12:00:00Z') });
  const sheet = emu.spreadsheet.getActiveSheet();
  sheet.getRange(1, 1, rows.length, rows[0]?.length ?? 1).setValues(rows);
  return sheet;
}

const column = (sheet: GoogleAppsScript.Spreadsheet.Sheet, a1: string) => sheet.getRange(a1).getValues().flat();

describe('Range.sort', () => {
  it('sorts by a column number: numbers before text, text ignoring case, blanks last, ties in their order', () => {
    const sheet = sheetWith([
      ['r1', 'banana'],
      ['r2', ''],
      ['r3', 10],
      ['r4', 'Apple'],
      ['r5', 2],
      ['r6', 'apple'],
      ['r7', 'cherry'],
    ]);
    sheet.getRange('A1:B7').sort(2);
    expect(column(sheet, 'A1:A7')).toEqual(['r5', 'r3', 'r4', 'r6', 'r1', 'r7', 'r2']);
    expect(column(sheet, 'B1:B7')).toEqual([2, 10, 'Apple', 'apple', 'banana', 'cherry', '']);
  });

  it('sorts descending with blanks still last, by several columns, in every spec form', () => {
    const rows = [
      ['b', 1],
      ['a', 2],
      ['', 3],
      ['b', 3],
      ['a', 1],
    ];
    const sorted = (spec: unknown) => {
      const sheet = sheetWith(rows);
      sheet.getRange('A1:B5').sort(spec);
      return sheet.getRange('A1:B5').getValues();
    };
    expect(sorted({ column: 1, ascending: false })).toEqual([
      ['b', 1],
      ['b', 3],
      ['a', 2],
      ['a', 1],
      ['', 3],
    ]);
    const byAThenBDown = [
      ['a', 2],
      ['a', 1],
      ['b', 3],
      ['b', 1],
      ['', 3],
    ];
    expect(sorted([1, { column: 2, ascending: false }])).toEqual(byAThenBDown);
    expect(
      sorted([
        { column: 1, ascending: true },
        { column: 2, ascending: false },
      ]),
    ).toEqual(byAThenBDown);
    expect(sorted([2, 1])).toEqual([
      ['a', 1],
      ['b', 1],
      ['a', 2],
      ['b', 3],
      ['', 3],
    ]);
  });

  it('columns are the sheet’s, and must lie in the range', () => {
    const sheet = sheetWith([
      ['x', 'y', 2],
      ['x', 'y', 1],
    ]);
    sheet.getRange('B1:C2').sort(3);
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      ['x', 'y', 1],
      ['x', 'y', 2],
    ]);
    expect(() => sheet.getRange('B1:C2').sort(1)).toThrow('The sort column 1 is outside the range B1:C2.');
  });

  it('moves formats, notes and formulas with their rows; a moved formula reads its new row', () => {
    const sheet = sheetWith([
      ['Name', 'Points', 'Double', 'Outside'],
      ['low', 1, '', 'o1'],
      ['high', 9, '', 'o2'],
    ]);
    sheet.getRange('C2:C3').setFormulas([['=B2*2+$B$1'], ['=B3*2+$B$1']]);
    sheet.getRange('B1').setValue(100);
    sheet.getRange('A2').setBackground('#ff0000').setNote('the low one');
    sheet.getRange('E1').setFormula('=C2');
    sheet.getRange('A2:C3').sort({ column: 2, ascending: false });
    expect(sheet.getRange('A2:C3').getFormulas()).toEqual([
      ['', '', '=B2*2+$B$1'],
      ['', '', '=B3*2+$B$1'],
    ]);
    expect(sheet.getRange('A2:D3').getValues()).toEqual([
      ['high', 9, 118, 'o1'],
      ['low', 1, 102, 'o2'],
    ]);
    expect(sheet.getRange('A3').getBackground()).toBe('#ff0000');
    expect(sheet.getRange('A3').getNote()).toBe('the low one');
    expect(sheet.getRange('A2').getBackground()).toBe('#ffffff');
    // A formula outside the range keeps its text: it now reads the other row.
    expect(sheet.getRange('E1').getFormula()).toBe('=C2');
    expect(sheet.getRange('E1').getValue()).toBe(118);
  });
});

describe('Sheet.sort', () => {
  it('sorts the rows below the frozen header by one column', () => {
    const sheet = sheetWith([['Name'], ['b'], ['c'], ['a']]);
    sheet.setFrozenRows(1);
    sheet.sort(1, false);
    expect(column(sheet, 'A1:A4')).toEqual(['Name', 'c', 'b', 'a']);
    sheet.sort(1);
    expect(column(sheet, 'A1:A4')).toEqual(['Name', 'a', 'b', 'c']);
  });
});
