/**
 * getFormula(s) return formula text as Sheets stores it (issue 9, point 4), and the add-on's
 * own normalisation (src/sheets/formula-text.ts) agrees with the emulator's.
 */
import { describe, expect, it } from 'vitest';
import { normalizeFormula } from '../../local/emulator/formulas/normalize.js';
import { createEmulator } from '../../local/emulator/index.js';
import { normalizeFormulaText } from '../../src/sheets/formula-text.js';

function sheets() {
  const emu = createEmulator({ now: () => new Date('2027-02-10T12:00:00Z') });
  const ss = emu.spreadsheet;
  const settings = ss.insertSheet('Settings');
  settings.getRange('B2').setValue(5);
  ss.insertSheet('Team OKRs').getRange('A1').setValue(7);
  return { sheet: ss.insertSheet('Report') };
}

describe('formula text read back', () => {
  it('loses quotes a sheet name does not need, keeps needed ones, capitalises function names', () => {
    const { sheet } = sheets();
    sheet.getRange('A1').setFormula(`='Settings'!B2`);
    sheet.getRange('A2').setValue(`=sum('Team OKRs'!A1, 'Settings'!B2)`);
    sheet.getRange('A3:A4').setFormulas([[`="'Settings'!B2"`], [`=Settings!B2*2`]]);
    expect(sheet.getRange('A1').getFormula()).toBe('=Settings!B2');
    expect(sheet.getRange('A1:A4').getFormulas().flat()).toEqual([
      '=Settings!B2',
      `=SUM('Team OKRs'!A1, Settings!B2)`,
      `="'Settings'!B2"`,
      '=Settings!B2*2',
    ]);
    expect(sheet.getRange('A1:A4').getValues().flat()).toEqual([5, 12, "'Settings'!B2", 10]);
  });

  it('so a verbatim comparison with what was written fails', () => {
    const { sheet } = sheets();
    const written = `='Settings'!B2+1`;
    sheet.getRange('A1').setFormula(written);
    expect(sheet.getRange('A1').getFormula()).not.toBe(written);
    expect(normalizeFormulaText(sheet.getRange('A1').getFormula())).toBe(normalizeFormulaText(written));
  });
});

describe('the add-on normalises as the emulator does', () => {
  const corpus = [
    `=ARRAYFORMULA(VSTACK("Score", IF(LEN('Team OKRs'!A2:A), OKRSCORE('Team OKRs'!H2:H, 'Settings'!$C$4), "")))`,
    `='Settings'!B2+'KPIs'!A1+'Check-ins'!A1+'Q1'!A1+'Bob''s tab'!A1`,
    '=iferror(vlookup(A2, History!A:B, 2, false), "none")',
    `="it's "&'History'!A1&" and ""quoted"" text(" `,
    '=LOG10(100)+1.5e3+$A$1',
    'plain text',
  ];
  it.each(corpus)('%s', (text) => {
    expect(normalizeFormulaText(text)).toBe(normalizeFormula(text));
  });
});
