import { describe, expect, it } from 'vitest';
import { normalizeFormulaText, sameFormula } from '../../../src/sheets/formula-text';

describe('formula text as Sheets stores it', () => {
  it('drops quotes a sheet name does not need and keeps the ones it needs', () => {
    expect(normalizeFormulaText(`='Settings'!$C$4`)).toBe('=Settings!$C$4');
    expect(normalizeFormulaText(`='KPIs'!A2:A+'History'!B1`)).toBe('=KPIs!A2:A+History!B1');
    expect(normalizeFormulaText(`='Team OKRs'!C2:C`)).toBe(`='Team OKRs'!C2:C`);
    expect(normalizeFormulaText(`='Check-ins'!A1`)).toBe(`='Check-ins'!A1`);
    expect(normalizeFormulaText(`='Bob''s'!A1`)).toBe(`='Bob''s'!A1`);
    // Names that read as cells, or start with a digit, keep their quotes.
    expect(normalizeFormulaText(`='Q1'!A1+'R1C1'!A1+'2027'!A1`)).toBe(`='Q1'!A1+'R1C1'!A1+'2027'!A1`);
  });

  it('capitalises function names, leaving strings, references and the rest as written', () => {
    expect(normalizeFormulaText('=arrayformula(vstack("Score", sum(a1:a3)))')).toBe(
      '=ARRAYFORMULA(VSTACK("Score", SUM(a1:a3)))',
    );
    expect(normalizeFormulaText(`=IF(x1="'Settings'!a(", "sum(", okrScore(A2))`)).toBe(
      `=IF(x1="'Settings'!a(", "sum(", OKRSCORE(A2))`,
    );
    expect(normalizeFormulaText('=LOG10(100) + 1.5e3')).toBe('=LOG10(100) + 1.5e3');
  });

  it('leaves text that is not a formula alone', () => {
    expect(normalizeFormulaText(`'Settings'!B2`)).toBe(`'Settings'!B2`);
    expect(normalizeFormulaText('')).toBe('');
  });

  it('compares formulas through the normalisation', () => {
    expect(sameFormula(`=OKRSCORE('Settings'!$C$4)`, '=okrscore(Settings!$C$4)')).toBe(true);
    expect(sameFormula(`='Team OKRs'!C2:C`, `='Team OKRs'!C3:C`)).toBe(false);
  });
});
