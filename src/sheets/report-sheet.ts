/**
 * Generated report sheets (Roll-up, Dashboard, Validation) are laid out in
 * memory as one grid of cells with their formats, then written with one call
 * per property (§6.1): setNumberFormats, setValues, setBackgrounds,
 * setFontColors, setFontWeights, setFontStyles. However many rows, the same calls.
 */

import { fitCellText } from '../core/cell-text';
import { NEW_SHEET_SIZE } from './generated';
import { writeRowGroups } from './report-groups';
import { widthPlan } from './width-plan';

/** What Apps Script reports for a cell without a number format; used where a cell needs none. */
export const NO_FORMAT = '0.###############';
/** Plain text: what is written stays text, even `=…`, `001` or `2027-01-15` (§6.2). */
export const TEXT_FORMAT = '@';
export const PERCENT_FORMAT = '0%';
export const COUNT_FORMAT = '0';
export const DATE_FORMAT = 'yyyy-mm-dd';

export interface CellSpec {
  readonly value?: string | number | null;
  /** A formula; its cell gets NO_FORMAT so that Sheets evaluates it. */
  readonly formula?: string;
  readonly format?: string;
  readonly background?: string | null;
  /** Text colour; null (the default) is Sheets' black. */
  readonly fontColor?: string | null;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/** A plain string or number, or a cell with its formatting. */
export type Cell = string | number | null | undefined | CellSpec;

export interface RowStyle {
  readonly background?: string | null;
  readonly fontColor?: string | null;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/** Distinct rows of one formatting property kept per grid, beyond which rows are copied as they come. */
const MAX_DISTINCT = 10_000;

/**
 * `row` (a scratch array, reused) as an array the grid already holds with the same entries, or a
 * copy kept for the next rows like it: rows share their formats, so 50,000 rows keep a few
 * hundred arrays alive instead of a quarter of a million (what an action keeps alive until it
 * ends is what its garbage collections copy). The arrays are only ever read.
 */
function shared<T>(rows: T[][], seen: Map<string, T[]>, row: readonly T[]): T[] {
  const last = rows[rows.length - 1];
  if (last !== undefined && last.length === row.length) {
    let same = true;
    for (let i = 0; i < row.length && same; i++) same = last[i] === row[i];
    if (same) return last;
  }
  let key = '';
  for (const entry of row) key += `${entry === null ? '\u0000' : String(entry)}\u0001`;
  const known = seen.get(key);
  if (known !== undefined) return known;
  const copy = row.slice();
  if (seen.size < MAX_DISTINCT) seen.set(key, copy);
  return copy;
}

/** A rectangular report built row by row; every matrix has `width` columns. */
export class ReportGrid {
  readonly width: number;
  readonly values: (string | number)[][] = [];
  readonly formats: string[][] = [];
  readonly backgrounds: (string | null)[][] = [];
  readonly fontColors: (string | null)[][] = [];
  readonly weights: GoogleAppsScript.Spreadsheet.FontWeight[][] = [];
  readonly styles: GoogleAppsScript.Spreadsheet.FontStyle[][] = [];
  /** The distinct rows of each property so far (see shared). */
  private readonly seen = {
    formats: new Map<string, string[]>(),
    backgrounds: new Map<string, (string | null)[]>(),
    fontColors: new Map<string, (string | null)[]>(),
    weights: new Map<string, GoogleAppsScript.Spreadsheet.FontWeight[]>(),
    styles: new Map<string, GoogleAppsScript.Spreadsheet.FontStyle[]>(),
  };
  /** One row's formatting as it is worked out, before shared keeps or copies it. */
  private readonly scratch: {
    formats: string[];
    backgrounds: (string | null)[];
    fontColors: (string | null)[];
    weights: GoogleAppsScript.Spreadsheet.FontWeight[];
    styles: GoogleAppsScript.Spreadsheet.FontStyle[];
  };

  constructor(width: number) {
    this.width = width;
    this.scratch = {
      formats: new Array(width),
      backgrounds: new Array(width),
      fontColors: new Array(width),
      weights: new Array(width),
      styles: new Array(width),
    };
  }

  get rowCount(): number {
    return this.values.length;
  }

