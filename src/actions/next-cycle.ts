/**
 * Start next cycle (§4.6). Reads the tabs once, lets core plan every change, asks the
 * user, then writes: archives first (copies with every formula frozen to its value),
 * then the few live cells the plan lists, Settings last. Every write is recorded in the
 * journal (§6.3); if anything fails, what was written is undone, and whatever Sheets
 * would not undo either is listed exactly: each unfinished archive, each block of cells.
 */
import {
  ARCHIVE_KEY,
  ARCHIVED,
  type ArchivedGrid,
  archivedValues,
  type CellChange,
  type ColumnChanges,
  confirmationText,
  type NextCyclePlan,
  type PlanGrid,
  planNextCycle,
  summaryText,
} from '../core/workbook/next-cycle';
import { TAB } from '../core/workbook/schema';
import { readWorkbook } from '../core/workbook/workbook';
import { type CellsBefore, cellInput, growSheet, readCellsBefore, writeOver } from '../sheets/cells';
import { serialInZone, todaySerial, withSerialDates } from '../sheets/dates';
import type { Change, Journal } from '../sheets/journal';
import { liveFormulaHeader } from '../sheets/live-formulas';
import { runAction, UserError } from './run';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TITLE = 'Start next cycle';
const ARCHIVE_TAB_COLOR = '#9e9e9e';
const MS_PER_DAY = 86_400_000;
const SERIAL_OF_UNIX_EPOCH = 25569;

/** One tab as read: one getDataRange, then its values, formulas and number formats. */
interface ReadTab {
  readonly sheet: Sheet;
  /** As Apps Script returned them (Dates as Dates): what an unchanged cell is written back as. */
  readonly raw: unknown[][];
  readonly formulas: string[][];
  readonly formats: string[][];
  /** Live columns whose header read Loading...: their header is restored in `raw`. */
  readonly loading: ReadonlySet<number>;
  readonly name: string;
  readonly maxRows: number;
  readonly maxColumns: number;
  /** The tab carries an add-on mark, which its copy must not keep. */
  readonly marked: boolean;
}

