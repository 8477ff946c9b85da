/**
 * Shared helpers for integration tests: fill the emulated spreadsheet with a
 * workbook (as a user or an import would), and take a snapshot of every cell
 * to prove an action lost nothing.
 */

import type { AddonRuntime } from '../../local/runtime';
import { columnLetter } from '../../src/core/workbook/a1';
import { sampleWorkbook } from '../../src/core/workbook/sample';
import { HISTORY_SCHEMA, headerRow, OKR_SCHEMA, TAB } from '../../src/core/workbook/schema';
import { defaultSettingsRows } from '../../src/core/workbook/settings';
import type { WorkbookGrids } from '../../src/core/workbook/workbook';
import { todaySerial } from '../../src/sheets/dates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const TAB_OF_GRID: Readonly<Record<keyof WorkbookGrids, string>> = {
  corporate: TAB.corporate,
  department: TAB.department,
  team: TAB.team,
  kpis: TAB.kpis,
  settings: TAB.settings,
  checkIns: TAB.checkIns,
  history: TAB.history,
};

/** Writes grids as tabs (creating them), like a user typing or pasting; resets the call counters. */
export function writeGrids(
  rt: AddonRuntime,
  grids: Partial<Record<keyof WorkbookGrids, readonly (readonly unknown[])[]>>,
): void {
  const ss = rt.emulator.spreadsheet;
  for (const [key, grid] of Object.entries(grids)) {
    if (!grid || grid.length === 0) continue;
    const name = TAB_OF_GRID[key as keyof WorkbookGrids];
    const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name);
    const width = Math.max(...grid.map((r) => r.length));
    const rows = grid.map((r) => [...r, ...Array(width - r.length).fill('')]);
    if (sheet.getMaxRows() < rows.length) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
    if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    sheet.getRange(1, 1, rows.length, width).setValues(rows);
  }
  rt.emulator.calls.reset();
}

/** Today in the emulated spreadsheet's zone, as a Sheets serial (what the add-on uses as as-of). */
export function emulatedToday(rt: AddonRuntime): number {
  return todaySerial(rt.emulator.env.timeZone, rt.emulator.env.now());
}

/** The sample company's tabs, written into the emulated spreadsheet as raw input cells. */
export function writeSampleWorkbook(rt: AddonRuntime): Required<WorkbookGrids> {
  const grids = sampleWorkbook(emulatedToday(rt));
  writeGrids(rt, grids);
  return grids;
}

export interface CellSnapshot {
  [tab: string]: { values: unknown[][]; formulas: string[][] };
}

/** Every cell's value and formula on the given tabs (all tabs when omitted). */
export function snapshotCells(ss: Spreadsheet, tabs?: readonly string[]): CellSnapshot {
  const out: CellSnapshot = {};
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (tabs && !tabs.includes(name)) continue;
    const range = sheet.getDataRange();
    out[name] = {
      values: range
        .getValues()
        .map((r) =>
          r.map((v) => (Object.prototype.toString.call(v) === '[object Date]' ? `date:${(v as Date).getTime()}` : v)),
        ),
      formulas: range.getFormulas(),
    };
  }
  return out;
}

/** Keeps only the given columns (0-based) of every row, e.g. the user-owned ones. */
export function pickColumns(grid: unknown[][], columns: readonly number[]): unknown[][] {
  return grid.map((row) => columns.map((c) => row[c]));
}

/**
 * A workbook of `n` OKR rows for size tests: objective + 2 key results per group, a
 * tenth of the groups corporate, three tenths department (aligned to a corporate key
 * result), the rest team (aligned to a department key result); what n leaves over are
 * extra key results on the last team objective. `ownerless` leaves every seventh
 * objective without an Owner, so Validate has findings in proportion to n.
 */
export function generatedWorkbook(n: number, today: number, options: { ownerless?: boolean } = {}): WorkbookGrids {
  const groups = Math.floor(n / 3);
  const corporate = Math.max(1, Math.round(groups / 10));
  const department = Math.max(1, Math.round((groups * 3) / 10));
  const team = groups - corporate - department;
  const tab = (prefix: string, count: number, parent: (i: number) => string, unit: (i: number) => string) => {
    const rows: unknown[][] = [headerRow(OKR_SCHEMA)];
    for (let i = 0; i < count; i++) {
      const o = `${prefix}-O${i}`;
      const owner = options.ownerless && i % 7 === 0 ? '' : 'Owner';
      rows.push([o, 'Objective', parent(i), unit(i), `Objective ${o}`, owner]);
      rows.push([`${prefix}-KR${i}a`, 'Key Result', o, '', 'Measured', 'Owner', 'increase', 0, 100, i % 101]);
      rows.push([`${prefix}-KR${i}b`, 'Key Result', o, '', 'Scored by aligned objectives', 'Owner']);
    }
    return rows;
  };
  const extra = Array.from({ length: n - groups * 3 }, (_, k) => [
    `T-KRx${k}`,
    'Key Result',
    `T-O${team - 1}`,
    '',
    'Extra',
    'Owner',
    'increase',
    0,
    10,
    5,
  ]);
  return {
    corporate: tab(
      'C',
      corporate,
      () => '',
      () => 'Company',
    ),
    department: tab(
      'D',
      department,
      (i) => `C-KR${i % corporate}b`,
      (i) => `Dept ${i % 6}`,
    ),
    team: [
      ...tab(
        'T',
        team,
        (i) => `D-KR${i % department}b`,
        (i) => `Team ${i % 12}`,
      ),
      ...extra,
    ],
    settings: defaultSettingsRows(today, 'Generated Inc'),
    history: [headerRow(HISTORY_SCHEMA)],
  };
}

/** Every formula of the workbook that holds a #REF!, as `tab!A1`. */
export function brokenFormulas(rt: AddonRuntime): string[] {
  return rt.emulator.spreadsheet.getSheets().flatMap((sheet) =>
    sheet
      .getDataRange()
      .getFormulas()
      .flatMap((row, r) =>
        row.flatMap((f, c) => (f.includes('#REF!') ? [`${sheet.getName()}!${columnLetter(c)}${r + 1}`] : [])),
      ),
  );
}
