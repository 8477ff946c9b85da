/**
 * Fidelity: SEQUENCE(ROWS(range)) spills as tall as the range, as in Sheets, whatever the rest of
 * an array formula predicts. HyperFormula alone sizes it as one cell, and an array formula whose
 * result came out taller than predicted failed the whole recalculation ("Resizing to smaller array").
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../local/emulator/index.js';

function sheetWithData() {
  const emu = createEmulator();
  emu.registerCustomFunctions({
    DOUBLE: (x: unknown) => (x as unknown[][]).map((row) => row.map((v) => (typeof v === 'number' ? v * 2 : ''))),
  });
  const sheet = emu.spreadsheet.getActiveSheet();
  sheet.getRange('X1:X4').setValues([['Current'], [1], [2], [3]]);
  return { emu, sheet };
}

describe('SEQUENCE sized by ROWS or COLUMNS of a reference', () => {
  it('spills at the size of the range', () => {
    const { sheet } = sheetWithData();
    sheet.getRange('A1').setFormula('=SEQUENCE(ROWS(X1:X4))');
    sheet.getRange('B1').setFormula('=SEQUENCE(2, COLUMNS(X1:Z1))');
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual([1, 2, 3, 4, '']);
    expect(sheet.getRange('B1:D2').getValues()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('spills a header formula over a custom function that got an error: the error in each row', () => {
    const { sheet } = sheetWithData();
    sheet.getRange('Y1:Y4').setValues([['Other'], [5], [6], [7]]);
    sheet.getRange('X3').setFormula('=1/0');
    // The live formulas' shape: one tab's rows out of a stack of every tab's. DOUBLE is not run on
    // an error, so it never learns its size; the stack of two SEQUENCEs was predicted 2 rows tall.
    sheet
      .getRange('A1')
      .setFormula(
        '=ARRAYFORMULA(IF(SEQUENCE(ROWS(X1:X4))=1, "Twice", FILTER(DOUBLE(VSTACK(X1:X4, Y1:Y4)), VSTACK(SEQUENCE(ROWS(X1:X4))*0, SEQUENCE(ROWS(Y1:Y4))*0+1)=0)))',
      );
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual(['Twice', '#DIV/0!', '#DIV/0!', '#DIV/0!', '']);
    sheet.getRange('X3').setValue(2);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual(['Twice', 2, 4, 6, '']);
  });

  it('takes a #REF! dimension as an error, not as a size', () => {
    const { sheet } = sheetWithData();
    sheet.getRange('A1').setFormula('=ARRAYFORMULA(IF(SEQUENCE(ROWS(X1:X4))=1, "Head", SEQUENCE(ROWS(#REF!))))');
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual(['Head', '#REF!', '#REF!', '#REF!', '']);
  });
});
