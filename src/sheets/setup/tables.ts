/**
 * Set-up of one table tab (§4.1): create it, or add the columns of ours it lacks after its
 * last used column, and give what it adds its header, width, number format and validation;
 * a user's columns and cells are never written. Planned from the survey (nothing is read
 * here) and written in batches: one call per run of adjacent columns, never per row (§6.1).
 * Each write is recorded in the journal (§6.3): a new sheet's undo deletes it; on a user's
 * tab each change is listed exactly, with an undo where the survey holds what it replaced.
 */
import { columnLetter, rangeA1 } from '../../core/workbook/a1';
import { mapHeaders } from '../../core/workbook/schema';
import { columnRuns, growSheet } from '../cells';
import type { Journal } from '../journal';
import { planTable, type TableLayout, type TablePlan } from '../layout';
import { NEW_SHEET_SIZE } from '../own-logs';
import { knownSize, openA1, type SetupWrites } from './sheet-writes';
import type { SetupStyles } from './styles';
import { isStatusColourRule } from './styles';
import { mappedHeaderRow, type TabRead, usedWidth } from './survey';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sheets' width of a column nobody resized: a new sheet's columns need no call to get it. */
const DEFAULT_WIDTH = 100;

export interface PreparedTable<K extends string> {
  readonly name: string;
  readonly sheet: Sheet;
  readonly plan: TablePlan<K>;
  /** A new sheet, or one that was empty: its columns are all ours. */
  readonly created: boolean;
  /** Inserted by this action: deleting it undoes everything written in it. */
  readonly newSheet: boolean;
  /** The tab as read before set-up (undefined for a new sheet). */
  readonly read?: TabRead;
  /**
   * Rows the sheet has (as read, or a new sheet's); undefined when the survey did not need them
   * (a tab with every column of ours and rows below its header: see survey.ts).
   */
  readonly maxRows: number | undefined;
  /** The header row's cells as read (values and formulas), for the live formulas. */
  readonly headerValues: readonly unknown[];
  readonly headerFormulas: readonly string[];
  /** Bold header already there (a copy of a styled sheet): the header write need not set it. */
  readonly styled: boolean;
}

/** Where each column goes, before anything is written. */
export function planOf<K extends string>(layout: TableLayout<K>, read: TabRead | undefined): TablePlan<K> {
  return planTable(layout.tab, mappedHeaderRow(read), usedWidth(read), layout.schema);
}

/** `J–T`, `J`. */
export function columnSpan(first: number, last: number): string {
  return first === last ? columnLetter(first) : `${columnLetter(first)}–${columnLetter(last)}`;
}

/** A new sheet for a tab, at `index` in the tab order; the journal's undo deletes it. */
export function createSheet(ss: Spreadsheet, journal: Journal, name: string, index: number): Sheet {
  const sheet = ss.insertSheet(name, index);
  journal.record(`a new sheet "${name}", with what was written in it`, () => ss.deleteSheet(sheet));
  return sheet;
}

/** A copy of a styled new sheet, renamed: its formats, drop-downs, widths and colours come along. */
export function copySheet(ss: Spreadsheet, journal: Journal, source: Sheet, sourceName: string, name: string): Sheet {
  const sheet = source.copyTo(ss);
  const change = journal.record(`a new sheet "Copy of ${sourceName}"`, () => ss.deleteSheet(sheet));
  sheet.setName(name);
  change.what = `a new sheet "${name}", with what was written in it`;
  return sheet;
}

interface StyleContext {
  readonly journal: Journal;
  readonly styles: SetupStyles;
  readonly writes: SetupWrites;
}

/**
 * Widths, number formats, validation and Status colours for the columns `isNew` picks (every
 * column of a new sheet; the appended ones of a user's tab). On a user's tab each change is
 * recorded; on a new sheet its deletion undoes them all. Widths are set at once; the writes
 * into ranges are queued (sheet-writes.ts) and the Status colours too (SetupStyles).
 */
