/**
 * A new spreadsheet comes with one empty "Sheet1". When the add-on fills such a
 * workbook (Insert sample OKRs), that sheet would stay first in the tab order, in
 * front of the OKR tabs, holding nothing: it is removed — only when it is the only
 * sheet, holds no cell, and carries no developer metadata (nobody, the add-on
 * included, marked it as theirs).
 */
import { TAB } from '../core/workbook/schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const OURS: ReadonlySet<string> = new Set(Object.values(TAB));

/** The spreadsheet's only sheet when it is empty and unmarked, read before anything is added. */
export function emptyOnlySheet(ss: Spreadsheet): Sheet | undefined {
  const sheets = ss.getSheets();
  const only = sheets.length === 1 ? sheets[0] : undefined;
  if (only === undefined || OURS.has(only.getName())) return undefined;
  if (only.getLastRow() > 0 || only.getLastColumn() > 0) return undefined;
  if (only.getDeveloperMetadata().length > 0 || only.getCharts().length > 0) return undefined;
  return only;
}

/**
 * Deletes the empty sheet, called once the add-on's tabs exist beside it (Sheets refuses to
 * delete a spreadsheet's last sheet).
 */
export function removeEmptySheet(ss: Spreadsheet, sheet: Sheet | undefined): void {
  if (sheet !== undefined) ss.deleteSheet(sheet);
}
