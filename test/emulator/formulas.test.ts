import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../local/emulator/index.js';

type WithMessage = { _errorMessage(): string | null };

function setup() {
  const emu = createEmulator({ now: () => new Date('2027-02-10T12:00:00Z') });
  return { emu, sheet: emu.spreadsheet.getActiveSheet() };
}

describe('custom functions', () => {
  it('passes scalars and 2D ranges as Sheets does, spills arrays, shows thrown errors', () => {
    const { emu, sheet } = setup();
    const seen: unknown[][] = [];
    emu.registerCustomFunctions({
      DOUBLE: (x: unknown) => {
        seen.push([x]);
        if (Array.isArray(x)) return x.map((row: unknown[]) => row.map((v) => (v === '' ? '' : Number(v) * 2)));
        if (x === 'bad') throw new Error('DOUBLE: not a number: "bad"');
        return Number(x) * 2;
      },
      ECHO: (...args: unknown[]) => JSON.stringify(args),
    });
    sheet.getRange('A1:A3').setValues([[1], [''], [3]]);
    sheet.getRange('B1').setFormula('=DOUBLE(A1:A3)');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[2], [''], [6]]);
    expect(seen.at(-1)).toEqual([[[1], [''], [3]]]);
    sheet.getRange('C1').setFormula('=DOUBLE(A1)');
    expect(sheet.getRange('C1').getValue()).toBe(2);
    sheet.getRange('D1').setFormula('=ECHO(A2, "x", 2, A1:A1)');
    expect(sheet.getRange('D1').getValue()).toBe('["","x",2,1]');
    sheet.getRange('E1').setFormula('=DOUBLE("bad")');
    expect(sheet.getRange('E1').getValue()).toBe('#ERROR!');
    expect((sheet.getRange('E1') as unknown as WithMessage)._errorMessage()).toBe('DOUBLE: not a number: "bad"');
    // A change to an input recomputes the spill.
    sheet.getRange('A2').setValue(5);
    expect(sheet.getRange('B2').getValue()).toBe(10);
    // An open-ended range spills to the sheet's end.
    sheet.getRange('F1').setFormula('=DOUBLE(A1:A)');
    expect(sheet.getRange('F1:F3').getValues()).toEqual([[2], [10], [6]]);
  });

  it('gives Dates to custom functions and custom functions run without authorization', () => {
    const { emu, sheet } = setup();
    const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    emu.registerCustomFunctions({
      KIND: (x: unknown) => Object.prototype.toString.call(x),
      SNEAKY: () => app.getActiveSpreadsheet().getName(),
    });
    sheet.getRange('A1').setValue(new Date('2027-01-15T00:00:00Z'));
    sheet.getRange('B1').setFormula('=KIND(A1)');
    expect(sheet.getRange('B1').getValue()).toBe('[object Date]');
    sheet.getRange('C1').setFormula('=SNEAKY()');
    expect(sheet.getRange('C1').getValue()).toBe('#ERROR!');
    expect(emu.env.authMode).toBe('FULL');
  });

  it('handles 10,000 rows of formulas', () => {
    const { emu, sheet } = setup();
    emu.registerCustomFunctions({
      SCORE: (s: unknown, t: unknown, c: unknown) => {
        const rows = s as unknown[][];
        return rows.map((_r, i) => [
          (Number((c as unknown[][])[i]?.[0]) - Number(rows[i]?.[0])) /
            (Number((t as unknown[][])[i]?.[0]) - Number(rows[i]?.[0])),
        ]);
      },
    });
    sheet.insertRowsAfter(1000, 9001);
    const data = Array.from({ length: 10_000 }, (_, i) => [0, 10, i % 11]);
    sheet.getRange(2, 1, 10_000, 3).setValues(data);
    sheet.getRange('D2').setFormula('=SCORE(A2:A, B2:B, C2:C)');
    sheet.getRange(2, 5, 10_000, 1).setFormulas(data.map((_, i) => [`=IF(C${i + 2}>5,"hi","lo")`]));
    const d = sheet.getRange(2, 4, 10_000, 2).getValues();
    expect(d[3]).toEqual([0.3, 'lo']);
    expect(d[9_998]).toEqual([1, 'hi']);
    sheet.getRange('C5').setValue(10);
    expect(sheet.getRange('D5:E5').getValues()).toEqual([[1, 'hi']]);
  });
});