function style<K extends string>(
  ctx: StyleContext,
  layout: TableLayout<K>,
  table: PreparedTable<K>,
  isNew: (key: K) => boolean,
  formatted: (key: K) => boolean,
  colours = true,
): void {
  const { sheet, plan, maxRows, name } = table;
  const record = (what: string, undo?: () => void) => {
    if (!table.newSheet) ctx.journal.record(`${name}: ${what}`, undo);
  };
  const keys = layout.schema.columns.map((c) => c.key);
  const at = (key: K) => plan.index[key];

  // Widths: one call per run of equal widths; a new sheet's columns are already 100 px.
  const widths = keys
    .filter(isNew)
    .map((key) => ({ column: at(key), width: layout.columns[key].width }))
    .filter(({ width }) => !(table.newSheet && width === DEFAULT_WIDTH))
    .sort((a, b) => a.column - b.column);
  for (let i = 0; i < widths.length; ) {
    const first = widths[i] as { column: number; width: number };
    const next = widths[i + 1];
    const third = widths[i + 2];
    const adjacent = (k: number) => widths[i + k]?.column === first.column + k;
    // Unit 130 | Title 320 | Owner 130: one call paints all three, a second sets the middle one.
    if (next && third && adjacent(1) && adjacent(2) && third.width === first.width && next.width !== first.width) {
      sheet.setColumnWidths(first.column + 1, 3, first.width);
      sheet.setColumnWidth(next.column + 1, next.width);
      record(`widths of columns ${columnSpan(first.column, first.column + 2)}`);
      i += 3;
      continue;
    }
    let j = i + 1;
    while (j < widths.length && widths[j]?.width === first.width && adjacent(j - i)) j++;
    if (j - i === 1) sheet.setColumnWidth(first.column + 1, first.width);
    else sheet.setColumnWidths(first.column + 1, j - i, first.width);
    record(`width of column${j - i > 1 ? 's' : ''} ${columnSpan(first.column, first.column + j - i - 1)}`);
    i = j;
  }

  // A sheet of one row has no body to format (a tab not sized by the survey has rows below its header).
  if (maxRows !== undefined && maxRows < 2) return;
  // Number formats: one write per run of adjacent formatted columns.
  const byColumn = new Map<number, string>();
  for (const key of keys) {
    const format = layout.columns[key].format;
    if (format && formatted(key)) byColumn.set(at(key), format);
  }
  for (const run of columnRuns([...byColumn.keys()])) {
    const row = Array.from({ length: run.width }, (_, k) => byColumn.get(run.first + k) as string);
    if (maxRows !== undefined) {
      const what = `number format of column${run.width > 1 ? 's' : ''} ${columnSpan(run.first, run.first + run.width - 1)}`;
      const bodyRows = maxRows - 1;
      ctx.writes.at(sheet, rangeA1(2, run.first + 1, bodyRows, run.width), (range) => {
        range.setNumberFormats(Array.from({ length: bodyRows }, () => row));
        record(what);
      });
      continue;
    }
    // Size not read (survey.ts): the same cells, rows 2 to the last, as open-ended ranges, one
    // per stretch of one format (Range.setNumberFormat sets a whole range:
    // https://developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormat(String)).
    for (let k = 0; k < run.width; ) {
      let end = k + 1;
      while (end < run.width && row[end] === row[k]) end++;
      const format = row[k] as string;
      const [first, last] = [run.first + k, run.first + end - 1];
      ctx.writes.at(sheet, openA1(2, first, last), (range) => {
        range.setNumberFormat(format);
        record(`number format of column${last > first ? 's' : ''} ${columnSpan(first, last)}`);
      });
      k = end;
    }
  }

  // Validation: one block from the first to the last new column that has a rule (new columns
  // are adjacent: a new sheet's, or those appended after the user's last one).
  const validated = keys.filter((key) => isNew(key) && layout.columns[key].validation !== undefined).map(at);
  if (validated.length > 0) {
    if (maxRows === undefined) throw new Error(`Set up: "${name}" gets columns, but its size was not read`);
    const bodyRows = maxRows - 1;
    const first = Math.min(...validated);
    const last = Math.max(...validated);
    const rules = Array.from({ length: last - first + 1 }, (_, k) => {
      const key = keys.find((candidate) => at(candidate) === first + k);
      const rule = key === undefined || !isNew(key) ? undefined : layout.columns[key].validation;
      return rule === undefined ? null : ctx.styles.validation(rule);
    });
    ctx.writes.at(sheet, rangeA1(2, first + 1, bodyRows, rules.length), (range) => {
      range.setDataValidations(Array.from({ length: bodyRows }, () => rules));
      record(`drop-downs and number checks in column${first === last ? '' : 's'} ${columnSpan(first, last)}`);
    });
  }

  // Status colours, unless ours are in place already; a user's own rules are kept, in order.
  if (layout.status !== undefined && colours) {
    const before = table.read?.rules ?? [];
    const ours = before.filter(isStatusColourRule);
    if (ours.length < 4) {
      const kept = before.filter((rule) => !ours.includes(rule));
      ctx.styles.colourStatuses(ctx.writes, { sheet, name, newSheet: table.newSheet, before, kept }, at(layout.status));
    }
  }
}

