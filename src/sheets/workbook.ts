/**
 * The whole OKR workbook read once per action: each tab one getValues, then
 * everything else is core. Menu actions compute from these raw input cells,
 * never from formula results Sheets may still be calculating.
 */

import { CHECK_IN_SCHEMA, HISTORY_SCHEMA, TAB } from '../core/workbook/schema';
import { readWorkbook, type Workbook, type WorkbookGrids } from '../core/workbook/workbook';
import { todaySerial } from './dates';
import { indexSheets, type SheetsIndex } from './generated';
import { readGrid } from './io';
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
}

export function readWorkbookSheets(ss: Spreadsheet, timeZone: string): ReadWorkbook {
  const index = indexSheets(ss);
  const read = (tab: string) => readGrid(ss, tab, timeZone, index.byName);
  const history = readOwnLog(index, TAB.history, LOG_KIND.history, HISTORY_SCHEMA, timeZone);
  const checkIns = readOwnLog(index, TAB.checkIns, LOG_KIND.checkIns, CHECK_IN_SCHEMA, timeZone);
  return {
    grids: {
      corporate: read(TAB.corporate),
      department: read(TAB.department),
      team: read(TAB.team),
      kpis: read(TAB.kpis),
      settings: read(TAB.settings),
      checkIns: checkIns.grid,
      history: history.grid,
    },
    sheets: { index, history, checkIns },
  };
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

export function loadWorkbook(ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): LoadedWorkbook {
  const timeZone = ss.getSpreadsheetTimeZone();
  const { grids, sheets } = readWorkbookSheets(ss, timeZone);
  return { ss, timeZone, workbook: readWorkbook(grids, todaySerial(timeZone)), sheets };
}
