import { describe, expect, it } from 'vitest';
import { isStale, trackedItems } from '../../../src/core/rhythm/items';
import { type FormulaRows, measureColumn, rowsWithFormula } from '../../../src/core/workbook/by-formula';
import { buildDashboard } from '../../../src/core/workbook/dashboard';
import { formatFinding } from '../../../src/core/workbook/findings';
import { buildReport } from '../../../src/core/workbook/report';
import { headerRow, KPI_SCHEMA, OKR_SCHEMA } from '../../../src/core/workbook/schema';
import { validateWorkbook } from '../../../src/core/workbook/validate';
import { readWorkbook } from '../../../src/core/workbook/workbook';
import { day, type MutableGrid, renameHeader, sample } from './helpers';

/** The 1-based sheet row of an ID (column A in the sample). */
const sheetRow = (grid: MutableGrid, id: string): number => grid.findIndex((r) => r[0] === id) + 1;

// The sample's check-ins are from 2027-02-12: on 2027-03-01 every measured item not done is 17 days stale.
const LATER = day(2027, 3, 1);
const grids = sample();
// C-KR4 (Behind) and KPI-2: their values come from formulas of the user's.
const FORMULAS: FormulaRows = {
  corporate: new Set([sheetRow(grids.corporate, 'C-KR4')]),
  kpis: new Set([sheetRow(grids.kpis, 'KPI-2')]),
};
const byHand = readWorkbook(grids, LATER);
const withFormulas = readWorkbook(grids, LATER, FORMULAS);

describe('which measure cells hold a formula', () => {
  it('finds Current (the KPIs’ Actual) by its header, wherever it stands and whatever alias it goes by', () => {
    expect(measureColumn('team', headerRow(OKR_SCHEMA))).toBe(9);
    expect(measureColumn('kpis', headerRow(KPI_SCHEMA))).toBe(8);
    const moved = sample().corporate;
    renameHeader(moved, 'Current', 'actual');
    moved[0]?.unshift('My notes');
    expect(measureColumn('corporate', moved[0] ?? [])).toBe(10);
    expect(measureColumn('department', ['ID', 'Title'])).toBeUndefined();
  });

  it('turns one column of getFormulas into sheet rows', () => {
    expect([...rowsWithFormula([[''], ['=40+2'], [''], ['=IMPORTRANGE("x","A1")']], 2)]).toEqual([3, 5]);
    expect(rowsWithFormula([], 2).size).toBe(0);
  });

  it('marks those rows, and no other, as measured by formula', () => {
    const flagged = [
      ...withFormulas.okr.rows.filter((r) => r.byFormula).map((r) => r.id),
      ...withFormulas.kpis.rows.filter((r) => r.byFormula).map((r) => r.id),
    ];
    expect(flagged).toEqual(['C-KR4', 'KPI-2']);
    expect(byHand.okr.rows.some((r) => r.byFormula) || byHand.kpis.rows.some((r) => r.byFormula)).toBe(false);
  });
});

describe('an item measured by formula is never stale', () => {
  it('Validate warns about every stale item but those two', () => {
    const stale = (wb: typeof byHand) =>
      validateWorkbook(wb)
        .filter((f) => f.rule === 'stale-check-in')
        .map(formatFinding);
    const kr = `Corporate OKRs!J${sheetRow(grids.corporate, 'C-KR4')} (Current): no check-in for 17 days (last on 2027-02-12)`;
    const kpi = `KPIs!I${sheetRow(grids.kpis, 'KPI-2')} (Actual): no check-in for 17 days (last on 2027-02-12)`;
    const before = stale(byHand);
    expect(before).toContain(kr);
    expect(before).toContain(kpi);
    expect(stale(withFormulas)).toEqual(before.filter((f) => f !== kr && f !== kpi));
  });

  it('the Roll-up knows the row is measured by formula and holds nothing overdue', () => {
    const rows = buildReport(withFormulas).rows;
    expect(rows.find((r) => r.id === 'C-KR4')).toMatchObject({ byFormula: true, overdueCheckIn: null });
    expect(rows.find((r) => r.id === 'C-KR1')).toMatchObject({ byFormula: false, overdueCheckIn: { days: 17 } });
    // An objective is never measured by formula, whatever its row holds.
    expect(rows.filter((r) => r.byFormula).map((r) => r.id)).toEqual(['C-KR4']);
  });

  it('the Dashboard lists it for its status only, and a KPI measured by formula not at all for staleness', () => {
    const attention = buildDashboard(buildReport(withFormulas), withFormulas).attention;
    expect(attention.find((a) => a.id === 'C-KR4')?.reasons).toEqual(['Behind: 40% against 66% expected']);
    const kpi2 = (wb: typeof byHand) =>
      buildDashboard(buildReport(wb), wb).attention.find((a) => a.id === 'KPI-2')?.reasons ?? [];
    expect(kpi2(byHand)).toContain('no check-in for 17 days');
    expect(kpi2(withFormulas).filter((r) => r.startsWith('no check-in'))).toEqual([]);
  });

  it('the weekly rhythm tracks it but never counts it stale, so no reminder names it', () => {
    const now = LATER + 0.375;
    const items = trackedItems(withFormulas);
    const stale = items.filter((i) => isStale(i, now)).map((i) => i.id);
    expect(items.filter((i) => i.byFormula).map((i) => i.id)).toEqual(['C-KR4', 'KPI-2']);
    expect(stale).not.toContain('C-KR4');
    expect(stale).not.toContain('KPI-2');
    expect(stale).toEqual(
      trackedItems(byHand)
        .filter((i) => isStale(i, now))
        .map((i) => i.id)
        .filter((id) => id !== 'C-KR4' && id !== 'KPI-2'),
    );
  });
});
