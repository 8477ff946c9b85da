/**
 * Writes the live formulas (§1.2, §1.3) into the header cells of the computed
 * columns. The cells below belong to the formula's answer: anything typed there
 * (an old per-row formula, a pasted value) is cleared first, since it would stop
 * the answer from spilling. Those columns are the add-on's own (§1.2).
 */
import type { KpiColumn, OkrColumn } from '../../core/workbook/schema';
import {
  kpiProgressFormula,
  kpiSmartFormula,
  kpiStatusFormula,
  type OkrTabColumns,
  okrExpectedFormula,
  okrScoreFormula,
  okrStatusFormula,
  type SettingsCells,
} from '../live-formulas';
import type { PreparedTable } from './tables';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Writes `formulas` (column index → formula); returns how many differ from what row 1 held. */
function writeFormulas(sheet: Sheet, before: readonly string[], formulas: ReadonlyMap<number, string>): number {
  let changed = 0;
  for (const [column, formula] of formulas) {
    if ((before[column] ?? '') !== formula) changed++;
    sheet.getRange(2, column + 1, sheet.getMaxRows() - 1, 1).clearContent();
    sheet.getRange(1, column + 1).setFormula(formula);
  }
  return changed;
}

export function writeOkrFormulas(
  tables: readonly PreparedTable<OkrColumn>[],
  tabs: readonly OkrTabColumns[],
  settings: SettingsCells,
): number {
  let changed = 0;
  tables.forEach((table, i) => {
    const tab = tabs[i] as OkrTabColumns;
    const { score, expected, status } = tab.columns;
    changed += writeFormulas(
      table.sheet,
      table.headerFormulas,
      new Map([
        [score, okrScoreFormula(tabs, i)],
        [expected, okrExpectedFormula(tab, settings)],
        [status, okrStatusFormula(tab, settings)],
      ]),
    );
  });
  return changed;
}

export function writeKpiFormulas(
  table: PreparedTable<KpiColumn>,
  okrTabs: readonly OkrTabColumns[],
  settings: SettingsCells,
): number {
  const kpi = { name: table.sheet.getName(), columns: table.plan.index };
  return writeFormulas(
    table.sheet,
    table.headerFormulas,
    new Map([
      [kpi.columns.progress, kpiProgressFormula(kpi)],
      [kpi.columns.status, kpiStatusFormula(kpi, settings)],
      [kpi.columns.smart, kpiSmartFormula(kpi, okrTabs, settings)],
    ]),
  );
}
