/**
 * Writes the live formulas (§1.2, §1.3) into the header cells of the computed
 * columns. The cells below belong to the formula's answer: anything typed there
 * (an old per-row formula, a pasted value) is cleared first, since it would stop
 * the answer from spilling. Those columns are the add-on's own (§1.2).
 */
import type { KpiColumn, OkrColumn } from '../../core/workbook/schema';
import { sameFormula } from '../formula-text';
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

export interface FormulaWrite {
  /** Live formulas that differ from what row 1 held. */
  readonly changed: number;
  /** Values the user had typed below a computed column's header before it held a live formula. */
  readonly replaced: readonly { readonly header: string; readonly count: number }[];
}

/**
 * Writes `formulas` (column index → formula). The first time a column gets its live
 * formula, what was typed below is counted (one read of that column) so the summary
 * can say what the formula replaced; after that the cells hold only its answer.
 */
function writeFormulas(sheet: Sheet, before: readonly string[], formulas: ReadonlyMap<number, string>): FormulaWrite {
  let changed = 0;
  const replaced: { header: string; count: number }[] = [];
  for (const [column, formula] of formulas) {
    const body = sheet.getRange(2, column + 1, sheet.getMaxRows() - 1, 1);
    if (!sameFormula(before[column] ?? '', formula)) {
      changed++;
      if ((before[column] ?? '') === '') {
        const count = body.getValues().filter((row) => row[0] !== '').length;
        if (count > 0) replaced.push({ header: String(sheet.getRange(1, column + 1).getValue()), count });
      }
    }
    body.clearContent();
    sheet.getRange(1, column + 1).setFormula(formula);
  }
  return { changed, replaced };
}

const combine = (writes: readonly FormulaWrite[]): FormulaWrite => ({
  changed: writes.reduce((n, w) => n + w.changed, 0),
  replaced: writes.flatMap((w) => w.replaced),
});

export function writeOkrFormulas(
  tables: readonly PreparedTable<OkrColumn>[],
  tabs: readonly OkrTabColumns[],
  settings: SettingsCells,
): FormulaWrite {
  const writes = tables.map((table, i) => {
    const tab = tabs[i] as OkrTabColumns;
    const { score, expected, status } = tab.columns;
    return writeFormulas(
      table.sheet,
      table.headerFormulas,
      new Map([
        [score, okrScoreFormula(tabs, i)],
        [expected, okrExpectedFormula(tab, settings)],
        [status, okrStatusFormula(tab, settings)],
      ]),
    );
  });
  return combine(writes);
}

export function writeKpiFormulas(
  table: PreparedTable<KpiColumn>,
  okrTabs: readonly OkrTabColumns[],
  settings: SettingsCells,
): FormulaWrite {
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
