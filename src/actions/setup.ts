/**
 * Set up workbook (§4.1): every tab of §1.1 that the user fills or the add-on
 * logs to, with headers, frozen header row, widths, formats, validation, Status
 * colours and the live formulas. Existing tabs keep their columns and data; only
 * missing columns are added and only the computed columns get formulas, so a
 * second run changes nothing.
 *
 * Everything is read first (surveyWorkbook), then only written (§6.1: a read after a write
 * costs a round trip), in batches that fit a budget of 150 service calls: a new workbook's
 * three OKR tabs are one styled tab and two copies of it, each new tab's header row, live
 * formulas and first rows are one write, the writes into each sheet's cells fetch their ranges
 * together (sheet-writes.ts), and the Status colour rules of every sheet come from one builder
 * (styles.ts). Every write is in the journal (§6.3).
 */

import {
  type CheckInColumn,
  type HistoryColumn,
  type KpiColumn,
  LEVELS,
  OKR_TAB_OF_LEVEL,
  type OkrColumn,
} from '../core/workbook/schema';
import { todaySerial } from '../sheets/dates';
import type { Journal } from '../sheets/journal';
import { CHECK_IN_LAYOUT, HISTORY_LAYOUT, KPI_LAYOUT, OKR_LAYOUT, type TableLayout } from '../sheets/layout';
import type { OkrTabColumns } from '../sheets/live-formulas';
import { markOwnLog } from '../sheets/own-logs';
import { isoDay, plural } from '../sheets/reports/style';
import { measureFormatsOf, writeHeaderBlock, writeRowsBelow } from '../sheets/setup/blocks';
import { type FormulaPlan, kpiFormulas, okrFormulas, takeOverColumns } from '../sheets/setup/formulas';
import { planSettings, type SettingsOutcome, writeSettings } from '../sheets/setup/settings';
import { SetupWrites } from '../sheets/setup/sheet-writes';
import { type FirstRows, logSlot, prepared, type Rows, type Slot, slotOf } from '../sheets/setup/slots';
import { SetupStyles } from '../sheets/setup/styles';
import { historyColouredBySnapshot, type Survey, surveyWorkbook, type TabRead } from '../sheets/setup/survey';
import { copySheet, createSheet, extendTable, type PreparedTable, styleNewTable } from '../sheets/setup/tables';
import { runAction } from './run';

export type { FirstRows };

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SetUpResult {
  readonly okr: readonly PreparedTable<OkrColumn>[];
  readonly kpis: PreparedTable<KpiColumn>;
  readonly checkIns?: PreparedTable<CheckInColumn>;
  readonly history?: PreparedTable<HistoryColumn>;
  readonly settings: SettingsOutcome;
  /** One line per change, for the summary; empty when everything was in place. */
  readonly changes: readonly string[];
  /** Tabs left alone, with why. */
  readonly warnings: readonly string[];
}

export interface SetUpInput {
  readonly ss: Spreadsheet;
  readonly journal: Journal;
  readonly survey: Survey;
  readonly today: number;
  /** The Company of a new Settings tab. */
  readonly company?: string;
  readonly rows?: FirstRows;
}

function describe<K extends string>(table: PreparedTable<K>, layout: TableLayout<K>): string[] {
  if (table.created) return [`created "${table.name}"`];
  if (table.plan.appended.length === 0) return [];
  const names = table.plan.appended.map(({ key }) => layout.schema.columns.find((c) => c.key === key)?.header ?? key);
  return [`added ${names.map((n) => `"${n}"`).join(', ')} to "${table.name}"`];
}

