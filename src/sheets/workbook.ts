/**
 * The whole OKR workbook read once per action: each tab one getValues, then
 * everything else is core. Menu actions compute from these raw input cells,
 * never from formula results Sheets may still be calculating.
 */

import { TAB } from '../core/workbook/schema';
import { readWorkbook, type Workbook, type WorkbookGrids } from '../core/workbook/workbook';
import { todaySerial } from './dates';
import { readGrid } from './io';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function readWorkbookGrids(ss: Spreadsheet, timeZone: string): WorkbookGrids {
  const read = (tab: string) => readGrid(ss, tab, timeZone);
  return {
    corporate: read(TAB.corporate),
    department: read(TAB.department),
    team: read(TAB.team),
    kpis: read(TAB.kpis),
    settings: read(TAB.settings),
    checkIns: read(TAB.checkIns),
    history: read(TAB.history),
  };
}

export interface LoadedWorkbook {
  readonly ss: Spreadsheet;
  readonly timeZone: string;
  readonly workbook: Workbook;
}

export function loadWorkbook(ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): LoadedWorkbook {
  const timeZone = ss.getSpreadsheetTimeZone();
  const workbook = readWorkbook(readWorkbookGrids(ss, timeZone), todaySerial(timeZone));
  return { ss, timeZone, workbook };
}
