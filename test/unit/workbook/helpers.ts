import { toSheetsSerial } from '../../../src/core/rollout/calendar';
import { sampleWorkbook } from '../../../src/core/workbook/sample';
import type { Grid } from '../../../src/core/workbook/table';
import { readWorkbook, type Workbook, type WorkbookGrids } from '../../../src/core/workbook/workbook';

export type MutableGrid = unknown[][];

export const day = (year: number, month: number, d: number): number => toSheetsSerial({ year, month, day: d });

/** Mid-cycle: the sample's cycle is 2027 Q1, 2027-01-01 → 2027-03-31 (89 days apart). */
export const AS_OF = day(2027, 2, 15);

export function sample(asOf = AS_OF): { -readonly [K in keyof Required<WorkbookGrids>]: MutableGrid } {
  const grids = sampleWorkbook(asOf);
  const copy = (g: Grid): MutableGrid => g.map((row) => [...row]);
  return {
    corporate: copy(grids.corporate),
    department: copy(grids.department),
    team: copy(grids.team),
    kpis: copy(grids.kpis),
    settings: copy(grids.settings),
    checkIns: copy(grids.checkIns),
    history: copy(grids.history),
  };
}

export function read(grids: WorkbookGrids, asOf = AS_OF): Workbook {
  return readWorkbook(grids, asOf);
}

function columnOf(grid: MutableGrid, header: string): number {
  const i = (grid[0] ?? []).findIndex((h) => String(h).toLowerCase() === header.toLowerCase());
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
}

function rowOf(grid: MutableGrid, id: string): MutableGrid[number] {
  const row = grid.find((r, i) => i > 0 && r[columnOf(grid, 'ID')] === id);
  if (row === undefined) throw new Error(`no row ${id}`);
  return row;
}

export function setCell(grid: MutableGrid, id: string, header: string, value: unknown): void {
  rowOf(grid, id)[columnOf(grid, header)] = value;
}

/** Appends a row given by header → value. */
export function addRow(grid: MutableGrid, cells: Record<string, unknown>): void {
  const row = (grid[0] ?? []).map(() => '' as unknown);
  for (const [header, value] of Object.entries(cells)) row[columnOf(grid, header)] = value;
  grid.push(row);
}

export function renameHeader(grid: MutableGrid, from: string, to: string): void {
  (grid[0] as unknown[])[columnOf(grid, from)] = to;
}

/** Inserts a user column before `before`, filled with `value`. */
export function insertColumn(grid: MutableGrid, before: string, header: string, value: unknown): void {
  const at = columnOf(grid, before);
  grid.forEach((row, i) => {
    row.splice(at, 0, i === 0 ? header : value);
  });
}

export function removeColumn(grid: MutableGrid, header: string): void {
  const at = columnOf(grid, header);
  for (const row of grid) row.splice(at, 1);
}

export function scoreOf(workbook: Workbook, id: string): number | null | string {
  const s = workbook.scores.rows.find((r) => r.row.id === id);
  if (s === undefined) throw new Error(`no row ${id}`);
  return s.score.ok ? s.score.value : `error: ${s.score.error}`;
}

export function statusOf(workbook: Workbook, id: string): string | null {
  const s = workbook.scores.rows.find((r) => r.row.id === id);
  if (s === undefined) throw new Error(`no row ${id}`);
  return s.status.ok ? s.status.value : `error: ${s.status.error}`;
}
