/**
 * Start next cycle (§4.6). Reads the tabs once, lets core plan every change, asks the
 * user, then writes: archives first (copies with every formula frozen to its value),
 * then the few live cells the plan lists, Settings last. If anything fails, what was
 * already written is undone, so the workbook is left as it was.
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
import { serialInZone, todaySerial, withSerialDates } from '../sheets/dates';
import { ensureSize } from '../sheets/io';
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
  return { sheet, raw, formulas, formats: range.getNumberFormats(), loading };
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
 * What to hand setValues so a cell ends up holding `value` exactly: a formula as its
 * formula, and text that Sheets would read as something else (a number, a date, a
 * formula: `1,200`, `=x`, `-5`, `TRUE`) behind the apostrophe that marks it as text.
 * A plain-text (`@`) cell reads nothing, so its text goes in as it is.
 */
function cellInput(value: unknown, formula = '', format = ''): unknown {
  if (formula !== '') return formula;
  if (typeof value !== 'string' || value === '' || format === '@') return value;
  return /^\s*([=+\-@'−$€£¥.]|\d)/.test(value) || /^\s*(true|false)\s*$/i.test(value) ? `'${value}` : value;
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
    .setValues(values.map((row, r) => row.map((v, c) => (isDate(v) ? v : cellInput(v, '', formats[r]?.[c])))));
}

function archive(
  ss: Spreadsheet,
  source: Sheet,
  frozen: { values: readonly unknown[][]; formats: readonly string[][] },
  name: string,
  cycleName: string,
  undo: (() => void)[],
): void {
  const copy = source.copyTo(ss);
  undo.push(() => ss.deleteSheet(copy));
  copy.setName(name);
  // A mark copied from the live tab would make the archive pass for it.
  for (const mark of copy.getDeveloperMetadata()) if (mark.getKey().startsWith('okr-cascade.')) mark.remove();
  freeze(copy, frozen.values, frozen.formats);
  copy.addDeveloperMetadata(ARCHIVE_KEY, cycleName);
  copy.setTabColor(ARCHIVE_TAB_COLOR);
  copy
    .protect()
    .setDescription(`OKR Cascade archive of ${cycleName}: kept as it was at the end of the cycle`)
    .setWarningOnly(true);
}

/** The values of one column block: rows first..last, unchanged cells written back as they were. */
function columnBlock(tab: ReadTab, change: ColumnChanges, timeZone: string) {
  const rows = change.changes.map((c) => c.row);
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const byRow = new Map(change.changes.map((c) => [c.row, c]));
  const before: unknown[][] = [];
  const after: unknown[][] = [];
  for (let row = first; row <= last; row++) {
    const raw = tab.raw[row - 1]?.[change.column] ?? '';
    const formula = tab.formulas[row - 1]?.[change.column] ?? '';
    const format = tab.formats[row - 1]?.[change.column] ?? '';
    const old = isDate(raw) ? raw : cellInput(raw, formula, format);
    before.push([old]);
    if (!byRow.has(row)) {
      after.push([old]);
      continue;
    }
    const { value, date } = byRow.get(row) as CellChange;
    // A new date goes in as a Date, unless the cell held a bare serial (kept as a number).
    const asDate = date && typeof value === 'number' && typeof raw !== 'number';
    after.push([asDate ? dateInZone(value, timeZone) : cellInput(value, '', format)]);
  }
  return { first, before, after };
}

/** Writes the plan's live changes; each step pushes its own undo. */
function writeLive(
  plan: NextCyclePlan,
  tabs: Partial<Record<PlanGrid, ReadTab>>,
  timeZone: string,
  undo: (() => void)[],
): void {
  // Settings last: the switch to the new cycle comes once everything else is in place.
  const ordered = [...plan.columns].sort((a, b) => Number(a.grid === 'settings') - Number(b.grid === 'settings'));
  for (const change of ordered) {
    const tab = tabs[change.grid];
    if (!tab || change.changes.length === 0) continue;
    const { first, before, after } = columnBlock(tab, change, timeZone);
    const range = tab.sheet.getRange(first, change.column + 1, after.length, 1);
    range.setValues(after);
    undo.push(() => range.setValues(before));
  }
  const settings = tabs.settings;
  if (settings && plan.appendSettings.length > 0) {
    const row = settings.sheet.getLastRow() + 1;
    ensureSize(settings.sheet, row + plan.appendSettings.length - 1, 2);
    const range = settings.sheet.getRange(row, 1, plan.appendSettings.length, 2);
    range.setValues(
      plan.appendSettings.map(([label, value]) => [
        label,
        typeof value === 'number' ? dateInZone(value, timeZone) : cellInput(value),
      ]),
    );
    undo.push(() => range.clearContent());
  }
}

/** Undoes in reverse order; returns what could not be undone. */
function rollBack(undo: readonly (() => void)[]): string[] {
  const failed: string[] = [];
  for (const step of [...undo].reverse()) {
    try {
      step();
    } catch (error) {
      failed.push(error instanceof Error ? error.message : String(error));
    }
  }
  return failed;
}

export function startNextCycle(): void {
  runAction(TITLE, () => {
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
    const planned = planNextCycle({ grids, formulas, sheetNames: ss.getSheets().map((s) => s.getName()), asOfDay });
    if (!planned.ok) throw new UserError(planned.error);
    const plan = planned.value;

    const wb = readWorkbook(grids, asOfDay);
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

    const undo: (() => void)[] = [];
    try {
      for (const a of plan.archives) {
        const read = tabs[a.key];
        const values = frozen.get(a.key);
        if (!read || !values) continue;
        archive(ss, read.sheet, { values, formats: read.formats }, a.name, plan.oldCycle.name, undo);
      }
      writeLive(plan, tabs, timeZone, undo);
    } catch (error) {
      const failed = rollBack(undo);
      if (failed.length === 0) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new UserError(
        `Start next cycle stopped part-way (${message}) and could not undo everything (${failed.join('; ')}). ` +
          `The archive tabs named "… (${plan.oldCycle.name})" hold the old cycle as it was: compare with them before running it again.`,
      );
    }
    return summaryText(plan);
  });
}