/**
 * A new sheet's table: frozen header row, widths, formats, validation and colours. Its header
 * row itself is written (in bold) with the live formulas and any rows by set-up's header block,
 * once every tab the formulas read exists.
 */
export function styleNewTable<K extends string>(
  ctx: StyleContext,
  layout: TableLayout<K>,
  table: PreparedTable<K>,
  boldHeader: boolean,
  /** False for a History whose colours come with its first snapshot (survey.ts). */
  colours = true,
): void {
  if (boldHeader) {
    // A sheet that is copied needs its header row bold before the copy; the text comes later.
    const width = Math.max(...Object.values<number>(table.plan.index)) + 1;
    ctx.writes.at(table.sheet, rangeA1(1, 1, 1, width), (range) => range.setFontWeight('bold'));
  }
  if (table.read === undefined || table.read.frozenRows === 0) {
    table.sheet.setFrozenRows(1);
    if (!table.newSheet) ctx.journal.record(`${table.name}: header row frozen`, () => table.sheet.setFrozenRows(0));
  }
  style(
    ctx,
    layout,
    table,
    () => true,
    () => true,
    colours,
  );
}

/**
 * A user's tab (or a log of ours that exists): the missing columns appended after the last used
 * one, with their headers; then widths, formats and validation for them. Computed columns whose
 * live formula set-up writes now get their number format too.
 */
export function extendTable<K extends string>(
  ctx: StyleContext,
  layout: TableLayout<K>,
  table: PreparedTable<K>,
  takenOver: ReadonlySet<K>,
  /** False for a History whose colours come with its first snapshot (survey.ts). */
  colours = true,
): void {
  const { sheet, plan, name } = table;
  const read = table.read as TabRead;
  const added = plan.appended;
  const appended = new Set(added.map((a) => a.key));
  if (added.length > 0) {
    const width = Math.max(...Object.values<number>(plan.index)) + 1;
    growSheet(ctx.journal, sheet, name, knownSize(read), 2, width);
    const first = (added[0]?.index ?? 0) + 1;
    const headers = added.map(({ key }) => layout.schema.columns.find((c) => c.key === key)?.header ?? key);
    ctx.writes.at(sheet, rangeA1(1, first, 1, added.length), (cells) => {
      cells.setValues([headers]);
      const change = ctx.journal.record(
        `${name}!${columnLetter(first - 1)}1:${columnLetter(first + added.length - 2)}1 (headers of the added columns)`,
        () => cells.clear(),
      );
      cells.setFontWeight('bold');
      change.what += ', in bold';
    });
  }
  if (read.frozenRows === 0) {
    sheet.setFrozenRows(1);
    ctx.journal.record(`${name}: header row frozen`, () => sheet.setFrozenRows(0));
  }
  const isNew = (key: K) => appended.has(key);
  style(ctx, layout, table, isNew, (key) => isNew(key) || takenOver.has(key), colours);
}

/** Finds the table's sheet and plan; creates nothing yet. */
export function describeTable<K extends string>(
  layout: TableLayout<K>,
  read: TabRead | undefined,
): { plan: TablePlan<K>; fresh: boolean; usable: boolean } {
  const plan = planOf(layout, read);
  const fresh = usedWidth(read) === 0;
  const usable = read === undefined || fresh || mapHeaders(layout.tab, mappedHeaderRow(read), layout.schema).usable;
  return { plan, fresh, usable };
}

/** The table's header row once set up, and its rows in the plan's columns (blank elsewhere). */
export function tableBlock<K extends string>(
  layout: TableLayout<K>,
  plan: TablePlan<K>,
  headerCells: ReadonlyMap<number, string>,
  rows: readonly (readonly unknown[])[],
): unknown[][] {
  const width = Math.max(...Object.values<number>(plan.index)) + 1;
  const header: unknown[] = new Array(width).fill('');
  layout.schema.columns.forEach((c) => {
    header[plan.index[c.key]] = headerCells.get(plan.index[c.key]) ?? c.header;
  });
  const body = rows.map((source) => {
    const row: unknown[] = new Array(width).fill('');
    layout.schema.columns.forEach((c, i) => {
      if (!c.computed) row[plan.index[c.key]] = source[i] ?? '';
    });
    return row;
  });
  return [header, ...body];
}

/** A new sheet's size, or the sheet's as read (undefined where the survey did not read it). */
export function sizeOf(read: TabRead | undefined): { maxRows: number | undefined; maxColumns: number | undefined } {
  return read === undefined ? NEW_SHEET_SIZE : { maxRows: read.maxRows, maxColumns: read.maxColumns };
}
