/**
 * A key result's Current or a KPI's Actual may be a formula of the user's (IMPORTRANGE, a link
 * to another tab, a SUM): its value updates by itself, and the sidebar's check-in refuses to write
 * over it, so such an item is "measured by formula" and never due a check-in (stale.ts, the
 * weekly rhythm). Values alone cannot tell a formula's result from a typed number: the sheets
 * side reads the formulas of that one column, and core gets the rows that hold one. Pure.
 */
import { KPI_SCHEMA, mapHeaders, OKR_SCHEMA, TAB, type TabName } from './schema';

/** The grids whose rows are checked in (WorkbookGrids keys). */
export type MeasuredGrid = 'corporate' | 'department' | 'team' | 'kpis';

export const MEASURED_TABS: Readonly<Record<MeasuredGrid, TabName>> = {
  corporate: TAB.corporate,
  department: TAB.department,
  team: TAB.team,
  kpis: TAB.kpis,
};

/**
 * Per tab, the 1-based sheet rows whose Current (a KPI's Actual) holds a formula. A tab left out
 * has none, as has every tab when the formulas were not read (actions that judge no staleness).
 */
export type FormulaRows = Readonly<Partial<Record<MeasuredGrid, ReadonlySet<number>>>>;

/** The 0-based column of Current (the KPIs' Actual), found by header as the tab is read; undefined without one. */
export function measureColumn(grid: MeasuredGrid, header: readonly unknown[]): number | undefined {
  const tab = MEASURED_TABS[grid];
  return grid === 'kpis'
    ? mapHeaders(tab, header, KPI_SCHEMA).index.actual
    : mapHeaders(tab, header, OKR_SCHEMA).index.current;
}

/** The sheet rows holding a formula, from one column's getFormulas read from `firstRow` down ("" is none). */
export function rowsWithFormula(formulas: readonly (readonly unknown[])[], firstRow: number): Set<number> {
  const rows = new Set<number>();
  for (let i = 0; i < formulas.length; i++) {
    const formula = formulas[i]?.[0];
    if (typeof formula === 'string' && formula !== '') rows.add(firstRow + i);
  }
  return rows;
}
