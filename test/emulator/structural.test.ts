/**
 * Inserting and deleting rows and columns moves formula references as Sheets does (issue 9,
 * point 2), in every formula of the workbook, and the evaluated values follow; deleting a sheet
 * breaks the references to it.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../local/emulator/index.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function workbook() {
  const emu = createEmulator({ now: () => new Date('2027-02-10T12:00:00Z') });
  const ss = emu.spreadsheet;
  const team = ss.insertSheet('Team OKRs');
  const summary = ss.insertSheet('Summary');
  const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  // Team OKRs: a header row, then X2:X5 = 1, 2, 3, 4.
  team.getRange('X1:X5').setValues([['Current'], [1], [2], [3], [4]]);
  return { emu, app, team, summary };
}

const formula = (sheet: Sheet, a1: string) => sheet.getRange(a1).getFormula();
const value = (sheet: Sheet, a1: string) => sheet.getRange(a1).getValue();

describe('inserting rows', () => {
  it('moves an open-ended range that starts below the new row: X2:X becomes X3:X (the header-row formula bug)', () => {
    const { team } = workbook();
    team.getRange('A1').setFormula(`=ARRAYFORMULA(VSTACK("Score", 'Team OKRs'!X2:X5*10))`);
    team.getRange('B1').setFormula(`=ARRAYFORMULA(VSTACK("Current", 'Team OKRs'!X2:X))`);
    expect(team.getRange('B1:B3').getValues()).toEqual([['Current'], [1], [2]]);
    team.insertRowBefore(2);
    expect(formula(team, 'A1')).toBe(`=ARRAYFORMULA(VSTACK("Score", 'Team OKRs'!X3:X6*10))`);
    expect(formula(team, 'B1')).toBe(`=ARRAYFORMULA(VSTACK("Current", 'Team OKRs'!X3:X))`);
    // The new row 2 is left out: every value now stands one row above its data.
    team.getRange('X2').setValue(99);
    expect(team.getRange('B1:B3').getValues()).toEqual([['Current'], [1], [2]]);
    expect(team.getRange('A2:A5').getValues()).toEqual([[10], [20], [30], [40]]);
  });

  it('keeps whole columns whole, moves single cells below, leaves cells above and string text alone', () => {
    const { team } = workbook();
    team
      .getRange('C1:C6')
      .setFormulas([['=SUM(X:X)'], ['=X5*2'], ['=$X$5+X2'], ['="X5 is "&X5'], ['=SUM(x2:x3)'], ['=SUM(X2:X)']]);
    team.insertRowsBefore(3, 2);
    expect(team.getRange('C1:C8').getFormulas().flat()).toEqual([
      '=SUM(X:X)',
      '=X7*2',
      '',
      '',
      '=$X$7+X2',
      '="X5 is "&X7',
      // A range with rows inserted inside it grows.
      '=SUM(X2:X5)',
      '=SUM(X2:X)',
    ]);
    expect(team.getRange('C1:C8').getValues().flat()).toEqual([10, 8, '', '', 5, 'X5 is 4', 3, 10]);
  });

  it('moves references from other sheets, and leaves references to other sheets alone', () => {
    const { team, summary } = workbook();
    summary.getRange('A1:A3').setFormulas([[`='Team OKRs'!X4`], [`=COUNT('Team OKRs'!X2:X)`], ['=A1+X4']]);
    summary.getRange('X4').setValue(100);
    team.insertRowsAfter(1, 3);
    expect(summary.getRange('A1:A3').getFormulas().flat()).toEqual([
      `='Team OKRs'!X7`,
      `=COUNT('Team OKRs'!X5:X)`,
      '=A1+X4',
    ]);
    expect(summary.getRange('A1:A3').getValues().flat()).toEqual([3, 4, 103]);
  });

  it('moves conditional-format formulas with their ranges', () => {
    const { app, team } = workbook();
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$X2>2')
      .setBackground('#ff0000')
      .setRanges([team.getRange('A2:A5')])
      .build();
    team.setConditionalFormatRules([rule]);
    team.insertRowBefore(1);
    const moved = team.getConditionalFormatRules()[0];
    expect(moved?.getBooleanCondition()?.getCriteriaValues()).toEqual(['=$X3>2']);
    expect(moved?.getRanges().map((r) => r.getA1Notation())).toEqual(['A3:A6']);
  });

  it('growing the sheet at its end (appendRow, insertRowsAfter the last row) changes no formula', () => {
    const { team } = workbook();
    team.getRange('C1').setFormula('=SUM(X2:X)+SUM(X1:X1000)');
    team.insertRowsAfter(team.getMaxRows(), 5);
    expect(formula(team, 'C1')).toBe('=SUM(X2:X)+SUM(X1:X1000)');
  });
});

describe('deleting rows', () => {
  it('shrinks ranges, moves cells below up, and turns a reference to a deleted cell into #REF!', () => {
    const { team, summary } = workbook();
    team.getRange('C1:E1').setFormulas([['=SUM(X2:X5)', '=X5', '=SUM(X2:X)']]);
    summary.getRange('A1:A2').setFormulas([[`='Team OKRs'!X3`], [`='Team OKRs'!X4:X5`]]);
    team.deleteRows(3, 2); // X3 (2) and X4 (3) go
    expect(team.getRange('C1:E1').getFormulas().flat()).toEqual(['=SUM(X2:X3)', '=X3', '=SUM(X2:X)']);
    expect(team.getRange('C1:E1').getValues().flat()).toEqual([5, 4, 5]);
    // Deleting the last row of the range shrinks it; a cell whose row went is #REF!.
    expect(summary.getRange('A1:A2').getFormulas().flat()).toEqual(['=#REF!', `='Team OKRs'!X3:X3`]);
    expect(value(summary, 'A1')).toBe('#REF!');
  });

  it('deleting the header row keeps an open-ended range open-ended', () => {
    const { team } = workbook();
    team.getRange('B2').setFormula('=SUM(X2:X)');
    team.deleteRow(1);
    expect(formula(team, 'B1')).toBe('=SUM(X1:X)');
    expect(value(team, 'B1')).toBe(10);
  });
});

describe('custom functions over ranges that changed size', () => {
  it('still spill at their new size after rows are deleted and inserted', () => {
    const { emu, team } = workbook();
    emu.registerCustomFunctions({
      DOUBLE: (x: unknown) => (x as unknown[][]).map((r) => r.map((v) => (typeof v === 'number' ? v * 2 : ''))),
    });
    // As the live formulas slice one tab's rows out of a stack of every tab's.
    team
      .getRange('A1')
      .setFormula(
        '=ARRAYFORMULA(IF(SEQUENCE(ROWS(X:X))=1, "Twice", FILTER(DOUBLE(VSTACK(X:X, Y:Y)), VSTACK(SEQUENCE(ROWS(X:X))*0, SEQUENCE(ROWS(Y:Y))*0+1)=0)))',
      );
    expect(team.getRange('A1:A5').getValues().flat()).toEqual(['Twice', 2, 4, 6, 8]);
    team.deleteRow(3);
    expect(team.getRange('A1:A4').getValues().flat()).toEqual(['Twice', 2, 6, 8]);
    team.insertRowsBefore(2, 2);
    expect(team.getRange('A1:A6').getValues().flat()).toEqual(['Twice', '', '', 2, 6, 8]);
  });
});

describe('inserting and deleting columns', () => {
  it('moves a formula that reads whole columns only', () => {
    const { team, summary } = workbook();
    summary.getRange('A1:A2').setFormulas([[`=SUM('Team OKRs'!X:X)`], [`=ROWS('Team OKRs'!5:6)`]]);
    team.insertColumnsBefore(2, 2);
    team.insertRowsBefore(1, 3);
    expect(summary.getRange('A1:A2').getFormulas().flat()).toEqual([`=SUM('Team OKRs'!Z:Z)`, `=ROWS('Team OKRs'!8:9)`]);
    expect(value(summary, 'A1')).toBe(10);
  });

  it('moves references right of the new columns, in every form', () => {
    const { team, summary } = workbook();
    team.getRange('A1:A4').setFormulas([['=X5'], ['=SUM(X:X)'], ['=SUM(X2:X)'], ['=SUM(2:3)']]);
    summary.getRange('A1').setFormula(`=SUM('Team OKRs'!W2:X3)`);
    team.insertColumnBefore(24); // before X
    expect(team.getRange('A1:A4').getFormulas().flat()).toEqual(['=Y5', '=SUM(Y:Y)', '=SUM(Y2:Y)', '=SUM(2:3)']);
    expect(formula(summary, 'A1')).toBe(`=SUM('Team OKRs'!W2:Y3)`);
    expect(team.getRange('A1:A3').getValues().flat()).toEqual([4, 10, 10]);
    team.deleteColumn(25); // Y, the data column
    expect(team.getRange('A1:A3').getFormulas().flat()).toEqual(['=#REF!', '=SUM(#REF!)', '=SUM(#REF!)']);
    expect(formula(summary, 'A1')).toBe(`=SUM('Team OKRs'!W2:X3)`);
  });
});

describe('deleting a sheet', () => {
  it('turns every reference to it into #REF!, which a new sheet of the same name does not link back', () => {
    const { emu, team, summary } = workbook();
    summary.getRange('B1').setValue(5);
    summary
      .getRange('A1:A2')
      .setFormulas([[`=SUM('Team OKRs'!X2:X5)+B1`], [`=ROWS('Team OKRs'!X:X)+COUNT('team okrs'!X2)+Summary!B1`]]);
    expect(summary.getRange('A1:A2').getValues().flat()).toEqual([15, 1006]);
    emu.spreadsheet.deleteSheet(team);
    expect(summary.getRange('A1:A2').getFormulas().flat()).toEqual([
      '=SUM(#REF!)+B1',
      '=ROWS(#REF!)+COUNT(#REF!)+Summary!B1',
    ]);
    expect(summary.getRange('A1:A2').getValues().flat()).toEqual(['#REF!', '#REF!']);
    emu.spreadsheet.insertSheet('Team OKRs').getRange('X2').setValue(1);
    expect(summary.getRange('A1:A2').getValues().flat()).toEqual(['#REF!', '#REF!']);
  });
});
