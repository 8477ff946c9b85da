/**
 * Which measure cells hold a formula (core/workbook/by-formula.ts), for the actions that judge
 * staleness. Only Current's (Actual's) column is read, one getFormulas per tab, after the values
 * told where it is: the tab's other formulas are of no use here, and a whole tab's would cost
 * as much again as its values at 50,000 rows. Reads only, before any write: no round trip.
 */
import {
  type FormulaRows,
  MEASURED_TABS,
  type MeasuredGrid,
  measureColumn,
  rowsWithFormula,
} from '../core/workbook/by-formula';
import type { WorkbookGrids } from '../core/workbook/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function readFormulaRows(grids: WorkbookGrids, byName: ReadonlyMap<string, Sheet>): FormulaRows {
  const found: Partial<Record<MeasuredGrid, ReadonlySet<number>>> = {};
  for (const key of Object.keys(MEASURED_TABS) as MeasuredGrid[]) {
    const grid = grids[key];
    // Row 1 is the header: a tab without data rows has nothing to check in.
    if (grid === undefined || grid.length < 2) continue;
    const column = measureColumn(key, grid[0] ?? []);
    const sheet = byName.get(MEASURED_TABS[key].toLowerCase());
    if (column === undefined || sheet === undefined) continue;
    const formulas = sheet.getRange(2, column + 1, grid.length - 1, 1).getFormulas();
    const rows = rowsWithFormula(formulas, 2);
    if (rows.size > 0) found[key] = rows;
  }
  return found;
}