  /** Appends a row (cells past `width` are an error); returns its 1-based sheet row. */
  addRow(cells: readonly Cell[], style: RowStyle = {}): number {
    if (cells.length > this.width) throw new Error(`report row has ${cells.length} cells, the grid ${this.width}`);
    const values = new Array<string | number>(this.width);
    const { formats, backgrounds, fontColors, weights, styles } = this.scratch;
    const background = style.background ?? null;
    const fontColor = style.fontColor ?? null;
    const weight = style.bold ? 'bold' : 'normal';
    const italic = style.italic ? 'italic' : 'normal';
    for (let c = 0; c < this.width; c++) {
      const cell = cells[c];
      if (cell === null || typeof cell !== 'object') {
        // A plain value takes the row's style: no spec object for each of a million cells.
        const value = typeof cell === 'string' ? fitCellText(cell) : (cell ?? '');
        values[c] = value;
        formats[c] = typeof value === 'number' ? COUNT_FORMAT : TEXT_FORMAT;
        backgrounds[c] = background;
        fontColors[c] = fontColor;
        weights[c] = weight;
        styles[c] = italic;
        continue;
      }
      const spec: CellSpec = cell;
      // Text copied from the workbook may be near a cell's limit, or over it once indented (§6.3).
      const value = spec.formula ?? (typeof spec.value === 'string' ? fitCellText(spec.value) : (spec.value ?? ''));
      values[c] = value;
      formats[c] =
        spec.format ??
        (spec.formula !== undefined ? NO_FORMAT : typeof value === 'number' ? COUNT_FORMAT : TEXT_FORMAT);
      backgrounds[c] = spec.background !== undefined ? spec.background : background;
      fontColors[c] = spec.fontColor !== undefined ? spec.fontColor : fontColor;
      weights[c] = (spec.bold ?? style.bold) ? 'bold' : 'normal';
      styles[c] = (spec.italic ?? style.italic) ? 'italic' : 'normal';
    }
    this.values.push(values);
    const seen = this.seen;
    this.formats.push(shared(this.formats, seen.formats, formats));
    this.backgrounds.push(shared(this.backgrounds, seen.backgrounds, backgrounds));
    this.fontColors.push(shared(this.fontColors, seen.fontColors, fontColors));
    this.weights.push(shared(this.weights, seen.weights, weights));
    this.styles.push(shared(this.styles, seen.styles, styles));
    return this.values.length;
  }

  blankRow(): number {
    return this.addRow([]);
  }
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Makes the sheet exactly `rows` rows tall: one insertRowsAfter or one deleteRows
 * (none when it already fits), so a report shrinks with its data and a large
 * one fits, with the same number of calls whatever the size.
 */
export function fitRows(sheet: Sheet, rows: number, max = sheet.getMaxRows()): void {
  if (max < rows) sheet.insertRowsAfter(max, rows - max);
  else if (max > rows) sheet.deleteRows(rows + 1, max - rows);
}

/** Makes sure the sheet has at least `columns` columns. */
export function ensureColumns(sheet: Sheet, columns: number, max = sheet.getMaxColumns()): void {
  if (max < columns) sheet.insertColumnsAfter(max, columns - max);
}

export interface ReportLayout {
  readonly frozenRows: number;
  /** Pixel width per column, from column A. */
  readonly columnWidths: readonly number[];
  /** Rows to keep at least (room for charts); the sheet is fitted to max(rows, minRows). */
  readonly minRows?: number;
  /** Row groups (report-groups.ts), written after the cells. */
  readonly rowGroups?: readonly RowGroup[];
}

/** Rows `first`–`last` (1-based, inclusive) collapse under the row before them. */
export interface RowGroup {
  readonly first: number;
  readonly last: number;
}

/**
 * Writes `grid` on a fresh sheet built aside (§6.3, generated.ts): fit, then one batched
 * write per property. Formats go first so that text cells keep text as text.
 */
export function writeReport(
  sheet: Sheet,
  grid: ReportGrid,
  layout: ReportLayout,
  // A fresh sheet's size is known: reading it after a write would cost a round trip (§6.1).
  size: { readonly maxRows: number; readonly maxColumns: number } = NEW_SHEET_SIZE,
): void {
  // At least one row below the frozen ones: Sheets refuses to delete every non-frozen row.
  fitRows(sheet, Math.max(grid.rowCount, layout.minRows ?? 0, layout.frozenRows + 1), size.maxRows);
  ensureColumns(sheet, grid.width, size.maxColumns);
  if (grid.rowCount > 0) {
    const range = sheet.getRange(1, 1, grid.rowCount, grid.width);
    range.setNumberFormats(grid.formats);
    range.setValues(grid.values);
    range.setBackgrounds(grid.backgrounds);
    if (grid.fontColors.some((row) => row.some((c) => c !== null))) range.setFontColors(grid.fontColors);
    range.setFontWeights(grid.weights);
    if (grid.styles.some((row) => row.some((s) => s !== 'normal'))) range.setFontStyles(grid.styles);
  }
  sheet.setFrozenRows(layout.frozenRows);
  if (layout.rowGroups !== undefined) writeRowGroups(sheet, layout.rowGroups);
  setColumnWidthRuns(sheet, layout.columnWidths);
}

/** The widths on a fresh sheet, in the fewest setColumnWidths calls (width-plan.ts). */
export function setColumnWidthRuns(sheet: Sheet, widths: readonly number[]): void {
  for (const { first, count, width } of widthPlan(widths)) sheet.setColumnWidths(first, count, width);
}
