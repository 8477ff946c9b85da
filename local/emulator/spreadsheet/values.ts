import { normalizeFormula } from '../formulas/normalize.js';
import { isDate, wallToInstant } from './dates.js';
import type { Cell, Scalar } from './model.js';

/**
 * What a value written by setValue/setValues becomes. Strings are read as if typed into the
 * cell: `=…` is a formula (stored as Sheets stores it, see normalizeFormula), a leading
 * apostrophe forces text, and numeric, boolean and ISO date text is converted (unless the cell
 * is formatted as plain text, `@`).
 */
export function parseInput(
  value: unknown,
  format: string | undefined,
  tz: string,
): { v?: Scalar; f?: string; fmt?: string } {
  if (value === null || value === undefined || value === '') return {};
  if (typeof value === 'number' || typeof value === 'boolean') return { v: value };
  if (isDate(value)) return { v: new Date(value.getTime()) };
  if (typeof value !== 'string') return { v: String(value) };
  if (value.startsWith('=') && value.length > 1 && format !== '@') return { f: normalizeFormula(value) };
  if (value.startsWith("'")) return { v: value.slice(1) };
  if (format === '@') return { v: value };
  const t = value.trim();
  if (/^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d*)?([eE][+-]?\d+)?$/.test(t) || /^[+-]?\.\d+$/.test(t)) {
    return { v: Number(t.replace(/,/g, '')) };
  }
  const pct = /^([+-]?\d+(\.\d+)?)\s*%$/.exec(t);
  if (pct) return { v: Number(pct[1]) / 100, fmt: format ? undefined : '0%' };
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === 'true' };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (iso) {
    const [, y, mo, d, h, mi, sec] = iso.map(Number) as number[];
    const ms = wallToInstant(
      { year: y ?? 0, month: mo ?? 1, day: d ?? 1, hour: h || 0, minute: mi || 0, second: sec || 0, ms: 0 },
      tz,
    );
    return { v: new Date(ms), fmt: format ? undefined : iso[4] ? 'yyyy-mm-dd h:mm:ss' : 'yyyy-mm-dd' };
  }
  return { v: value };
}

/** Sheets' limit on the text in one cell. */
export const MAX_CELL_CHARACTERS = 50_000;

/**
 * Refuses a write holding text longer than a cell takes, before any cell changes, with the
 * message Sheets gives ("Your input contains more than the maximum of 50000 characters in a
 * single cell.", e.g. https://integrately.com/integrations/google-sheets/error and
 * https://qiita.com/koshilife/items/5aff56c1bb9e5d31067f). A formula's text is not a cell's text.
 */
export function checkCellText(grid: readonly (readonly unknown[])[]): void {
  // Indexed loops: a for-of here allocated an iterator result per cell of a 50,000-row write.
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] as readonly unknown[];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value !== 'string' || value.length <= MAX_CELL_CHARACTERS) continue;
      const text = value.startsWith("'") ? value.slice(1) : value;
      if (text.startsWith('=') || text.length <= MAX_CELL_CHARACTERS) continue;
      const error = new Error(
        `Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`,
      );
      error.name = 'Exception';
      throw error;
    }
  }
}

// Fields are set to undefined rather than deleted: a deleted property turns each of a million
// cell objects into a slow dictionary. Every reader treats undefined as absent.
export function clearContent(cell: Cell): void {
  cell.v = undefined;
  cell.f = undefined;
}

export function clearFormat(cell: Cell): void {
  cell.fmt = undefined;
  cell.bg = undefined;
  cell.fw = undefined;
  cell.fc = undefined;
  cell.fstyle = undefined;
  cell.fsize = undefined;
  cell.ffamily = undefined;
  cell.ha = undefined;
  cell.va = undefined;
  cell.wrap = undefined;
  cell.wrapStrategy = undefined;
}

export function dimensionError(what: 'rows' | 'columns', data: number, range: number): Error {
  return new Error(
    `The number of ${what} in the data does not match the number of ${what} in the range. The data has ${data} but the range has ${range}.`,
  );
}

/** Checks that `data` is a 2D array of exactly numRows × numCols, with Apps Script's messages. */
export function checkShape(data: unknown, numRows: number, numCols: number, method: string): unknown[][] {
  if (!Array.isArray(data) || data.some((r) => !Array.isArray(r))) {
    throw new Error(
      `The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
    );
  }
  if (data.length !== numRows) throw dimensionError('rows', data.length, numRows);
  for (let r = 0; r < data.length; r++) {
    const row = data[r] as unknown[];
    if (row.length !== numCols) throw dimensionError('columns', row.length, numCols);
  }
  return data as unknown[][];
}