export function setUpFromSurvey(input: SetUpInput): SetUpResult {
  const { ss, journal, survey, today } = input;
  const rows = input.rows ?? {};
  const styles = new SetupStyles();
  const writes = new SetupWrites();
  const ctx = { journal, styles, writes };
  const changes: string[] = [];
  const warnings: string[] = [];

  // --- Plans: pure, from the survey.
  const okr = LEVELS.map((level) => slotOf(OKR_LAYOUT(OKR_TAB_OF_LEVEL[level]), survey.okr[level]));
  const kpis = slotOf(KPI_LAYOUT, survey.kpis);
  const settingsPlan = planSettings(survey.settings);
  const checkIns = logSlot(CHECK_IN_LAYOUT, survey.checkIns, warnings);
  const history = logSlot(HISTORY_LAYOUT, survey.history, warnings);
  const tabs: OkrTabColumns[] = okr.map((slot) => ({ name: slot.name, columns: slot.table.plan.index }));
  const formulas = [
    ...okrFormulas(
      okr.map((s) => s.table),
      tabs,
      settingsPlan.cells,
    ),
    ...kpiFormulas(kpis.table, tabs, settingsPlan.cells),
  ];
  // The one read left: header notes where typed values must be kept before the formula goes in.
  const takeOvers = formulas.filter((f) => f.changed && !f.table.created && f.table.read !== undefined);
  const notes = new Map<FormulaPlan, string>();
  for (const plan of takeOvers) {
    if (plan.typed.length > 0)
      notes.set(plan, (plan.table.read as TabRead).sheet.getRange(1, plan.column + 1).getNote());
  }

  // --- Writes. New tabs go at the end, in §1.1 order.
  let at = survey.index.order.length;
  const create = (slot: Slot<string>) => {
    slot.sheet = createSheet(ss, journal, slot.name, at++);
    slot.newSheet = true;
  };
  const useOrCreate = (slot: Slot<string>) => {
    if (slot.read) slot.sheet = slot.read.sheet;
    else create(slot);
  };
  const styleOrExtend = <K extends string>(slot: Slot<K>, takenOver: ReadonlySet<K>, colours = true) => {
    const table = prepared(slot);
    if (table.created) styleNewTable(ctx, slot.layout, table, false, colours);
    else extendTable(ctx, slot.layout, table, takenOver, colours);
  };
  const takenOverKeys = <K extends string>(slot: Slot<K>): Set<K> =>
    new Set(
      slot.layout.schema.columns
        .filter((c) => takeOvers.some((f) => f.table.name === slot.name && f.column === slot.table.plan.index[c.key]))
        .map((c) => c.key),
    );

  // OKR tabs that do not exist yet: the first one styled, the others copied from it (formats,
  // drop-downs, widths and colours come along), before any formula names them.
  const [source, ...copies] = okr.filter((slot) => slot.read === undefined);
  if (source !== undefined && copies.length > 0) {
    create(source);
    source.styled = true;
    styleNewTable(ctx, source.layout, prepared(source), true);
    // Styled in full before it is copied.
    writes.make(source.sheet);
    styles.applyStatusColours(journal);
    for (const slot of copies) {
      slot.sheet = copySheet(ss, journal, source.sheet as Sheet, source.name, slot.name);
      slot.newSheet = true;
      slot.styled = true;
      at++;
    }
  }
  for (const slot of okr) {
    if (slot.sheet !== undefined) continue;
    useOrCreate(slot);
    styleOrExtend(slot, takenOverKeys(slot));
  }
  useOrCreate(kpis);
  styleOrExtend(kpis, takenOverKeys(kpis));
  const settingsSheet = survey.settings?.sheet ?? createSheet(ss, journal, 'Settings', at++);
  for (const log of [checkIns, history] as (Slot<string> | undefined)[]) {
    if (log === undefined) continue;
    useOrCreate(log);
    const isHistory = (log as unknown) === history;
    if (log.newSheet) markOwnLog(log.sheet as Sheet, isHistory ? 'history' : 'check-ins');
    styleOrExtend(
      log,
      new Set(),
      !(isHistory && historyColouredBySnapshot(survey.history, (rows.history ?? []).length > 0)),
    );
  }
  const settings = writeSettings(
    journal,
    writes,
    settingsSheet,
    settingsPlan,
    survey.settings === undefined,
    today,
    input.company ?? '',
  );

  // Header rows with their live formulas (and first rows) of the tabs that were empty.
  const firstRows = new Map<Slot<string>, Rows>([
    ...LEVELS.map((level, i) => [okr[i] as Slot<string>, rows.okr?.[level] ?? []] as const),
    [kpis as Slot<string>, rows.kpis ?? []],
    ...(checkIns ? [[checkIns as Slot<string>, rows.checkIns ?? []] as const] : []),
    ...(history ? [[history as Slot<string>, rows.history ?? []] as const] : []),
  ]);
  for (const [slot, tableRows] of firstRows) {
    const table = prepared(slot);
    if (table.created) {
      const own = new Map(
        formulas.filter((f) => f.table.name === slot.name).map((f) => [f.column, f.formula] as const),
      );
      writeHeaderBlock(journal, writes, slot, table, own, tableRows);
    } else if (tableRows.length > 0) writeRowsBelow(journal, writes, slot, table, tableRows);
  }

  // Live formulas on the user's tabs: each column taken over without losing what was typed.
  const taken = takeOverColumns(journal, writes, takeOvers, notes, isoDay(today));
  warnings.push(...taken.left);

  measureFormatsOf(journal, writes, survey, { okr, kpis, checkIns }, rows);

  // The writes into cells, each sheet's ranges fetched at once, then the Status colours.
  writes.make();
  styles.applyStatusColours(journal);

  for (const slot of okr) changes.push(...describe(prepared(slot), slot.layout));
  changes.push(...describe(prepared(kpis), kpis.layout));
  if (settings.created) changes.push('created "Settings"');
  if (settings.added.length > 0) changes.push(`added ${settings.added.map((n) => `"${n}"`).join(', ')} to "Settings"`);
  if (settings.inUseWritten > 0 && !settings.created) changes.push('wrote the "In use" column of "Settings"');
  for (const log of [checkIns, history] as (Slot<string> | undefined)[]) {
    if (log) changes.push(...describe(prepared(log), log.layout));
  }
  const freshTabs = [...okr, kpis].some((slot) => slot.table.created);
  const written = takeOvers.length - taken.left.length;
  if (written > 0 && !freshTabs) changes.push(`wrote ${plural(written, 'live formula')}`);
  for (const { tab, header, count, note } of taken.replaced) {
    changes.push(
      `replaced ${plural(count, 'typed value')} under "${header}" with its live formula (on "${tab}"; they are kept in the note on ${note})`,
    );
  }
  return {
    okr: okr.map(prepared),
    kpis: prepared(kpis),
    settings,
    changes,
    warnings,
    ...(checkIns ? { checkIns: prepared(checkIns) } : {}),
    ...(history ? { history: prepared(history) } : {}),
  };
}

/** The alert Set up shows: what it changed, and the tabs it left alone with why. */
export function setUpSummary(result: SetUpResult): string {
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

export function setUpWorkbook(): void {
  runAction('Set up workbook', (journal) => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const survey = surveyWorkbook(ss);
    const today = todaySerial(survey.timeZone);
    return setUpSummary(setUpFromSurvey({ ss, journal, survey, today }));
  });
}
