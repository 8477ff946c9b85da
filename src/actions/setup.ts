/**
 * Set up workbook (§4.1): every tab of §1.1 that the user fills or the add-on
 * logs to, with headers, frozen header row, widths, formats, validation, Status
 * colours and the live formulas. Existing tabs keep their columns and data; only
 * missing columns are added and only the computed columns get formulas, so a
 * second run changes nothing.
 */
import { measureFormats } from '../core/workbook/measures';
import { type KpiColumn, LEVELS, OKR_TAB_OF_LEVEL, type OkrColumn, TAB } from '../core/workbook/schema';
import { todaySerial } from '../sheets/dates';
import { readGrid } from '../sheets/io';
import {
  CHECK_IN_LAYOUT,
  HISTORY_LAYOUT,
  KPI_LAYOUT,
  OKR_LAYOUT,
  type TableLayout,
  type TablePlan,
} from '../sheets/layout';
import type { OkrTabColumns } from '../sheets/live-formulas';
import { writeWorkbookMeasureFormats } from '../sheets/measure-formats';
import { applyStatusColours } from '../sheets/setup/colours';
import { writeKpiFormulas, writeOkrFormulas } from '../sheets/setup/formulas';
import { ensureSettings, type SettingsOutcome } from '../sheets/setup/settings';
import { type PreparedTable, prepareTable } from '../sheets/setup/tables';
import { runAction } from './run';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SetUpResult {
  readonly okr: readonly PreparedTable<OkrColumn>[];
  readonly kpis: PreparedTable<KpiColumn>;
  readonly checkIns?: PreparedTable<string>;
  readonly history?: PreparedTable<string>;
  readonly settings: SettingsOutcome;
  /** One line per change, for the summary; empty when everything was in place. */
  readonly changes: readonly string[];
  /** Tabs left alone, with why. */
  readonly warnings: readonly string[];
}

function describe<K extends string>(tab: string, table: PreparedTable<K>, layout: TableLayout<K>): string[] {
  if (table.created) return [`created "${tab}"`];
  if (table.plan.appended.length === 0) return [];
  const names = table.plan.appended.map(({ key }) => layout.schema.columns.find((c) => c.key === key)?.header ?? key);
  return [`added ${names.map((n) => `"${n}"`).join(', ')} to "${tab}"`];
}

/** Set-up without the menu's lock and alerts: "Insert sample OKRs" runs it first. */
export function setUpWorkbookIn(ss: Spreadsheet, today: number, company = ''): SetUpResult {
  const changes: string[] = [];
  const warnings: string[] = [];

  const okr = LEVELS.map((level) => {
    const layout = OKR_LAYOUT(OKR_TAB_OF_LEVEL[level]);
    const outcome = prepareTable(ss, layout);
    // OKR tabs are the user's tables by definition: prepareTable never turns them away.
    if (outcome.kind !== 'ready') throw new Error(outcome.message);
    changes.push(...describe(layout.tab, outcome.table, layout));
    return outcome.table;
  });
  const kpiOutcome = prepareTable(ss, KPI_LAYOUT);
  if (kpiOutcome.kind !== 'ready') throw new Error(kpiOutcome.message);
  const kpis = kpiOutcome.table;
  changes.push(...describe(KPI_LAYOUT.tab, kpis, KPI_LAYOUT));

  const settings = ensureSettings(ss, today, company);
  if (settings.created) changes.push('created "Settings"');
  if (settings.added.length > 0) {
    changes.push(`added ${settings.added.map((n) => `"${n}"`).join(', ')} to "Settings"`);
  }
  if (settings.inUseWritten > 0 && !settings.created) changes.push('wrote the "In use" column of "Settings"');

  const logs = [CHECK_IN_LAYOUT, HISTORY_LAYOUT] as readonly TableLayout<string>[];
  const prepared = logs.map((layout) => {
    const outcome = prepareTable(ss, layout);
    if (outcome.kind === 'foreign') {
      warnings.push(outcome.message);
      return undefined;
    }
    changes.push(...describe(layout.tab, outcome.table, layout));
    if (layout.status) applyStatusColours(outcome.table.sheet, outcome.table.plan.index[layout.status] as number);
    return outcome.table;
  });

  for (const table of [...okr, kpis]) applyStatusColours(table.sheet, (table.plan as TablePlan<'status'>).index.status);
  const tabs: OkrTabColumns[] = okr.map((table, i) => ({
    name: OKR_TAB_OF_LEVEL[LEVELS[i] ?? 'Corporate'],
    columns: table.plan.index,
  }));
  const formulas = [writeOkrFormulas(okr, tabs, settings.cells), writeKpiFormulas(kpis, tabs, settings.cells)];
  const changedFormulas = formulas.reduce((n, w) => n + w.changed, 0);
  const freshTabs = okr.some((t) => t.created) || kpis.created;
  if (changedFormulas > 0 && !freshTabs) changes.push(`wrote ${changedFormulas} live formulas`);
  for (const { header, count } of formulas.flatMap((w) => w.replaced)) {
    // Those cells now show the formula's answer: say so rather than replace typed values silently.
    changes.push(`replaced ${count} typed ${count === 1 ? 'value' : 'values'} under "${header}" with its live formula`);
  }

  const [checkIns, history] = prepared;
  return { okr, kpis, settings, changes, warnings, ...(checkIns ? { checkIns } : {}), ...(history ? { history } : {}) };
}

function summary(result: SetUpResult): string {
  const lines: string[] = [];
  if (result.changes.length === 0) lines.push('The workbook was already set up: nothing needed to change.');
  else {
    lines.push('The workbook is set up:');
    for (const change of result.changes) lines.push(`• ${change}`);
    lines.push(
      '',
      'Score, Expected and Status (and the KPIs’ Progress, Status and SMART) are live formulas: they update as you type.',
    );
  }
  if (result.warnings.length > 0) lines.push('', ...result.warnings);
  return lines.join('\n');
}

/** §1.2: every row's values shown in its Unit of measure (one read per tab, one format write per column run). */
function formatMeasures(ss: Spreadsheet): void {
  const timeZone = ss.getSpreadsheetTimeZone();
  const read = (tab: string) => readGrid(ss, tab, timeZone);
  const grids = { corporate: read(TAB.corporate), department: read(TAB.department), team: read(TAB.team) };
  writeWorkbookMeasureFormats(ss, measureFormats({ ...grids, kpis: read(TAB.kpis), checkIns: read(TAB.checkIns) }));
}

export function setUpWorkbook(): void {
  runAction('Set up workbook', () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const today = todaySerial(ss.getSpreadsheetTimeZone());
    const result = setUpWorkbookIn(ss, today);
    formatMeasures(ss);
    return summary(result);
  });
}
