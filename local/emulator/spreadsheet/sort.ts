import { shiftReferences } from '../formulas/references.js';
import { type GridRect, rectToA1 } from './a1.js';
import { dateToSerial, isDate } from './dates.js';
import type { Cell, SheetData } from './model.js';

/**
 * Range.sort: https://developers.google.com/apps-script/reference/spreadsheet/range#sortsortspecobj
 * The spec is a column number, `{column, ascending}`, or an array of either; columns are the
 * sheet's (`range.sort(2)` sorts by column B), ascending unless `ascending: false`; later
 * columns break ties of earlier ones.
 */
export interface SortKey {
  column: number;
  ascending: boolean;
}

export function sortKeys(spec: unknown, rect: GridRect): SortKey[] {
  const bad = () =>
    new Error(
      `The parameters (${JSON.stringify(spec)}) don't match the method signature for SpreadsheetApp.Range.sort.`,
    );
  const one = (s: unknown): SortKey => {
    if (typeof s === 'number') return { column: s, ascending: true };
    if (s && typeof s === 'object' && typeof (s as { column?: unknown }).column === 'number') {
      const { column, ascending } = s as { column: number; ascending?: unknown };
      return { column, ascending: ascending !== false };
    }
    throw bad();
  };
  const keys = Array.isArray(spec) ? spec.map(one) : [one(spec)];
  if (keys.length === 0) throw bad();
  for (const k of keys) {
    if (!Number.isInteger(k.column) || k.column < rect.col || k.column >= rect.col + rect.numCols) {
      // Wording unverified on Sheets; the rule (a sort column inside the range) is the doc's.
      throw new Error(`The sort column ${k.column} is outside the range ${rectToA1(rect)}.`);
    }
  }
  return keys;
}

type Evaluated = { value: unknown; error?: string };

/**
 * The order Sheets sorts a range in (Data > Sort range, https://support.google.com/docs/answer/3540681):
 * numbers (dates are numbers) before text, text compared without regard to case, blank cells
 * last whichever the direction. That page does not spell the order out: it is Sheets' observed
 * behaviour. Booleans after text and errors after booleans follow the common spreadsheet
 * order, unverified on Sheets.
 */
function rank(e: Evaluated, tz: string): { kind: number; key: number | string } {
  const v = e.value;
  if (e.error) return { kind: 3, key: String(v) };
  if (v === '' || v === null || v === undefined) return { kind: 4, key: 0 };
  if (typeof v === 'number') return { kind: 0, key: v };
  if (isDate(v)) return { kind: 0, key: dateToSerial(v.getTime(), tz) };
  if (typeof v === 'boolean') return { kind: 2, key: v ? 1 : 0 };
  return { kind: 1, key: String(v) };
}

function compare(x: Evaluated, y: Evaluated, ascending: boolean, tz: string): number {
  const a = rank(x, tz);
  const b = rank(y, tz);
  if (a.kind === 4 || b.kind === 4) return a.kind === b.kind ? 0 : a.kind === 4 ? 1 : -1;
  let order: number;
  if (a.kind !== b.kind) order = a.kind - b.kind;
  else if (typeof a.key === 'number' && typeof b.key === 'number') order = a.key - b.key;
  else order = String(a.key).localeCompare(String(b.key), 'en', { sensitivity: 'accent' });
  return ascending ? order : -order;
}

/**
 * Sorts the rows of `rect` by `keys`, stably, moving each row's cells within the range's columns
 * whole (value, formula, formats, note, validation). A formula that moves is adjusted as if
 * copied to its new row (relative references shift); formulas elsewhere that point into the
 * range keep their text.
 */
export function sortRows(sheet: SheetData, rect: GridRect, keys: SortKey[], values: Evaluated[][], tz: string): void {
  const overlaps = sheet.merges.some(
    (m) =>
      m.row < rect.row + rect.numRows &&
      m.row + m.numRows > rect.row &&
      m.col < rect.col + rect.numCols &&
      m.col + m.numCols > rect.col,
  );
  if (overlaps) throw new Error('Emulator: Range.sort over merged cells is not implemented');
  const order = values.map((_, i) => i);
  order.sort((i, j) => {
    for (const k of keys) {
      const c = k.column - rect.col;
      const d = compare(values[i]?.[c] ?? { value: '' }, values[j]?.[c] ?? { value: '' }, k.ascending, tz);
      if (d !== 0) return d;
    }
    return i - j;
  });
  const before: (Cell | undefined)[][] = order.map((_, i) => {
    const row = sheet.line(rect.row + i);
    return Array.from({ length: rect.numCols }, (_, j) => row?.[rect.col + j]);
  });
  for (const [i, from] of order.entries()) {
    const r = rect.row + i;
    let row = sheet.line(r);
    if (!row) {
      row = [];
      sheet.rows[r] = row;
    }
    for (let j = 0; j < rect.numCols; j++) {
      const cell = before[from]?.[j];
      if (cell?.f !== undefined) cell.f = shiftReferences(cell.f, i - from, 0);
      row[rect.col + j] = cell;
    }
  }
}
