/**
 * Fidelity: Sheets recalculates a formula whenever a cell it reads changes, also when the
 * reference sits inside an array literal, as in the add-on's header formulas
 * `={"Score"; OKRSCORE(H2:H, …)}`. (HyperFormula alone registers no dependency there.)
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../local/emulator/index.js';

describe('array literals', () => {
  it('recalculate when a cell they read changes', () => {
    const emu = createEmulator();
    emu.registerCustomFunctions({
      DOUBLE: (x: unknown) => (x as unknown[][]).map((row) => row.map((v) => (v === '' ? '' : Number(v) * 2))),
    });
    const sheet = emu.spreadsheet.getActiveSheet();
    sheet.getRange('A2:A3').setValues([[1], [3]]);
    sheet.getRange('B1').setFormula('={"Doubled"; DOUBLE(A2:A3)}');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([['Doubled'], [2], [6]]);
    sheet.getRange('A2').setValue(5);
    // 5 × 2 = 10; the other row is unchanged.
    expect(sheet.getRange('B1:B3').getValues()).toEqual([['Doubled'], [10], [6]]);
    sheet.getRange('A3').setValues([['']]);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([['Doubled'], [10], ['']]);
  });
});
