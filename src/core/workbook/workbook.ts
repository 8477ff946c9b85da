/**
 * Everything the menu actions need, computed once from the tabs' raw values (one
 * read per tab, §6.1). Validate, Build roll-up and Record snapshot all start here.
 */
import type { FormulaRows } from './by-formula';
import type { Finding } from './findings';
import { evaluateKpis, type KpiResult, type KpiTab, parseKpis } from './kpis';
import { type CheckIn, parseCheckIns, parseHistory, type Snapshot } from './logs';
import { type OkrGrids, type OkrTabs, parseOkrTabs } from './okr-rows';
import { scoreWorkbook, type WorkbookScores } from './score-workbook';
import { type ParsedSettings, parseSettings } from './settings';
import type { Grid } from './table';

/** Each tab's values (`getDataRange().getValues()`); undefined for a tab that does not exist. */
export interface WorkbookGrids extends OkrGrids {
  readonly kpis?: Grid;
  readonly settings?: Grid;
  readonly checkIns?: Grid;
  readonly history?: Grid;
}

export interface Workbook {
  /** Today, as a Sheets serial in the spreadsheet's time zone. */
  readonly asOfDay: number;
  readonly settings: ParsedSettings;
  readonly okr: OkrTabs;
  readonly scores: WorkbookScores;
  readonly kpis: KpiTab;
  readonly kpiResults: readonly KpiResult[];
  /** Findings from evaluating KPIs (bad values, SMART gaps). */
  readonly kpiFindings: readonly Finding[];
  readonly checkIns: readonly CheckIn[];
  readonly history: readonly Snapshot[];
  /** Rows of Check-ins and History that could not be read. */
  readonly logProblems: readonly Finding[];
}

/**
 * `formulaRows`: which Currents and Actuals are formulas, read only by the actions that judge
 * staleness; without them every item is taken as checked in by hand.
 */
export function readWorkbook(grids: WorkbookGrids, asOfDay: number, formulaRows: FormulaRows = {}): Workbook {
  const settings = parseSettings(grids.settings, asOfDay);
  const okr = parseOkrTabs(grids, formulaRows);
  const scores = scoreWorkbook(okr, settings.settings, asOfDay);
  const kpis = parseKpis(grids.kpis, formulaRows.kpis);
  const okrKeys = new Set(okr.rows.filter((row) => row.key !== '').map((row) => row.key));
  const evaluated = evaluateKpis(kpis, okrKeys, settings.settings);
  const checkIns = parseCheckIns(grids.checkIns);
  const history = parseHistory(grids.history);
  return {
    asOfDay,
    settings,
    okr,
    scores,
    kpis,
    kpiResults: evaluated.results,
    kpiFindings: evaluated.findings,
    checkIns: checkIns.checkIns,
    history: history.snapshots,
    logProblems: [...checkIns.problems, ...history.problems],
  };
}
