/**
 * Reads and writes in batches (§6.1): one read per tab, one write per block of
 * cells. Nothing here writes a single cell in a loop.
 */
import { serialDatesInPlace } from './dates';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * A tab's whole used range in one call, Dates as serials in the spreadsheet's zone; undefined if
 * there is no such tab. With the sheets already listed (generated.ts indexSheets), the tab is
 * taken from them rather than asked for again.
 */
export function readGrid(
  ss: Spreadsheet,
  tab: string,
  timeZone: string,
  byName?: ReadonlyMap<string, Sheet>,
): unknown[][] | undefined {
  const sheet = byName === undefined ? ss.getSheetByName(tab) : byName.get(tab.toLowerCase());
  if (!sheet) return undefined;
  return serialDatesInPlace(sheet.getDataRange().getValues(), timeZone);
}

/**
 * §6.2: text written on a user's behalf that starts with `=`, `+`, `-` or `@`
 * is stored as text, not run as a formula (the leading apostrophe is Sheets'
 * own "this is text" marker and does not show).
 */
export function asText(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/** One setValues for a rectangular block starting at (row, column), 1-based. No-op for no rows. */
export function writeBlock(sheet: Sheet, row: number, column: number, values: unknown[][]): void {
  const width = values[0]?.length ?? 0;
  if (values.length === 0 || width === 0) return;
  sheet.getRange(row, column, values.length, width).setValues(values);
}

/** One setValues for a single column, from `row` down (1-based row and column). */
export function writeColumn(sheet: Sheet, row: number, column: number, values: readonly unknown[]): void {
  writeBlock(
    sheet,
    row,
    column,
    values.map((v) => [v]),
  );
}

/** Makes sure the sheet has at least `rows` rows and `columns` columns before a large write. */
export function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}
