/**
 * The whole OKR workbook read once per action: each tab one getValues, then
 * everything else is core. Menu actions compute from these raw input cells,
 * never from formula results Sheets may still be calculating. Actions that judge
 * staleness also read which Currents and Actuals are formulas (measure-formulas.ts).
 */

import type { FormulaRows } from '../core/workbook/by-formula';
import { CHECK_IN_SCHEMA, HISTORY_SCHEMA, TAB } from '../core/workbook/schema';
import { readWorkbook, type Workbook, type WorkbookGrids } from '../core/workbook/workbook';
import { todaySerial } from './dates';
import { indexSheets, type SheetsIndex } from './generated';
import { readGrid } from './io';
import { readFormulaRows } from './measure-formulas';
import { LOG_KIND, type OwnLog, readOwnLog } from './own-logs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The sheets as read, and the add-on's own logs found by their mark (§6.3). */
export interface WorkbookSheets {
  readonly index: SheetsIndex;
  readonly history: OwnLog;
  readonly checkIns: OwnLog;
}

export interface ReadWorkbook {
  readonly grids: WorkbookGrids;
  readonly sheets: WorkbookSheets;
  /** Read only when asked for (`formulas`); empty otherwise. */
  readonly formulaRows: FormulaRows;
}

export interface ReadOptions {
  /** Which Currents and Actuals are formulas: only for actions that judge staleness (one call per tab more). */
  readonly formulas?: boolean;
}

export function readWorkbookSheets(ss: Spreadsheet, timeZone: string, options: ReadOptions = {}): ReadWorkbook {
  const index = indexSheets(ss);
  const read = (tab: string) => readGrid(ss, tab, timeZone, index.byName);
  const history = readOwnLog(index, TAB.history, LOG_KIND.history, HISTORY_SCHEMA, timeZone);
  const checkIns = readOwnLog(index, TAB.checkIns, LOG_KIND.checkIns, CHECK_IN_SCHEMA, timeZone);
  const grids: WorkbookGrids = {
    corporate: read(TAB.corporate),
    department: read(TAB.department),
    team: read(TAB.team),
    kpis: read(TAB.kpis),
    settings: read(TAB.settings),
    checkIns: checkIns.grid,
    history: history.grid,
  };
  const formulaRows = options.formulas === true ? readFormulaRows(grids, index.byName) : {};
  return { grids, sheets: { index, history, checkIns }, formulaRows };
}

export function readWorkbookGrids(ss: Spreadsheet, timeZone: string): WorkbookGrids {
  return readWorkbookSheets(ss, timeZone).grids;
}

export interface LoadedWorkbook {
  readonly ss: Spreadsheet;
  readonly timeZone: string;
  readonly workbook: Workbook;
  readonly sheets: WorkbookSheets;
}

/** Build roll-up and Validate: both judge stale check-ins, so both read which measures are formulas. */
export function loadWorkbook(ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): LoadedWorkbook {
  const timeZone = ss.getSpreadsheetTimeZone();
  const { grids, sheets, formulaRows } = readWorkbookSheets(ss, timeZone, { formulas: true });
  return { ss, timeZone, workbook: readWorkbook(grids, todaySerial(timeZone), formulaRows), sheets };
}
