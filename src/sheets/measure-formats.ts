/**
 * §1.2 on the live tabs: each row's values (an OKR row's Start, Target and Current, a
 * KPI's Baseline, Target and Actual, a check-in's old and new value) get the number
 * format of its Unit of measure (core/workbook/measures.ts). Sheets cannot choose a
 * number format by a condition (conditional formats set colours and font styles only:
 * https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder),
 * so the add-on writes them where it writes rows, and Set up writes them for every row.
 * One setNumberFormats per run of adjacent value columns, whatever the row count (§6.1).
 */
import { numberFormatFor } from '../core/units';
import type { TabFormats } from '../core/workbook/measures';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sorted runs of adjacent 0-based columns. */
function runsOf(columns: readonly number[]): { first: number; width: number }[] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: { first: number; width: number }[] = [];
  for (const column of sorted) {
    const run = runs[runs.length - 1];
    if (run !== undefined && column === run.first + run.width) run.width++;
    else runs.push({ first: column, width: 1 });
  }
  return runs;
}

/**
 * Writes one format per row from 1-based `firstRow` into the 0-based `columns`: every
 * measured column of a row shows the row's unit.
 */
export function writeMeasureFormats(
  sheet: Sheet,
  columns: readonly number[],
  formats: readonly string[],
  firstRow = 2,
): void {
  if (formats.length === 0) return;
  for (const run of runsOf(columns)) {
    sheet
      .getRange(firstRow, run.first + 1, formats.length, run.width)
      .setNumberFormats(formats.map((format) => new Array<string>(run.width).fill(format)));
  }
}

/**
 * Formats computed from a grid in another column order (the sample's, in schema order)
 * written into the columns `index` gives the tab's values.
 */
export function writeFormatsAt<K extends string>(
  sheet: Sheet,
  tabFormats: TabFormats<K> | undefined,
  index: Readonly<Partial<Record<K, number>>>,
): void {
  if (tabFormats === undefined) return;
  const columns = tabFormats.keys.flatMap((key) => (index[key] === undefined ? [] : [index[key] as number]));
  writeMeasureFormats(sheet, columns, tabFormats.formats);
}

/** One row the add-on just wrote (a save, a check-in): its values in `uom`. */
export function writeRowMeasureFormat(
  sheet: Sheet,
  row: number,
  columns: readonly (number | undefined)[],
  uom: string,
  values: readonly unknown[],
): void {
  const present = columns.filter((c): c is number => c !== undefined);
  writeMeasureFormats(sheet, present, [numberFormatFor(uom, values)], row);
}
