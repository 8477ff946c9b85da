import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../local/emulator/index.js';

type SA = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function setup(opts: Parameters<typeof createEmulator>[0] = {}) {
  const emu = createEmulator({ now: () => new Date('2027-02-10T12:00:00Z'), ...opts });
  const app = emu.globals.SpreadsheetApp as SA;
  const ss = emu.spreadsheet;
  const sheet = ss.getActiveSheet();
  return { emu, app, ss, sheet };
}

describe('ranges and values', () => {
  it('is 1-based, reads empties as "", returns fresh rectangular arrays', () => {
    const { sheet } = setup();
    sheet.getRange(2, 3).setValue(5);
    expect(sheet.getRange('C2').getValue()).toBe(5);
    const v = sheet.getRange(1, 1, 2, 3).getValues();
    expect(v).toEqual([
      ['', '', ''],
      ['', '', 5],
    ]);
    (v[0] as unknown[])[0] = 'x';
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getLastColumn()).toBe(3);
  });

  it('rejects mismatched setValues with Apps Script messages', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 3, 1).setValues([[1], [2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() => sheet.getRange(1, 1, 1, 3).setValues([[1, 2]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
  });

  it('turns = strings into formulas and keeps apostrophe text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[2, 3, '=A1*B1']]);
    expect(sheet.getRange('C1').getValue()).toBe(6);
    expect(sheet.getRange('C1').getFormula()).toBe('=A1*B1');
    sheet.getRange('D1').setValue("'=not a formula");
    expect(sheet.getRange('D1').getValue()).toBe('=not a formula');
    expect(sheet.getRange('D1').getFormula()).toBe('');
    sheet.getRange('E1').setValue('42');
    expect(sheet.getRange('E1').getValue()).toBe(42);
  });

  it('resolves open-ended ranges in A1 and in formulas', () => {
    const { sheet, ss } = setup();
    expect(sheet.getRange('A2:A').getNumRows()).toBe(999);
    expect(sheet.getRange('A2:C').getA1Notation()).toBe('A2:C1000');
    const team = ss.insertSheet('Team OKRs');
    team.getRange('C2:C4').setValues([[1], [2], [3]]);
    sheet.getRange('A1').setFormula("=SUM('Team OKRs'!C2:C)");
    expect(sheet.getRange('A1').getValue()).toBe(6);
    sheet.getRange('B1').setFormula('=SUM({1;2;3})');
    expect(sheet.getRange('B1').getValue()).toBe(6);
  });

  it('throws beyond the sheet, grows with insertRowsAfter', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    sheet.insertRowsAfter(1000, 10);
    expect(sheet.getMaxRows()).toBe(1010);
    sheet.getRange(1005, 1).setValue('x');
    expect(() => sheet.deleteRows(1005, 10)).toThrow('Those rows are out of bounds.');
    sheet.getRange('A2').setValue('row2');
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getRange('A3').getValue()).toBe('row2');
    sheet.deleteRow(1);
    expect(sheet.getRange('A2').getValue()).toBe('row2');
  });

  it('counts calls and refuses unimplemented methods and AuthMode.NONE', () => {
    const { emu, sheet, app } = setup();
    emu.calls.reset();
    sheet.getRange('A1:B1').setValues([[1, 2]]);
    expect(emu.calls.count('Range.setValues')).toBe(1);
    expect(emu.calls.count('Sheet.getRange')).toBe(1);
    const r = sheet.getRange('A1') as unknown as { foo(): void };
    expect(() => r.foo()).toThrow('Emulator: Range.foo is not implemented');
    emu.env.authMode = 'NONE';
    expect(() => app.getActiveSpreadsheet()).toThrow(/AuthMode.NONE/);
    expect(() => app.getUi()).not.toThrow();
  });

  it('formats display values', () => {
    const { sheet } = setup({ timeZone: 'America/Los_Angeles' });
    const cases: [unknown, string, string][] = [
      [1234.5, '#,##0.00', '1,234.50'],
      [1234.5, '#,##0', '1,235'],
      [0.456, '0%', '46%'],
      [0.456, '0.0%', '45.6%'],
      [3, '0.00', '3.00'],
      [2.25, '0.0', '2.3'],
      [1200, '"$"#,##0', '$1,200'],
      [new Date('2027-01-15T20:30:00Z'), 'yyyy-mm-dd', '2027-01-15'],
      [new Date('2027-01-15T20:30:00Z'), 'yyyy-mm-dd hh:mm', '2027-01-15 12:30'],
      ['text', '@', 'text'],
      [0.1 + 0.2, 'General', '0.3'],
    ];
    for (const [value, fmt, shown] of cases) {
      const r = sheet.getRange('A1');
      r.setNumberFormat(fmt);
      r.setValue(value);
      expect(r.getDisplayValue()).toBe(shown);
    }
  });

  it('round-trips dates in the spreadsheet time zone', () => {
    for (const tz of ['Pacific/Auckland', 'America/Los_Angeles']) {
      const { sheet, emu } = setup({ timeZone: tz });
      class OtherDate extends Date {}
      emu.setRealm({ Date: OtherDate as unknown as DateConstructor });
      const d = new Date('2027-03-01T11:00:00Z');
      sheet.getRange('A1').setValue(d);
      sheet.getRange('B1').setFormula('=A1+7');
      sheet.getRange('C1').setFormula('=DATE(2027,1,15)');
      const a = sheet.getRange('A1').getValue() as Date;
      expect(a).toBeInstanceOf(OtherDate);
      expect(a.getTime()).toBe(d.getTime());
      expect((sheet.getRange('B1').getValue() as Date).getTime()).toBe(d.getTime() + 7 * 86_400_000);
      const c = sheet.getRange('C1').getValue() as Date;
      expect(c).toBeInstanceOf(OtherDate);
      sheet.getRange('D1').setNumberFormat('yyyy-mm-dd');
      sheet.getRange('D1').setFormula('=C1');
      expect(sheet.getRange('D1').getDisplayValue()).toBe('2027-01-15');
    }
  });

  it('TODAY and NOW follow the emulator clock in its time zone', () => {
    let now = new Date('2027-02-10T12:00:00Z');
    const { sheet } = setup({ timeZone: 'Pacific/Auckland', now: () => now });
    sheet.getRange('A1').setFormula('=TODAY()');
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2027-02-11');
    now = new Date('2027-03-01T00:00:00Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2027-03-01');
    sheet.getRange('B1').setFormula('=TEXT(TODAY(),"yyyy-mm-dd")');
    expect(sheet.getRange('B1').getValue()).toBe('2027-03-01');
  });

  it('evaluates the native functions the add-on writes', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B4').setValues([
      ['a', 1],
      ['b', 2],
      ['a', 3],
      ['', 4],
    ]);
    const f: [string, unknown][] = [
      ['=IF(B1>0,"pos","neg")', 'pos'],
      ['=IFERROR(1/0,"x")', 'x'],
      ['=IFS(B2=1,"one",B2=2,"two")', 'two'],
      ['=AND(TRUE,OR(FALSE,TRUE))', true],
      ['=ISBLANK(A4)', true],
      ['=LEN(TRIM("  ab "))', 2],
      ['=ROUND(2.345,2)', 2.35],
      ['=SUMPRODUCT(B1:B4,B1:B4)', 30],
      ['=COUNTIF(A1:A4,"a")', 2],
      ['=COUNTIFS(A1:A4,"a",B1:B4,">1")', 1],
      ['=AVERAGEIF(A1:A4,"a",B1:B4)', 2],
      ['=INDEX(B1:B4,MATCH("b",A1:A4,0))', 2],
      ['=VLOOKUP("b",A1:B4,2,FALSE)', 2],
      ['=REPT("█",3)', '███'],
      ['=MIN(B1:B4)+MAX(B1:B4)', 5],
    ];
    f.forEach(([formula, expected], i) => {
      sheet.getRange(i + 1, 5).setFormula(formula);
      expect(sheet.getRange(i + 1, 5).getValue(), formula).toEqual(expected);
    });
    sheet.getRange('F1').setFormula('=ARRAYFORMULA(B1:B4*10)');
    expect(sheet.getRange('F1:F4').getValues()).toEqual([[10], [20], [30], [40]]);
  });

  it('names unsupported syntax in the error', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1');
    range.setFormula('=NOPE(1)');
    expect(range.getValue()).toBe('#NAME?');
    expect((range as unknown as { _errorMessage(): string })._errorMessage()).toMatch(/NOPE/);
    range.setFormula('=SUM(1');
    expect(range.getValue()).toBe('#ERROR!');
    expect((range as unknown as { _errorMessage(): string })._errorMessage()).toMatch(/parse/i);
  });
});
