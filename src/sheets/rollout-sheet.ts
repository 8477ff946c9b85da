/**
 * Reads and writes the generated `Rollout Plan` sheet (SPEC §4.4) in a fixed number of calls.
 * The plan is written on a fresh sheet built aside and swapped in (§6.3), so a failed call
 * leaves the previous plan as it was.
 */
import { NEW_SHEET_SIZE } from './generated';
import { type ExistingPlanResult, readExistingPlan } from './rollout/existing';
import { COLUMN, FIRST_DATA_ROW, HEADER_ROW, type PlanLayout, TITLE_ROW, WEEK_ROW } from './rollout/layout';
import { planRules } from './rollout/rules';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ReadPlanSheet {
  readonly result: ExistingPlanResult;
  /** The extent of what is on the sheet now, to blank what the new plan no longer covers. */
  readonly rows: number;
  readonly columns: number;
}

/** One range, read three ways: values, what the user sees, and formulas (kept in rows the user added). */
export function readRolloutSheet(sheet: Sheet): ReadPlanSheet {
  const range = sheet.getDataRange();
  return readRolloutGrids(range.getValues(), range.getDisplayValues(), range.getFormulas());
}

export function readRolloutGrids(values: unknown[][], display: string[][], formulas: string[][]): ReadPlanSheet {
  return {
    result: readExistingPlan(values, display, formulas),
    rows: values.length,
    columns: values[0]?.length ?? 0,
  };
}

const WIDTHS: ReadonlyArray<readonly [column: number, width: number]> = [
  [1, 190], // Phase
  [2, 55], // Month
  [3, 65], // Week(s)
  [COLUMN.start, 90],
  [COLUMN.end, 90],
  [COLUMN.activity, 380],
  [7, 90], // Level
  [COLUMN.unit, 140],
  [COLUMN.owner, 140],
  [COLUMN.deliverable, 230],
  [COLUMN.done, 50],
  [COLUMN.notes, 230],
];
const WEEK_WIDTH = 42;

const padded = <T>(grid: T[][], rows: number, columns: number, fill: T): T[][] =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => grid[r]?.[c] ?? fill));

/** Writes the plan on a fresh sheet built aside (generated.ts), one call per property. */
export function writeRolloutSheet(sheet: Sheet, layout: PlanLayout): void {
  const rows = layout.values.length;
  const columns = layout.width;
  // A fresh sheet's size is known: reading it after a write would cost a round trip (§6.1).
  if (rows > NEW_SHEET_SIZE.maxRows) sheet.insertRowsAfter(NEW_SHEET_SIZE.maxRows, rows - NEW_SHEET_SIZE.maxRows);
  if (columns > NEW_SHEET_SIZE.maxColumns) {
    sheet.insertColumnsAfter(NEW_SHEET_SIZE.maxColumns, columns - NEW_SHEET_SIZE.maxColumns);
  }

  const region = sheet.getRange(1, 1, rows, columns);
  const checkbox = SpreadsheetApp.newDataValidation().requireCheckbox().setAllowInvalid(false).build();
  const validations = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) =>
      c + 1 === COLUMN.done && layout.checkboxes[r + 1 - FIRST_DATA_ROW] === true ? checkbox : null,
    ),
  );
  region.setDataValidations(validations);
  region.setValues(padded(layout.values, rows, columns, '' as unknown));
  region.setBackgrounds(padded(layout.backgrounds, rows, columns, null));
  region.setFontColors(padded(layout.fontColors, rows, columns, null) as string[][]);
  region.setFontWeights(padded<'bold' | 'normal'>(layout.fontWeights, rows, columns, 'normal'));
  region.setWraps(padded(layout.wraps, rows, columns, false));

  const dataRows = Math.max(layout.dataRows, 1);
  sheet.getRange(FIRST_DATA_ROW, COLUMN.start, dataRows, 2).setNumberFormat('yyyy-mm-dd');
  sheet.getRange(WEEK_ROW, COLUMN.firstWeek, 1, COLUMN.lastWeek - COLUMN.firstWeek + 1).setNumberFormat('d mmm');
  sheet.getRange(FIRST_DATA_ROW, 1, dataRows, layout.width).setVerticalAlignment('top');
  sheet.getRange(WEEK_ROW, COLUMN.notes).setHorizontalAlignment('right');
  sheet.getRange(TITLE_ROW, 1).setFontSize(14);

  sheet.setFrozenRows(HEADER_ROW);
  for (const [column, width] of WIDTHS) sheet.setColumnWidth(column, width);
  sheet.setColumnWidths(COLUMN.firstWeek, COLUMN.lastWeek - COLUMN.firstWeek + 1, WEEK_WIDTH);
  sheet.hideColumns(COLUMN.key);
  sheet.setConditionalFormatRules(planRules(sheet, layout.dataRows));
}
