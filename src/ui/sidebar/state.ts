/**
 * The workbook as the sidebar's server calls see it: every tab's grid read once
 * (§6.1), core's reading of it, and each OKR row's raw cells. A save patches the
 * grids in memory and reads them again, so validation and the reply see the
 * workbook exactly as it will be after the write, without reading it back.
 */
import type { OkrRow } from '../../core/workbook/okr-rows';
import { LEVELS, type Level, OKR_SCHEMA, OKR_TAB_OF_LEVEL, type OkrColumn, TAB } from '../../core/workbook/schema';
import { readTable } from '../../core/workbook/table';
import { readWorkbook, type Workbook, type WorkbookGrids } from '../../core/workbook/workbook';
import { todaySerial } from '../../sheets/dates';
import { readGrid } from '../../sheets/io';
import { readWorkbookSheets, type WorkbookSheets } from '../../sheets/workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type MutableGrids = { -readonly [K in keyof WorkbookGrids]: unknown[][] | undefined };

export const GRID_OF_LEVEL: Readonly<Record<Level, 'corporate' | 'department' | 'team'>> = {
  Corporate: 'corporate',
  Department: 'department',
  Team: 'team',
};

export interface SidebarState {
  readonly ss: Spreadsheet;
  readonly timeZone: string;
  readonly asOfDay: number;
  readonly grids: MutableGrids;
  readonly workbook: Workbook;
  /** The sheets as read and the add-on's own logs (loadState only). */
  readonly logs?: WorkbookSheets;
}

export function loadState(ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): SidebarState {
  const timeZone = ss.getSpreadsheetTimeZone();
  const read = readWorkbookSheets(ss, timeZone);
  const grids = read.grids as MutableGrids;
  const asOfDay = todaySerial(timeZone);
  return { ss, timeZone, asOfDay, grids, workbook: readWorkbook(grids, asOfDay), logs: read.sheets };
}

/**
 * For the calls that only show rows (opening, searching, a row's detail): the OKR tabs
 * and Settings. The KPIs and the logs, which grow every week, are not read.
 */
export function loadOkrState(ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): SidebarState {
  const timeZone = ss.getSpreadsheetTimeZone();
  const read = (tab: string) => readGrid(ss, tab, timeZone);
  const grids: MutableGrids = {
    corporate: read(TAB.corporate),
    department: read(TAB.department),
    team: read(TAB.team),
    settings: read(TAB.settings),
  };
  const asOfDay = todaySerial(timeZone);
  return { ss, timeZone, asOfDay, grids, workbook: readWorkbook(grids, asOfDay) };
}

/** A cell change in memory: tab grid, 1-based row, 0-based column. */
export interface GridPatch {
  readonly grid: keyof WorkbookGrids;
  readonly row: number;
  readonly column: number;
  readonly value: unknown;
}

/** The state after `patches`, re-read by core; the original grids are left as they were. */
export function patchedState(state: SidebarState, patches: readonly GridPatch[]): SidebarState {
  const grids: MutableGrids = { ...state.grids };
  const copied = new Set<keyof WorkbookGrids>();
  for (const { grid, row, column, value } of patches) {
    if (!copied.has(grid)) {
      grids[grid] = (grids[grid] ?? []).map((r) => [...r]);
      copied.add(grid);
    }
    const rows = grids[grid] as unknown[][];
    while (rows.length < row) rows.push([]);
    const cells = rows[row - 1] as unknown[];
    while (cells.length <= column) cells.push('');
    cells[column] = value;
  }
  return { ...state, grids, workbook: readWorkbook(grids, state.asOfDay) };
}

/** Each OKR row's raw cells by tab and row, as the live formulas read them. */
export function rawCellsOf(state: SidebarState, row: Pick<OkrRow, 'level' | 'row'>): Record<OkrColumn, unknown> {
  const table = state.workbook.okr.tables[row.level];
  const grid = state.grids[GRID_OF_LEVEL[row.level]] ?? [];
  const values = grid[row.row - 1] ?? [];
  const cells = {} as Record<OkrColumn, unknown>;
  for (const c of OKR_SCHEMA.columns) {
    const i = table.header.index[c.key];
    cells[c.key] = i === undefined ? '' : (values[i] ?? '');
  }
  return cells;
}

/** One raw cell of an OKR row ("" when the column is missing): rawCellsOf for a single column. */
export function rawCellOf(state: SidebarState, row: Pick<OkrRow, 'level' | 'row'>, column: OkrColumn): unknown {
  const i = state.workbook.okr.tables[row.level].header.index[column];
  return i === undefined ? '' : (state.grids[GRID_OF_LEVEL[row.level]]?.[row.row - 1]?.[i] ?? '');
}

/** The levels whose tab exists and has the columns needed to read it. */
export function usableLevels(state: SidebarState): Level[] {
  return LEVELS.filter((level) => {
    const grid = state.grids[GRID_OF_LEVEL[level]];
    return grid !== undefined && readTable(OKR_TAB_OF_LEVEL[level], grid.slice(0, 1), OKR_SCHEMA).header.usable;
  });
}

/** The last row holding OKR input on a level's tab (1 when there is none): new rows go below it. */
export function lastDataRow(state: SidebarState, level: Level): number {
  const rows = state.workbook.okr.tables[level].rows;
  return rows.length === 0 ? 1 : (rows[rows.length - 1] as { row: number }).row;
}