function readTab(ss: Spreadsheet, name: string): ReadTab | undefined {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return undefined;
  const range = sheet.getDataRange();
  const raw = range.getValues();
  const formulas = range.getFormulas();
  // A live column still calculating shows Loading... even in its header: its formula names it.
  const header = raw[0] ?? [];
  const loading = new Set<number>();
  for (const [c, formula] of (formulas[0] ?? []).entries()) {
    const live = header[c] === 'Loading...' ? liveFormulaHeader(formula) : undefined;
    if (!live) continue;
    header[c] = live;
    loading.add(c);
  }
  const marked = sheet.getDeveloperMetadata().some((m) => m.getKey().startsWith('okr-cascade.'));
  return {
    sheet,
    raw,
    formulas,
    formats: range.getNumberFormats(),
    loading,
    name: sheet.getName(),
    maxRows: sheet.getMaxRows(),
    maxColumns: sheet.getMaxColumns(),
    marked,
  };
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Local midnight of a serial in the spreadsheet's zone, so Sheets stores that very day. */
function dateInZone(serial: number, timeZone: string): Date {
  let ms = (serial - SERIAL_OF_UNIX_EPOCH) * MS_PER_DAY;
  // Two corrections settle the zone offset, DST included.
  for (let i = 0; i < 2; i++) ms -= (serialInZone(new Date(ms), timeZone) - serial) * MS_PER_DAY;
  return new Date(ms);
}

/**
 * Every formula in the copy replaced by the value read before anything was written (see
 * archivedValues): one write, no read of the copy, whose custom functions still load.
 */
function freeze(copy: Sheet, values: readonly unknown[][], formats: readonly string[][]): void {
  if (values.length === 0) return;
  const width = Math.max(...values.map((row) => row.length));
  copy
    .getRange(1, 1, values.length, width)
    .setValues(
      values.map((row, r) =>
        row.map((v, c) => (typeof v === 'object' && v !== null && isDate(v) ? v : cellInput(v, '', formats[r]?.[c]))),
      ),
    );
}

function archive(
  ss: Spreadsheet,
  journal: Journal,
  source: ReadTab,
  frozen: { values: readonly unknown[][]; formats: readonly string[][] },
  name: string,
  cycleName: string,
): Change {
  const copy = source.sheet.copyTo(ss);
  const unfinished = (what: string) =>
    `${what}: an unfinished archive, which may not hold the old cycle as it was; delete it before you start the next cycle again`;
  const change = journal.record(
    unfinished(`a copy of "${source.name}" (Sheets names it "Copy of ${source.name}")`),
    () => ss.deleteSheet(copy),
  );
  copy.setName(name);
  change.what = unfinished(`"${name}"`);
  // A mark copied from the live tab would make the archive pass for it.
  if (source.marked) {
    for (const mark of copy.getDeveloperMetadata()) if (mark.getKey().startsWith('okr-cascade.')) mark.remove();
  }
  freeze(copy, frozen.values, frozen.formats);
  copy.addDeveloperMetadata(ARCHIVE_KEY, cycleName);
  copy.setTabColor(ARCHIVE_TAB_COLOR);
  copy
    .protect()
    .setDescription(`OKR Cascade archive of ${cycleName}: kept as it was at the end of the cycle`)
    .setWarningOnly(true);
  change.what = `the archive "${name}", complete (it holds the old cycle as it was read): delete it before you start the next cycle again`;
  return change;
}

/** The values of one column block: rows first..last, unchanged cells written back as they were. */
function columnBlock(tab: ReadTab, change: ColumnChanges, timeZone: string) {
  const rows = change.changes.map((c) => c.row);
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const byRow = new Map(change.changes.map((c) => [c.row, c]));
  const after: unknown[][] = [];
  for (let row = first; row <= last; row++) {
    const raw = tab.raw[row - 1]?.[change.column] ?? '';
    const formula = tab.formulas[row - 1]?.[change.column] ?? '';
    const format = tab.formats[row - 1]?.[change.column] ?? '';
    const old = isDate(raw) ? raw : cellInput(raw, formula, format);
    if (!byRow.has(row)) {
      after.push([old]);
      continue;
    }
    const { value, date } = byRow.get(row) as CellChange;
    // A new date goes in as a Date, unless the cell held a bare serial (kept as a number).
    const asDate = date && typeof value === 'number' && typeof raw !== 'number';
    after.push([asDate ? dateInZone(value, timeZone) : cellInput(value, '', format)]);
  }
  return { first, after };
}

/** A column as messages name it: its header as read. */
function headerOf(tab: ReadTab, column: number): string {
  const text = tab.raw[0]?.[column];
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : `column ${column + 1}`;
}

/** Writes the plan's live changes, each recorded in the journal with its undo. */
function writeLive(
  plan: NextCyclePlan,
  tabs: Partial<Record<PlanGrid, ReadTab>>,
  timeZone: string,
  journal: Journal,
): void {
  // Settings last: the switch to the new cycle comes once everything else is in place.
  const ordered = [...plan.columns].sort((a, b) => Number(a.grid === 'settings') - Number(b.grid === 'settings'));
  for (const change of ordered) {
    const tab = tabs[change.grid];
    if (!tab || change.changes.length === 0) continue;
    const { first, after } = columnBlock(tab, change, timeZone);
    // The block as read, to put it back exactly if anything fails.
    const cut = <T>(grid: readonly (readonly T[])[], fill: T) =>
      Array.from({ length: after.length }, (_, k) => [grid[first - 1 + k]?.[change.column] ?? fill]);
    const was: CellsBefore = {
      sheet: tab.sheet,
      tab: tab.name,
      row: first,
      column: change.column + 1,
      values: cut<unknown>(tab.raw, ''),
      formulas: cut(tab.formulas, ''),
      formats: cut(tab.formats, ''),
    };
    writeOver(journal, was, after, headerOf(tab, change.column));
  }
  const settings = tabs.settings;
  if (settings && plan.appendSettings.length > 0) {
    const row = settings.raw.length + 1;
    const last = row + plan.appendSettings.length - 1;
    const existing = Math.min(last, settings.maxRows) - row + 1;
    const was = existing > 0 ? readCellsBefore(settings.sheet, settings.name, row, 1, existing, 2) : null;
    growSheet(journal, settings.sheet, settings.name, settings, last, 2);
    const values = plan.appendSettings.map(([label, value]) => [
      label,
      typeof value === 'number' ? dateInZone(value, timeZone) : cellInput(value),
    ]);
    if (was !== null && existing === values.length) writeOver(journal, was, values, 'new settings');
    else {
      settings.sheet.getRange(row, 1, values.length, 2).setValues(values);
      journal.record(`${settings.name} rows ${row}–${last} (new settings)`, () =>
        settings.sheet.getRange(row, 1, values.length, 2).clearContent(),
      );
    }
  }
}

export function startNextCycle(): void {
  runAction(TITLE, (journal) => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = ss.getSpreadsheetTimeZone();
    const tabs: Partial<Record<PlanGrid, ReadTab>> = {};
    for (const { key, tab } of [...ARCHIVED, { key: 'settings' as const, tab: TAB.settings }]) {
      const read = readTab(ss, tab);
      if (read) tabs[key] = read;
    }
    const grids: Partial<Record<PlanGrid, unknown[][]>> = {};
    const formulas: Partial<Record<PlanGrid, string[][]>> = {};
    for (const [key, tab] of Object.entries(tabs) as [PlanGrid, ReadTab][]) {
      grids[key] = withSerialDates(tab.raw, timeZone);
      formulas[key] = tab.formulas;
    }
    const asOfDay = todaySerial(timeZone);
    const wb = readWorkbook(grids, asOfDay);
    const sheetNames = ss.getSheets().map((s) => s.getName());
    const planned = planNextCycle({ grids, formulas, sheetNames, asOfDay, okr: wb.okr });
    if (!planned.ok) throw new UserError(planned.error);
    const plan = planned.value;

    const frozen = new Map<ArchivedGrid, unknown[][]>();
    for (const a of plan.archives) {
      const read = tabs[a.key];
      if (!read) continue;
      const values = archivedValues(a.key, read.raw, wb, read.loading);
      if (!values.ok) throw new UserError(values.error);
      frozen.set(a.key, values.value);
    }

    const ui = SpreadsheetApp.getUi();
    if (ui.alert(TITLE, confirmationText(plan), ui.ButtonSet.YES_NO) !== ui.Button.YES) return undefined;

    for (const a of plan.archives) {
      const read = tabs[a.key];
      const values = frozen.get(a.key);
      if (!read || !values) continue;
      archive(ss, journal, read, { values, formats: read.formats }, a.name, plan.oldCycle.name);
    }
    writeLive(plan, tabs, timeZone, journal);
    return summaryText(plan);
  });
}
