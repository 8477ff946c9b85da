/**
 * Writes to a user's tab that can be undone (§6.3): the cells are read before the action
 * writes anything (their values, formulas and number formats), each write is recorded in
 * the journal with the cells it changed, and the undo writes them back exactly.
 */
import { columnLetter } from '../core/workbook/a1';
import type { Journal } from './journal';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * What to hand setValues so a cell ends up holding `value` exactly: a formula as its
 * formula, and text that Sheets would read as something else (a number, a date, a
 * formula: `1,200`, `=x`, `-5`, `TRUE`) behind the apostrophe that marks it as text.
 * A plain-text (`@`) cell reads nothing, so its text goes in as it is.
 */
export function cellInput(value: unknown, formula = '', format = ''): unknown {
  if (formula !== '') return formula;
  if (typeof value !== 'string' || value === '' || format === '@') return value;
  return /^\s*([=+\-@'−$€£¥.]|\d)/.test(value) || /^\s*(true|false)\s*$/i.test(value) ? `'${value}` : value;
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
  const first = `${columnLetter(column - 1)}${row}`;
  const last = `${columnLetter(column + numColumns - 2)}${row + numRows - 1}`;
  return `${tab}!${first}${first === last ? '' : `:${last}`}`;
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
