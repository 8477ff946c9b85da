/**
 * Writes to a user's tab that can be undone (§6.3): the cells are read before the action
 * writes anything (their values, formulas and number formats), each write is recorded in
 * the journal with the cells it changed, and the undo writes them back exactly.
 */
import { columnLetter, rangeA1 } from '../core/workbook/a1';
import type { Journal } from './journal';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Text Sheets would take for a formula, a number, a date or a boolean: one test per cell. */
const READ_AS_OTHER_THAN_TEXT = /^\s*(?:[=+\-@'−$€£¥.\d]|(?:true|false)\s*$)/i;

/**
 * What to hand setValues so a cell ends up holding `value` exactly: a formula as its
 * formula, and text that Sheets would read as something else (a number, a date, a
 * formula: `1,200`, `=x`, `-5`, `TRUE`) behind the apostrophe that marks it as text.
 * A plain-text (`@`) cell reads nothing, so its text goes in as it is.
 */
export function cellInput(value: unknown, formula = '', format = ''): unknown {
  if (formula !== '') return formula;
  if (typeof value !== 'string' || value === '' || format === '@') return value;
  return READ_AS_OTHER_THAN_TEXT.test(value) ? `'${value}` : value;
}

/** A block of cells as it was before the action wrote anything: enough to put it back. */
export interface CellsBefore {
  readonly sheet: Sheet;
  /** The tab's name, for messages. */
  readonly tab: string;
  /** 1-based. */
  readonly row: number;
  readonly column: number;
  readonly values: readonly unknown[][];
  readonly formulas: readonly string[][];
  readonly formats: readonly string[][];
}

/** Reads a block before any write (three reads of one range: no read-after-write round trip). */
export function readCellsBefore(
  sheet: Sheet,
  tab: string,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): CellsBefore {
  const range = sheet.getRange(row, column, numRows, numColumns);
  return {
    sheet,
    tab,
    row,
    column,
    values: range.getValues(),
    formulas: range.getFormulas(),
    formats: range.getNumberFormats(),
  };
}

/** The block as it was read, as setValues needs it (formats go back first). */
function restore(before: CellsBefore): void {
  const numRows = before.values.length;
  const numColumns = before.values[0]?.length ?? 0;
  const range = before.sheet.getRange(before.row, before.column, numRows, numColumns);
  range.setNumberFormats(before.formats.map((r) => [...r]));
  range.setValues(
    before.values.map((r, i) =>
      r.map((v, j) => (isDate(v) ? v : cellInput(v, before.formulas[i]?.[j] ?? '', before.formats[i]?.[j] ?? ''))),
    ),
  );
}

/** `Team OKRs!J5`, `Team OKRs!H2:H9`. */
export function a1Of(tab: string, row: number, column: number, numRows: number, numColumns: number): string {
  return `${tab}!${rangeA1(row, column, numRows, numColumns)}`;
}

/**
 * Writes `values` over the block read as `before` (same shape) in one setValues, and records
 * it: `label` names the columns, e.g. `Current` or `Start, Current`.
 */
export function writeOver(journal: Journal, before: CellsBefore, values: unknown[][], label: string): void {
  const numRows = before.values.length;
  const numColumns = before.values[0]?.length ?? 0;
  before.sheet.getRange(before.row, before.column, numRows, numColumns).setValues(values);
  const where = a1Of(before.tab, before.row, before.column, numRows, numColumns);
  journal.record(`${where} (${label})`, () => restore(before));
}

/** Restores the number formats of one block as they were read. */
export function restoreFormats(before: CellsBefore): void {
  const numRows = before.formats.length;
  const numColumns = before.formats[0]?.length ?? 0;
  before.sheet
    .getRange(before.row, before.column, numRows, numColumns)
    .setNumberFormats(before.formats.map((r) => [...r]));
}

/** Sets the number formats of the block read as `before` (same shape) in one call, and records it. */
export function formatOver(journal: Journal, before: CellsBefore, formats: string[][], label: string): void {
  const numRows = before.formats.length;
  const numColumns = before.formats[0]?.length ?? 0;
  before.sheet.getRange(before.row, before.column, numRows, numColumns).setNumberFormats(formats);
  const where = a1Of(before.tab, before.row, before.column, numRows, numColumns);
  journal.record(`${where} (${label}): number format`, () => restoreFormats(before));
}

/** A sub-block of what was read: rows and columns 0-based within `before`. */
export function partOf(before: CellsBefore, r: number, c: number, numRows: number, numColumns: number): CellsBefore {
  const cut = <T>(grid: readonly T[][]) => grid.slice(r, r + numRows).map((line) => line.slice(c, c + numColumns));
  return {
    sheet: before.sheet,
    tab: before.tab,
    row: before.row + r,
    column: before.column + c,
    values: cut(before.values),
    formulas: cut(before.formulas),
    formats: cut(before.formats),
  };
}

/** Sorted runs of adjacent 0-based columns. */
export function columnRuns(columns: readonly number[]): { first: number; width: number }[] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: { first: number; width: number }[] = [];
  for (const column of sorted) {
    const run = runs[runs.length - 1];
    if (run !== undefined && column === run.first + run.width) run.width++;
    else runs.push({ first: column, width: 1 });
  }
  return runs;
}

/** One row's cells as they were, read before any write (one span, three reads). */
export interface RowBefore {
  readonly sheet: Sheet;
  readonly tab: string;
  /** 1-based. */
  readonly row: number;
  /** The span read, or null for a row the action adds (its undo is deleting it). */
  readonly span: CellsBefore | null;
  /** 0-based column of the span's first cell. */
  readonly first: number;
}

/** Reads the cells of `row` in `columns` (0-based) before any write; a row past the sheet's end has none. */
export function readRowBefore(
  sheet: Sheet,
  tab: string,
  row: number,
  columns: readonly number[],
  maxRows: number,
): RowBefore {
  const first = Math.min(...columns);
  const last = Math.max(...columns);
  if (columns.length === 0 || row > maxRows) return { sheet, tab, row, span: null, first: 0 };
  return { sheet, tab, row, span: readCellsBefore(sheet, tab, row, first + 1, 1, last - first + 1), first };
}

/**
 * Writes cells of one row, one setValues per run of adjacent columns (neighbours such as
 * Score are never written), each recorded with its undo. `label` names a column.
 */
export function writeRowCells(
  journal: Journal,
  before: RowBefore,
  cells: readonly { readonly column: number; readonly value: unknown }[],
  label: (column: number) => string,
): void {
  const byColumn = new Map(cells.map((c) => [c.column, c.value]));
  for (const run of columnRuns(cells.map((c) => c.column))) {
    const values = [Array.from({ length: run.width }, (_, k) => byColumn.get(run.first + k))];
    const names = Array.from({ length: run.width }, (_, k) => label(run.first + k)).join(', ');
    if (before.span === null) {
      before.sheet.getRange(before.row, run.first + 1, 1, run.width).setValues(values);
      // On a row the action added: deleting the row undoes it.
      journal.record(`${a1Of(before.tab, before.row, run.first + 1, 1, run.width)} (${names})`, () => {});
      continue;
    }
    writeOver(journal, partOf(before.span, 0, run.first - before.first, 1, run.width), values, names);
  }
}

/** Sets one number format on cells of one row, one call per run, each recorded with its undo. */
export function formatRowCells(
  journal: Journal,
  before: RowBefore,
  columns: readonly number[],
  format: string,
  label: (column: number) => string,
): void {
  for (const run of columnRuns(columns)) {
    const formats = [new Array<string>(run.width).fill(format)];
    const names = Array.from({ length: run.width }, (_, k) => label(run.first + k)).join(', ');
    if (before.span === null) {
      before.sheet.getRange(before.row, run.first + 1, 1, run.width).setNumberFormats(formats);
      journal.record(
        `${a1Of(before.tab, before.row, run.first + 1, 1, run.width)} (${names}): number format`,
        () => {},
      );
      continue;
    }
    formatOver(journal, partOf(before.span, 0, run.first - before.first, 1, run.width), formats, names);
  }
}

/**
 * Makes the sheet at least `rows` × `columns` (sizes as read before any write), recording
 * the rows and columns it adds: the undo deletes them, and whatever was written in them.
 */
export function growSheet(
  journal: Journal,
  sheet: Sheet,
  tab: string,
  size: { readonly maxRows: number; readonly maxColumns: number },
  rows: number,
  columns: number,
): void {
  if (size.maxRows < rows) {
    sheet.insertRowsAfter(size.maxRows, rows - size.maxRows);
    const from = size.maxRows + 1;
    journal.record(
      `${tab}: rows ${from === rows ? from : `${from}–${rows}`} added, with what was written in them`,
      () => sheet.deleteRows(from, rows - size.maxRows),
    );
  }
  if (size.maxColumns < columns) {
    sheet.insertColumnsAfter(size.maxColumns, columns - size.maxColumns);
    const from = columnLetter(size.maxColumns);
    const to = columnLetter(columns - 1);
    journal.record(`${tab}: columns ${from === to ? from : `${from}–${to}`} added`, () =>
      sheet.deleteColumns(size.maxColumns + 1, columns - size.maxColumns),
    );
  }
}