describe('conditional formats, validation, metadata, sheets', () => {
  it('evaluates whenFormulaSatisfied relative to the range top-left', () => {
    const { emu, sheet } = setup();
    const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    sheet.getRange('A1:C1').setValues([[new Date('2027-02-01'), new Date('2027-02-08'), new Date('2027-02-15')]]);
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=AND(TODAY()>=A$1,TODAY()<A$1+7)')
      .setBackground('#FFF2CC')
      .setRanges([sheet.getRange('A2:C5')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const s = sheet as unknown as { _effectiveBackground(r: number, c: number): string };
    expect(s._effectiveBackground(3, 2)).toBe('#fff2cc');
    expect(s._effectiveBackground(3, 1)).toBe('#ffffff');
    expect(s._effectiveBackground(3, 3)).toBe('#ffffff');
    expect(sheet.getConditionalFormatRules()[0]?.getRanges()[0]?.getA1Notation()).toBe('A2:C5');
  });

  it('records data validation and checkboxes', () => {
    const { emu, sheet } = setup();
    const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const dv = app
      .newDataValidation()
      .requireValueInList(['Objective', 'Key Result'], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange('B2:B10').setDataValidation(dv);
    const got = sheet.getRange('B5').getDataValidation();
    expect(got?.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(got?.getCriteriaValues()).toEqual([['Objective', 'Key Result'], true]);
    expect(got?.getAllowInvalid()).toBe(false);
    expect(sheet.getRange('B11').getDataValidation()).toBeNull();
    sheet.getRange('C2:C3').insertCheckboxes();
    expect(sheet.getRange('C2:C3').getValues()).toEqual([[false], [false]]);
    expect(String(sheet.getRange('C2').getDataValidation()?.getCriteriaType())).toBe('CHECKBOX');
    sheet.getRange('B2:B10').clearDataValidations();
    expect(sheet.getRange('B5').getDataValidation()).toBeNull();
  });

  it('keeps developer metadata', () => {
    const { emu, sheet } = setup();
    const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    sheet.addDeveloperMetadata('okr-cascade:generated', 'Roll-up', app.DeveloperMetadataVisibility.PROJECT);
    const [md] = sheet.getDeveloperMetadata();
    expect(md?.getKey()).toBe('okr-cascade:generated');
    expect(md?.getValue()).toBe('Roll-up');
    expect(md?.getVisibility()).toBe(app.DeveloperMetadataVisibility.PROJECT);
    expect(emu.spreadsheet.createDeveloperMetadataFinder().withKey('okr-cascade:generated').find()).toHaveLength(1);
    md?.remove();
    expect(sheet.getDeveloperMetadata()).toHaveLength(0);
  });

  it('inserts, renames, copies and deletes sheets', () => {
    const { emu } = setup();
    const ss = emu.spreadsheet;
    const a = ss.insertSheet('Team OKRs');
    expect(() => ss.insertSheet('Team OKRs')).toThrow(
      'A sheet with the name "Team OKRs" already exists. Please enter another name.',
    );
    expect(ss.getActiveSheet().getName()).toBe('Team OKRs');
    a.getRange('A1').setValue(7);
    const s1 = ss.getSheetByName('Sheet1');
    s1?.getRange('A1').setFormula("='Team OKRs'!A1*2");
    a.setName('Teams');
    expect(s1?.getRange('A1').getFormula()).toBe('=Teams!A1*2');
    expect(s1?.getRange('A1').getValue()).toBe(14);
    const copy = a.copyTo(ss);
    expect(copy.getName()).toBe('Copy of Teams');
    expect(copy.getRange('A1').getValue()).toBe(7);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Teams', 'Copy of Teams']);
    ss.deleteSheet(a);
    expect(ss.getSheetByName('Teams')).toBeNull();
    expect(s1?.getRange('A1').getValue()).toBe('#REF!');
    const chart = copy
      .newChart()
      .asColumnChart()
      .addRange(copy.getRange('A1:B3'))
      .setPosition(2, 2, 0, 0)
      .setOption('title', 'T')
      .build();
    copy.insertChart(chart);
    expect((copy.getCharts()[0] as unknown as { _spec: { type: string; ranges: string[] } })._spec).toMatchObject({
      type: 'COLUMN',
      ranges: ["'Copy of Teams'!A1:B3"],
    });
  });
});

describe('custom functions on a sheet that is not the first', () => {
  it('spill their array results and show errors from another realm with their message', () => {
    const emu = createEmulator();
    const sheet = emu.spreadsheet.insertSheet('Second');
    emu.registerCustomFunctions({
      TRIPLE: (x: unknown) => (x as unknown[][]).map((row) => row.map((v) => Number(v) * 3)),
      FAIL: () => {
        throw vm.runInNewContext('new Error("FAIL: from the bundle realm")');
      },
    });
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=TRIPLE(A1:A3)');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[3], [6], [9]]);
    sheet.getRange('C1').setFormula('=FAIL()');
    expect((sheet.getRange('C1') as unknown as WithMessage)._errorMessage()).toBe('FAIL: from the bundle realm');
  });
});
