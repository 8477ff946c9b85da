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
import { columnRuns } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A block of formats: 1-based row and column, its size, and its formats row by row. */
export interface FormatBlock {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
  readonly formats: string[][];
}

/**
 * One format per row from 1-based `firstRow` in the 0-based `columns`, as one block per run of
 * adjacent columns: every measured column of a row shows the row's unit.
 */
export function measureFormatBlocks(
  columns: readonly number[],
  formats: readonly string[],
  firstRow = 2,
): FormatBlock[] {
  if (formats.length === 0) return [];
  return columnRuns(columns).map((run) => ({
    row: firstRow,
    column: run.first + 1,
    numRows: formats.length,
    numColumns: run.width,
    formats: formats.map((format) => new Array<string>(run.width).fill(format)),
  }));
}

/** Writes measureFormatBlocks: one setNumberFormats per run of adjacent columns. */
export function writeMeasureFormats(
  sheet: Sheet,
  columns: readonly number[],
  formats: readonly string[],
  firstRow = 2,
): void {
  for (const block of measureFormatBlocks(columns, formats, firstRow)) {
    sheet.getRange(block.row, block.column, block.numRows, block.numColumns).setNumberFormats(block.formats);
  }
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
