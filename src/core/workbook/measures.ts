/**
 * §1.2 the number format of every data row's values, from its Unit of measure: an
 * OKR row's Start, Target and Current, a KPI's Baseline, Target and Actual, a
 * check-in's old and new value (in the unit of the item it checks in). Pure: the
 * sheets side writes the formats into the columns the tab has.
 */
import { normalizeId } from '../rollup';
import { numberFormatFor } from '../units';
import {
  CHECK_IN_SCHEMA,
  type CheckInColumn,
  KPI_SCHEMA,
  type KpiColumn,
  mapHeaders,
  OKR_SCHEMA,
  type OkrColumn,
  TAB,
  type TableSchema,
} from './schema';
import type { Grid } from './table';
import { text } from './table';
import type { WorkbookGrids } from './workbook';

export const OKR_MEASURED: readonly OkrColumn[] = ['start', 'target', 'current'];
export const KPI_MEASURED: readonly KpiColumn[] = ['baseline', 'target', 'actual'];
export const CHECK_IN_MEASURED: readonly CheckInColumn[] = ['oldValue', 'newValue'];

/** One format per data row (sheet rows 2 … grid.length), for the tab's measured columns. */
export interface TabFormats<K extends string> {
  /** 0-based columns of the measured values the tab has. */
  readonly columns: readonly number[];
  readonly formats: readonly string[];
  readonly keys: readonly K[];
}

function formatsOf<K extends string>(
  tab: string,
  grid: Grid | undefined,
  schema: TableSchema<K>,
  measured: readonly K[],
  uomOf: (row: readonly unknown[], index: Readonly<Partial<Record<K, number>>>) => string,
): TabFormats<K> | undefined {
  if (grid === undefined || grid.length < 2) return undefined;
  const header = mapHeaders(tab, grid[0] ?? [], schema);
  if (!header.usable) return undefined;
  const index = header.index;
  const keys = measured.filter((k) => index[k] !== undefined);
  if (keys.length === 0) return undefined;
  const formats = grid.slice(1).map((row) =>
    numberFormatFor(
      uomOf(row, index),
      keys.map((k) => row[index[k] as number]),
    ),
  );
  return { columns: keys.map((k) => index[k] as number), formats, keys };
}

const own = (row: readonly unknown[], index: Readonly<Partial<Record<string, number>>>) =>
  index.uom === undefined ? '' : text(row[index.uom]);

/** By lower-cased name: the add-on finds its tabs whatever their case. */
const TYPED_TABS: ReadonlyMap<string, { schema: TableSchema<string>; measured: readonly string[] }> = new Map([
  [TAB.corporate.toLowerCase(), { schema: OKR_SCHEMA, measured: OKR_MEASURED }],
  [TAB.department.toLowerCase(), { schema: OKR_SCHEMA, measured: OKR_MEASURED }],
  [TAB.team.toLowerCase(), { schema: OKR_SCHEMA, measured: OKR_MEASURED }],
  [TAB.kpis.toLowerCase(), { schema: KPI_SCHEMA, measured: KPI_MEASURED }],
]);

/**
 * Rows typed straight into an OKR or KPI tab: `grid` is the tab's header row then those rows.
 * Undefined for any other tab, or when the edit (0-based columns `first`–`last`) touched
 * neither a measured value nor the Unit of measure.
 */
export function typedRowFormats(tab: string, grid: Grid, first: number, last: number): TabFormats<string> | undefined {
  const typed = TYPED_TABS.get(tab.toLowerCase());
  if (typed === undefined) return undefined;
  const formats = formatsOf(tab, grid, typed.schema, typed.measured, own);
  if (formats === undefined) return undefined;
  const uom = mapHeaders(tab, grid[0] ?? [], typed.schema).index.uom;
  const touched = [...formats.columns, ...(uom === undefined ? [] : [uom])].some((c) => c >= first && c <= last);
  return touched ? formats : undefined;
}

/** The OKR and KPI tabs whose values typed by hand get their unit's format. */
export function isTypedTab(tab: string): boolean {
  return TYPED_TABS.has(tab.toLowerCase());
}

/** The Unit of measure of every OKR and KPI ID (first row wins, as in the roll-up). */
export function unitsOfMeasureById(grids: WorkbookGrids): Map<string, string> {
  const units = new Map<string, string>();
  const add = (tab: string, grid: Grid | undefined, schema: TableSchema<'id' | 'uom'>) => {
    if (grid === undefined) return;
    const { index, usable } = mapHeaders(tab, grid[0] ?? [], schema);
    if (!usable || index.id === undefined || index.uom === undefined) return;
    for (const row of grid.slice(1)) {
      const key = normalizeId(text(row[index.id]));
      if (key !== '' && !units.has(key)) units.set(key, text(row[index.uom]));
    }
  };
  add(TAB.corporate, grids.corporate, OKR_SCHEMA as TableSchema<'id' | 'uom'>);
  add(TAB.department, grids.department, OKR_SCHEMA as TableSchema<'id' | 'uom'>);
  add(TAB.team, grids.team, OKR_SCHEMA as TableSchema<'id' | 'uom'>);
  add(TAB.kpis, grids.kpis, KPI_SCHEMA as TableSchema<'id' | 'uom'>);
  return units;
}

export interface WorkbookFormats {
  readonly corporate?: TabFormats<OkrColumn>;
  readonly department?: TabFormats<OkrColumn>;
  readonly team?: TabFormats<OkrColumn>;
  readonly kpis?: TabFormats<KpiColumn>;
  readonly checkIns?: TabFormats<CheckInColumn>;
}

/** The number formats of every tab's measured values, from the tabs as read. */
export function measureFormats(grids: WorkbookGrids): WorkbookFormats {
  const units = unitsOfMeasureById(grids);
  const ofItem = (row: readonly unknown[], index: Readonly<Partial<Record<CheckInColumn, number>>>) =>
    index.id === undefined ? '' : (units.get(normalizeId(text(row[index.id]))) ?? '');
  const result: {
    -readonly [K in keyof WorkbookFormats]: WorkbookFormats[K];
  } = {};
  const corporate = formatsOf<OkrColumn>(TAB.corporate, grids.corporate, OKR_SCHEMA, OKR_MEASURED, own);
  const department = formatsOf<OkrColumn>(TAB.department, grids.department, OKR_SCHEMA, OKR_MEASURED, own);
  const team = formatsOf<OkrColumn>(TAB.team, grids.team, OKR_SCHEMA, OKR_MEASURED, own);
  const kpis = formatsOf<KpiColumn>(TAB.kpis, grids.kpis, KPI_SCHEMA, KPI_MEASURED, own);
  const checkIns = formatsOf(TAB.checkIns, grids.checkIns, CHECK_IN_SCHEMA, CHECK_IN_MEASURED, ofItem);
  if (corporate) result.corporate = corporate;
  if (department) result.department = department;
  if (team) result.team = team;
  if (kpis) result.kpis = kpis;
  if (checkIns) result.checkIns = checkIns;
  return result;
}
