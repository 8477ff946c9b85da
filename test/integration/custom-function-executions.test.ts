/**
 * §6.1: every custom-function call site is a server execution in Sheets (and shows Loading...
 * meanwhile). The sample workbook's live formulas cost at most 15 executions for a full
 * recalculation and at most 6 for an edit of one Current, counted by the emulator per call site.
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { TAB } from '../../src/core/workbook/schema';

const NOW = new Date('2027-02-15T12:00:00Z');

/** The sample workbook once Sheets has calculated what Insert sample wrote (it reads nothing back itself). */
function sampleRuntime(): AddonRuntime {
  const rt = loadAddon({ now: () => NOW });
  rt.call('insertSampleOkrs');
  rt.emulator.customFunctions.recalculateAll();
  return rt;
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const sheetOf = (rt: AddonRuntime, tab: string) => rt.emulator.spreadsheet.getSheetByName(tab) as Sheet;

/** The cell of `header` on the row of `id`. */
function cellOf(rt: AddonRuntime, tab: string, id: string, header: string) {
  const sheet = sheetOf(rt, tab);
  const values = sheet.getDataRange().getValues();
  const row = values.findIndex((r) => r[0] === id) + 1;
  return sheet.getRange(row, (values[0] ?? []).indexOf(header) + 1);
}

/** Executions of the recalculations an edit causes (the edit is applied by the next read). */
function executionsOf(rt: AddonRuntime, edit: () => void, read: () => unknown): number {
  const mark = rt.emulator.customFunctions.recalculations.length;
  edit();
  read();
  return rt.emulator.customFunctions.executionsSince(mark);
}

describe('custom-function executions of the live formulas (SPEC §6.1)', () => {
  it('a full recalculation of the sample workbook costs at most 15', () => {
    const rt = sampleRuntime();
    const full = rt.emulator.customFunctions.recalculateAll();
    expect(full?.kind).toBe('full');
    expect(full?.executions).toBeLessThanOrEqual(15);
    // One call per custom function per live column: Score 2 × 3 tabs, Expected 1 × 3, KPI Progress 1, SMART 4.
    expect(full?.byFunction).toEqual({ OKRSCORE: 3, OKRROLLUP: 4, OKREXPECTED: 4, KPIPROGRESS: 3 });
  });

  it('an edit of one Current costs at most 6, and the scores follow it', () => {
    const rt = sampleRuntime();
    const current = cellOf(rt, TAB.corporate, 'C-KR1', 'Current');
    const score = cellOf(rt, TAB.corporate, 'C-KR1', 'Score');
    expect(score.getValue()).toBeCloseTo(0.3, 12);
    const executions = executionsOf(
      rt,
      () => current.setValue(9_000_000),
      () => score.getValue(),
    );
    expect(score.getValue()).toBeCloseTo(0.5, 12);
    expect(executions).toBeLessThanOrEqual(6);
    // A KPI's Actual re-runs its Progress and SMART (which tells a blank row by every input).
    const actual = cellOf(rt, TAB.kpis, 'KPI-1', 'Actual');
    const progress = cellOf(rt, TAB.kpis, 'KPI-1', 'Progress');
    expect(
      executionsOf(
        rt,
        () => actual.setValue(900_000),
        () => progress.getValue(),
      ),
    ).toBeLessThanOrEqual(6);
    expect(rt.emulator.customFunctions.recalculations.at(-1)?.byFunction).toEqual({
      KPIPROGRESS: 3,
      OKRROLLUP: 1,
      OKREXPECTED: 1,
    });
  });

  it('an edit of Settings’ thresholds re-runs no custom function (Status and In use are native)', () => {
    const rt = sampleRuntime();
    const settings = sheetOf(rt, TAB.settings);
    expect(
      executionsOf(
        rt,
        () => settings.getRange('B6').setValue(0.8),
        () => sheetOf(rt, TAB.corporate).getDataRange().getValues(),
      ),
    ).toBe(0);
  });
});
