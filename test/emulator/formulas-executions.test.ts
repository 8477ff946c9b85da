/**
 * Custom functions as Sheets runs them: each call site evaluated in a recalculation is one
 * execution on Google's servers (guide "Custom functions in Google Sheets"), and its cell reads
 * `Loading...` while it runs. Plus the Sheets functions the emulator adds to HyperFormula.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../local/emulator/index.js';
import { OKR_SCHEMA, type OkrColumn } from '../../src/core/workbook/schema.js';
import { OKRROLLUP, OKRSCORE } from '../../src/functions/index.js';
import { okrScoreFormula } from '../../src/sheets/live-formulas.js';

function setup() {
  const emu = createEmulator({ now: () => new Date('2027-02-10T12:00:00Z') });
  const sheet = emu.spreadsheet.getActiveSheet();
  emu.registerCustomFunctions({
    DOUBLE: (x: unknown) =>
      Array.isArray(x) ? x.map((row: unknown[]) => row.map((v) => (v === '' ? '' : Number(v) * 2))) : Number(x) * 2,
    KIND: (x: unknown) => Object.prototype.toString.call(x),
  });
  return { emu, sheet };
}

describe('custom-function executions', () => {
  it('counts every call site once per recalculation, without deduplicating identical calls', () => {
    const { emu, sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=ARRAYFORMULA(DOUBLE(A1:A3))');
    sheet.getRange('C1').setFormula('=DOUBLE(A1)+DOUBLE(A1)');
    sheet.getRange('D1').setFormula('=SUM(B1:B3)');
    expect(sheet.getRange('B1:D3').getValues()[0]).toEqual([2, 4, 12]);
    const full = emu.customFunctions.recalculations.at(-1);
    // B1's call (spilled: learned size, entered twice by the emulator, still one execution), C1's two.
    expect(full?.executions).toBe(3);
    expect(full?.byFunction).toEqual({ DOUBLE: 3 });
    const mark = emu.customFunctions.recalculations.length;
    sheet.getRange('A3').setValue(10);
    expect(sheet.getRange('D1').getValue()).toBe(26);
    // Only B1 depends on A3: one execution.
    expect(emu.customFunctions.executionsSince(mark)).toBe(1);
    expect(emu.customFunctions.recalculations.at(-1)?.kind).toBe('edit');
    sheet.getRange('A1').setValue(5);
    expect(sheet.getRange('C1').getValue()).toBe(20);
    expect(emu.customFunctions.executionsSince(mark)).toBe(1 + 3);
  });

  it('an edit does not re-run a custom function that depends on TODAY; the next day does', () => {
    let now = new Date('2027-02-10T12:00:00Z');
    const emu = createEmulator({ now: () => now });
    const sheet = emu.spreadsheet.getActiveSheet();
    emu.registerCustomFunctions({ KIND: (x: unknown) => Object.prototype.toString.call(x) });
    sheet.getRange('A1').setFormula('=TODAY()');
    sheet.getRange('B1').setFormula('=KIND(A1)');
    sheet.getRange('C1').setFormula('=A1+1');
    expect(sheet.getRange('B1').getValue()).toBe('[object Date]');
    const mark = emu.customFunctions.recalculations.length;
    sheet.getRange('D1').setValue(5);
    now = new Date('2027-02-10T18:00:00Z');
    expect(sheet.getRange('B1:D1').getValues()[0]?.[2]).toBe(5);
    expect(emu.customFunctions.executionsSince(mark)).toBe(0);
    now = new Date('2027-02-11T09:00:00Z');
    expect(sheet.getRange('C1').getValue()).toEqual(new Date('2027-02-12T00:00:00Z'));
    expect(emu.customFunctions.executionsSince(mark)).toBe(1);
  });

  it('pending mode: a custom function cell reads Loading... and its spill is blank until settled', () => {
    const { emu, sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=ARRAYFORMULA(DOUBLE(A1:A3))');
    sheet.getRange('C1').setFormula('=A1*3');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[2], [4], [6]]);
    emu.customFunctions.setPending(true);
    sheet.getRange('A2').setValue(7);
    expect(sheet.getRange('B1:C3').getValues()).toEqual([
      ['Loading...', 3],
      ['', ''],
      ['', ''],
    ]);
    expect(sheet.getRange('B1').getDisplayValue()).toBe('Loading...');
    emu.customFunctions.settle();
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[2], [14], [6]]);
    // A copied sheet recalculates its custom functions: Loading... again.
    const copy = sheet.copyTo(emu.spreadsheet);
    expect(copy.getRange('B1').getValue()).toBe('Loading...');
    emu.customFunctions.settle();
    expect(copy.getRange('B2').getValue()).toBe(14);
  });
});

describe('Sheets functions HyperFormula lacks or reads differently', () => {
  it('LET binds names, later values seeing earlier ones', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(4);
    sheet.getRange('B1').setFormula('=LET(x, A1*2, y, x+1, IF("s,(x"="", 0, x*y))');
    sheet.getRange('B2').setFormula('=LET(total, SUM(A1:A1), IF(total>3, "big", "small"))');
    expect(sheet.getRange('B1:B2').getValues()).toEqual([[72], ['big']]);
    // The text stored is the text written.
    expect(sheet.getRange('B2').getFormula()).toBe('=LET(total, SUM(A1:A1), IF(total>3, "big", "small"))');
  });

  it('INT rounds down, as Sheets does', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setFormula('=INT(-1.5)');
    sheet.getRange('A2').setFormula('=INT(2.7)');
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[-2], [2]]);
  });

  it('TO_PURE_NUMBER hands a custom function a serial where the cell holds a date', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(new Date('2027-01-15T00:00:00Z'));
    sheet.getRange('B1').setFormula('=KIND(A1)');
    sheet.getRange('B2').setFormula('=KIND(TO_PURE_NUMBER(A1))');
    sheet.getRange('B3').setFormula('=TO_PURE_NUMBER(A1)');
    sheet.getRange('B4').setFormula('=TO_PURE_NUMBER("x")');
    expect(sheet.getRange('B1:B4').getValues()).toEqual([['[object Date]'], ['[object Number]'], [46402], ['x']]);
  });

  it('DATEVALUE reads ISO dates', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setFormula('=DATEVALUE("2027-01-15")=46402');
    sheet.getRange('A2').setFormula('=ISERROR(DATEVALUE("not a date"))');
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[true], [true]]);
  });
});

describe('custom-function executions when a first build must learn spill sizes', () => {
  it('counts each call site once, though the emulator builds again to learn the sizes', () => {
    // The add-on's Score formula on two tabs, each reading both: HyperFormula learns what
    // OKRROLLUP and OKRSCORE spill only by running them, and starts the build over.
    const emu = createEmulator({ now: () => new Date('2027-02-10T12:00:00Z') });
    emu.registerCustomFunctions({ OKRSCORE: OKRSCORE as never, OKRROLLUP: OKRROLLUP as never });
    const columns = Object.fromEntries(OKR_SCHEMA.columns.map((c, i) => [c.key, i])) as Record<OkrColumn, number>;
    const first = emu.spreadsheet.getActiveSheet();
    const second = emu.spreadsheet.insertSheet('Team');
    const tabs = [
      { name: first.getName(), columns },
      { name: 'Team', columns },
    ];
    [first, second].forEach((sheet, i) => {
      const row = (cells: Partial<Record<OkrColumn, unknown>>) => OKR_SCHEMA.columns.map((c) => cells[c.key] ?? '');
      sheet.getRange(1, 1, 3, OKR_SCHEMA.columns.length).setValues([
        OKR_SCHEMA.columns.map((c) => c.header),
        row({ id: `O${i}`, type: 'Objective' }),
        row({
          id: `K${i}`,
          type: 'Key Result',
          parentId: `O${i}`,
          metricType: 'increase',
          start: 0,
          target: 10,
          current: 5,
        }),
      ]);
      sheet.getRange(1, columns.score + 1).setFormula(okrScoreFormula(tabs, i));
    });
    const full = emu.customFunctions.recalculateAll();
    expect(full?.byFunction).toEqual({ OKRROLLUP: 2, OKRSCORE: 2 });
    expect(second.getRange(2, columns.score + 1, 2, 1).getValues()).toEqual([[0.5], [0.5]]);
  });
});
