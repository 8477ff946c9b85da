/**
 * Fidelity: in Sheets one formula may call several custom functions whose answers differ in
 * size (`=VSTACK(F(A2:A4), F(B2:B3))`), and scripts read full doubles from formula cells
 * (HyperFormula would round them to 10 digits).
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../local/emulator/index.js';

describe('custom functions inside one formula', () => {
  it('spill each call at its own size', () => {
    const emu = createEmulator();
    emu.registerCustomFunctions({
      DOUBLE: (x: unknown) => (x as unknown[][]).map((row) => row.map((v) => Number(v) * 2)),
    });
    const sheet = emu.spreadsheet.getActiveSheet();
    sheet.getRange('A1:B3').setValues([
      [1, 10],
      [2, 20],
      [3, ''],
    ]);
    // A1:A3 doubled (3 rows), then B1:B2 doubled (2 rows): 2, 4, 6, 20, 40.
    sheet.getRange('D1').setFormula('=VSTACK(DOUBLE(A1:A3), DOUBLE(B1:B2))');
    expect(sheet.getRange('D1:D6').getValues()).toEqual([[2], [4], [6], [20], [40], ['']]);
    sheet.getRange('B2').setValue(7);
    expect(sheet.getRange('D5').getValue()).toBe(14);
  });
});

describe('numbers read from formula cells', () => {
  it('are full doubles, as Sheets gives scripts', () => {
    const emu = createEmulator();
    const sheet = emu.spreadsheet.getActiveSheet();
    sheet.getRange('A1').setFormula('=1/3');
    sheet.getRange('A2').setFormula('=11/34');
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[1 / 3], [11 / 34]]);
  });
});
