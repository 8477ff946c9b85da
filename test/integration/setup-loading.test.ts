/**
 * Set up recognises its live formulas by their formula, not by what they show: while their
 * custom functions run they show `Loading...` (each call is an execution on Google's servers),
 * and a value typed in their way makes them show #REF!. Read by what they showed, Set up added
 * a second Score, Expected… column to every tab.
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { TAB } from '../../src/core/workbook/schema';
import { snapshotCells } from '../support/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const CLOCK = { now: () => new Date('2027-02-15T12:00:00Z'), timeZone: 'Europe/London' };
const widths = (rt: AddonRuntime) => rt.emulator.spreadsheet.getSheets().map((s) => [s.getName(), s.getLastColumn()]);

describe('Set up on live formulas that do not show their header', () => {
  it('while they are loading: nothing to change, no column added', () => {
    const rt = loadAddon(CLOCK);
    rt.call('insertSampleOkrs');
    const before = widths(rt);
    rt.emulator.customFunctions.setPending(true);
    rt.emulator.customFunctions.recalculateAll();
    const team = rt.emulator.spreadsheet.getSheetByName(TAB.team) as Sheet;
    expect(team.getRange('P1:Q1').getValues()[0]).toEqual(['Loading...', 'Loading...']);
    const cells = snapshotCells(rt.emulator.spreadsheet);
    rt.call('setUpWorkbook');
    expect(rt.emulator.uiState.alerts.at(-1)?.prompt).toBe(
      'The workbook was already set up: nothing needed to change.',
    );
    expect(widths(rt)).toEqual(before);
    expect(snapshotCells(rt.emulator.spreadsheet)).toEqual(cells);
  });

  it('stopped by a value typed in their way (#REF!): the value stays, no column added', () => {
    const rt = loadAddon(CLOCK);
    rt.call('insertSampleOkrs');
    const before = widths(rt);
    const team = rt.emulator.spreadsheet.getSheetByName(TAB.team) as Sheet;
    team.getRange('P40').setValue('mine');
    expect(team.getRange('P1').getDisplayValue()).toBe('#REF!');
    rt.call('setUpWorkbook');
    expect(widths(rt)).toEqual(before);
    expect(team.getRange('P40').getValue()).toBe('mine');
  });
});
