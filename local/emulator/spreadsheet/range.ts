import { type GridRect, rectToA1 } from './a1.js';
import { ruleMatches } from './conditional.js';
import type { Ctx } from './context.js';
import { normalizeColor } from './context.js';
import { dateToSerial, isDate, serialToMs } from './dates.js';
import { formatValue, isDateFormat } from './formats.js';
import { shiftDepth } from './groups.js';
import {
  type Cell,
  type CompactKey,
  CompactLine,
  isCompactKey,
  newCell,
  newLine,
  type SheetData,
  type ValidationSpec,
} from './model.js';
import { protect } from './protection.js';
import { sortKeys, sortRows } from './sort.js';
import { newValidation } from './validation.js';
import { checkCellText, checkShape, clearContent, clearFormat, parseInput } from './values.js';

type Self = GoogleAppsScript.Spreadsheet.Range;
type Evaluated = { value: unknown; error?: string; message?: string };

const GENERAL = '0.###############';

export function checkBounds(sheet: SheetData, rect: GridRect): void {
  if (rect.numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (rect.numCols < 1) throw new Error('The number of columns in the range must be at least 1.');
  if (
    rect.row < 1 ||
    rect.col < 1 ||
    rect.row + rect.numRows - 1 > sheet.maxRows ||
    rect.col + rect.numCols - 1 > sheet.maxCols
  ) {
    // What Apps Script says for a range beyond the sheet's rows/columns.
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

/** A setter per property that reports write often, so that each store site sees one property. */
/** Sets one formatting property; a switch keeps each store monomorphic (a million cells per report). */
function store(cell: Cell, key: keyof Cell, v: unknown): void {
  switch (key) {
    case 'fmt':
      cell.fmt = v as string | undefined;
      return;
    case 'bg':
      cell.bg = v as string | undefined;
      return;
    case 'fw':
      cell.fw = v as string | undefined;
      return;
    case 'fstyle':
      cell.fstyle = v as string | undefined;
      return;
    case 'fc':
      cell.fc = v as string | undefined;
      return;
    default:
      (cell as Record<string, unknown>)[key] = v;
  }
}

/** https://developers.google.com/apps-script/reference/spreadsheet/range */
export class RangeImpl {
  constructor(
    private readonly ctx: Ctx,
    private readonly sheet: SheetData,
    private readonly rect: GridRect,
  ) {}

  _info(): { sheet: SheetData; rect: GridRect } {
    return { sheet: this.sheet, rect: this.rect };
  }

  private _self(): Self {
    return this as unknown as Self;
  }

  // The loops below read `this` once: methods run with `this` bound to the instrumented proxy
  // (calls.ts), so every property read inside a per-cell loop would go through its trap.
  /** `fn` of each cell of the range, by row; `fn` reads the cell and must not keep it. */
  private _map<T>(fn: (cell: Cell | undefined, r: number, c: number) => T): T[][] {
    const { row, col, numRows, numCols } = this.rect;
    const sheet = this.sheet;
    const view = newCell();
    const out: T[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const line: T[] = new Array(numCols);
      // A read: a compact row is read as it is, through one reused view (every fn here reads
      // the fields it needs and keeps nothing), not turned into cells.
      const rowData = sheet.rows[row + i];
      if (rowData instanceof CompactLine) {
        for (let j = 0; j < numCols; j++) line[j] = fn(rowData.readInto(view, col + j), row + i, col + j);
      } else for (let j = 0; j < numCols; j++) line[j] = fn(rowData?.[col + j], row + i, col + j);
      out[i] = line;
    }
    return out;
  }

  /**
   * Calls `fn` on every cell of the range, creating the cells that do not exist yet, except
   * where `absent(i, j)` says the cell would stay empty: a blank written into nothing needs no
   * cell (a 50,000-row report is mostly blanks and defaults).
   */
  private _each(fn: (cell: Cell, i: number, j: number) => void, absent?: (i: number, j: number) => boolean): void {
    const { row, col, numRows, numCols } = this.rect;
    const sheet = this.sheet;
    for (let i = 0; i < numRows; i++) {
      let line = sheet.line(row + i);
      for (let j = 0; j < numCols; j++) {
        let cell = line?.[col + j];
        if (!cell) {
          if (absent?.(i, j)) continue;
          if (!line) {
            line = newLine(col + numCols);
            sheet.rows[row + i] = line;
          }
          cell = newCell();
          line[col + j] = cell;
        }
        fn(cell, i, j);
      }
    }
  }

  private _setAll(key: keyof Cell, value: unknown): Self {
    const v = value === null ? undefined : value;
    const { row, col, numRows, numCols } = this.rect;
    const sheet = this.sheet;
    // A formatting property goes on compact rows (and rows not there yet) as it is; one they
    // cannot hold (a note, a validation) is cleared from them by doing nothing.
    const formatting = isCompactKey(key) && key !== 'v' && key !== 'f';
    for (let i = 0; i < numRows; i++) {
      const stored = sheet.rows[row + i];
      if (!Array.isArray(stored)) {
        if (formatting) {
          const line = stored ?? new CompactLine();
          sheet.rows[row + i] = line;
          const values = line.writable(key as CompactKey, col + numCols);
          for (let j = 0; j < numCols; j++) values[col + j] = v;
          continue;
        }
        if (v === undefined) continue;
      }
      const line = sheet.line(row + i) ?? newLine(col + numCols);
      sheet.rows[row + i] = line;
      for (let j = 0; j < numCols; j++) {
        let cell = line[col + j];
        if (!cell) {
          cell = newCell();
          line[col + j] = cell;
        }
        (cell as Record<string, unknown>)[key] = v;
      }
    }
    return this._self();
  }

  private _setGrid(key: keyof Cell, data: unknown, method: string, map?: (v: unknown) => unknown): Self {
    const grid = checkShape(data, this.rect.numRows, this.rect.numCols, method);
    const { row, col, numRows, numCols } = this.rect;
    const sheet = this.sheet;
    const rows = sheet.rows;
    // One loop, no closure per cell: a report sets six properties on a million cells, and
    // rows repeat their values, so the last one mapped is kept.
    let lastIn: unknown = Symbol('none');
    let lastOut: unknown;
    const mapped = (raw: unknown): unknown => {
      let v: unknown;
      if (map === undefined) v = raw;
      else if (raw === lastIn) v = lastOut;
      else {
        v = map(raw);
        lastIn = raw;
        lastOut = v;
      }
      return v === null || v === '' ? undefined : v;
    };
    // Rows given the same array (a report's rows formatted alike) share one stored array (CompactLine).
    const storedFor = new Map<unknown[], unknown[]>();
    const compact = isCompactKey(key);
    for (let i = 0; i < numRows; i++) {
      const source = grid[i] as unknown[];
      let line = compact ? rows[row + i] : sheet.line(row + i);
      if (line === undefined) {
        line = compact ? new CompactLine() : newLine(col + numCols);
        rows[row + i] = line;
      }
      if (line instanceof CompactLine) {
        const prop = key as CompactKey;
        const whole = col === 1 && line.props[prop] === undefined;
        const known = whole ? storedFor.get(source) : undefined;
        if (known !== undefined) {
          line.share(prop, known);
          continue;
        }
        const values = line.writable(prop, col + numCols);
        for (let j = 0; j < numCols; j++) values[col + j] = mapped(source[j]);
        if (whole) {
          line.markShared(prop);
          storedFor.set(source, values);
        }
        continue;
      }
      for (let j = 0; j < numCols; j++) {
        const v = mapped(source[j]);
        let cell = line[col + j];
        if (!cell) {
          if (v === undefined) continue;
          cell = newCell();
          line[col + j] = cell;
        }
        store(cell, key, v);
      }
    }
    return this._self();
  }

  _evaluated(ev = this.ctx.wb.engine.evaluate(this.sheet, this.rect)): Evaluated[][] {
    const rect = this.rect;
    const env = this.ctx.env;
    return this._map((cell, r, c) => {
      const e = ev?.[r - rect.row]?.[c - rect.col];
      const value = typedValue(e ? e.value : (cell?.v ?? ''), e?.error ? undefined : cell?.fmt, env);
      return e ? { ...e, value } : { value };
    });
  }

  /** Values as getValues returns them; without formulas in the workbook, straight from the cells. */
  private _values(): unknown[][] {
    const sheet = this.sheet;
    const rect = this.rect;
    const env = this.ctx.env;
    const ev = this.ctx.wb.engine.evaluate(sheet, rect);
    if (ev !== null) return this._evaluated(ev).map((row) => row.map((e) => e.value));
    // No formula in the workbook: the cells' own values, in one loop (a tab of 50,000 rows).
    const { row, col, numRows, numCols } = rect;
    const out: unknown[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const line = sheet.rows[row + i];
      const values: unknown[] = new Array(numCols);
      if (line instanceof CompactLine) {
        const { v: vs, fmt } = line.props;
        for (let j = 0; j < numCols; j++) {
          const v = vs?.[col + j] as Cell['v'];
          values[j] =
            v === undefined
              ? ''
              : typeof v === 'string' || typeof v === 'boolean'
                ? v
                : typedValue(v, fmt?.[col + j] as string | undefined, env);
        }
        out[i] = values;
        continue;
      }
      for (let j = 0; j < numCols; j++) {
        const cell = line?.[col + j];
        const v = cell?.v;
        values[j] =
          v === undefined ? '' : typeof v === 'string' || typeof v === 'boolean' ? v : typedValue(v, cell?.fmt, env);
      }
      out[i] = values;
    }
    return out;
  }

  /** _write into a row kept compact (see CompactLine): the same rules, one array per property. */
  private _writeCompact(line: CompactLine, source: unknown[], tz: string): number {
    const { col, numCols } = this.rect;
    const width = col + numCols;
    const vs = line.writable('v', width);
    let formulas = 0;
    for (let j = 0; j < numCols; j++) {
      const c = col + j;
      const value = source[j];
      const fmt = line.props.fmt?.[c] as string | undefined;
      let v: Cell['v'];
      let f: string | undefined;
      let parsedFmt: string | undefined;
      if (typeof value === 'number' || typeof value === 'boolean') v = value;
      else if (value === '' || value === null || value === undefined) v = undefined;
      else if (typeof value === 'string' && fmt === '@') v = value;
      else {
        const parsed = parseInput(value, fmt, tz);
        v = parsed.v;
        f = parsed.f;
        parsedFmt = parsed.fmt;
      }
      vs[c] = v;
      const had = line.props.f?.[c] !== undefined;
      if (f !== undefined || had) line.writable('f', width)[c] = f;
      if (parsedFmt !== undefined) line.writable('fmt', width)[c] = parsedFmt;
      if (had) formulas--;
      if (f !== undefined) formulas++;
    }
    return formulas;
  }

  private _write(grid: unknown[][]): void {
    checkCellText(grid);
    const tz = this.ctx.env.timeZone;
    const sheet = this.sheet;
    const { row, col, numRows, numCols } = this.rect;
    let formulas = 0;
    for (let i = 0; i < numRows; i++) {
      const source = grid[i] as unknown[];
      const stored = sheet.rows[row + i];
      if (stored === undefined || stored instanceof CompactLine) {
        const compact = stored ?? new CompactLine();
        sheet.rows[row + i] = compact;
        formulas += this._writeCompact(compact, source, tz);
        continue;
      }
      const line = stored;
      for (let j = 0; j < numCols; j++) {
        const value = source[j];
        const blank = value === '' || value === null || value === undefined;
        let cell = line?.[col + j];
        if (!cell) {
          // A blank written into nothing needs no cell.
          if (blank) continue;
          cell = newCell();
          line[col + j] = cell;
        }
        const had = cell.f !== undefined;
        // The common cases need no parsing: a number, a boolean, a blank, text under "@".
        if (typeof value === 'number' || typeof value === 'boolean') {
          cell.v = value;
          cell.f = undefined;
        } else if (blank) {
          cell.v = undefined;
          cell.f = undefined;
        } else if (typeof value === 'string' && cell.fmt === '@') {
          cell.v = value;
          cell.f = undefined;
        } else {
          const parsed = parseInput(value, cell.fmt, tz);
          cell.v = parsed.v;
          cell.f = parsed.f;
          if (parsed.fmt !== undefined) cell.fmt = parsed.fmt;
        }
        if (had) formulas--;
        if (cell.f !== undefined) formulas++;
      }
    }
    sheet.formulaCount += formulas;
    this.ctx.wb.engine.touch(sheet, this.rect);
  }

  private _clearContents(): void {
    const sheet = this.sheet;
    this._each((cell) => {
      if (cell.f !== undefined) sheet.formulaCount--;
      clearContent(cell);
    });
    this.ctx.wb.engine.touch(sheet, this.rect);
  }

  /** The message Sheets shows when hovering an error cell (top-left cell of the range). */
  _errorMessage(): string | null {
    const e = this._evaluated()[0]?.[0];
    return e?.error ? (e.message ?? e.error) : null;
  }

  /** Background after conditional formatting (top-left cell). */
  _effectiveBackground(): string {
    return effectiveFormat(this.ctx, this.sheet, this.rect.row, this.rect.col).background;
  }

  _effectiveFormat(): { background: string; fontColor: string; bold: boolean } {
    return effectiveFormat(this.ctx, this.sheet, this.rect.row, this.rect.col);
  }

  // --- geometry
  getRow() {
    return this.rect.row;
  }
  getColumn() {
    return this.rect.col;
  }
  getRowIndex() {
    return this.rect.row;
  }
  getNumRows() {
    return this.rect.numRows;
  }
  getNumColumns() {
    return this.rect.numCols;
  }
  getHeight() {
    return this.rect.numRows;
  }
  getWidth() {
    return this.rect.numCols;
  }
  getLastRow() {
    return this.rect.row + this.rect.numRows - 1;
  }
  getLastColumn() {
    return this.rect.col + this.rect.numCols - 1;
  }
  getA1Notation() {
    return rectToA1(this.rect);
  }
  getSheet() {
    return this.ctx.sheet(this.sheet);
  }
  getGridId() {
    return this.sheet.id;
  }
  getCell(row: number, col: number) {
    if (row < 1 || col < 1 || row > this.rect.numRows || col > this.rect.numCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this.ctx.range(this.sheet, {
      row: this.rect.row + row - 1,
      col: this.rect.col + col - 1,
      numRows: 1,
      numCols: 1,
    });
  }
  offset(rowOffset: number, colOffset: number, numRows?: number, numCols?: number) {
    const rect = {
      row: this.rect.row + rowOffset,
      col: this.rect.col + colOffset,
      numRows: numRows ?? this.rect.numRows,
      numCols: numCols ?? this.rect.numCols,
    };
    checkBounds(this.sheet, rect);
    return this.ctx.range(this.sheet, rect);
  }
  activate() {
    this.ctx.wb.activeSheetId = this.sheet.id;
    this.ctx.wb.activeRange = { sheetId: this.sheet.id, rect: { ...this.rect } };
    return this._self();
  }
  activateAsCurrentCell() {
    return this.activate();
  }

  // --- values
  getValues() {
    return this._values();
  }
  getValue() {
    return this._evaluated()[0]?.[0]?.value ?? '';
  }
  getDisplayValues() {
    const tz = this.ctx.env.timeZone;
    const ev = this._evaluated();
    return this._map((cell, r, c) => {
      const e = ev[r - this.rect.row]?.[c - this.rect.col];
      if (!e) return '';
      return e.error ? e.error : formatValue(e.value, cell?.fmt, tz);
    });
  }
  getDisplayValue() {
    return this.getDisplayValues()[0]?.[0] ?? '';
  }
  isBlank() {
    return (
      this.getValues().every((row) => row.every((v) => v === '')) &&
      this.getFormulas().every((r) => r.every((f) => f === ''))
    );
  }
  setValues(values: unknown[][]) {
    this._write(checkShape(values, this.rect.numRows, this.rect.numCols, 'setValues'));
    return this._self();
  }
  setValue(value: unknown) {
    this._write(this._map(() => value));
    return this._self();
  }
  getFormulas() {
    return this._map((cell) => cell?.f ?? '');
  }
  getFormula() {
    return this.sheet.cell(this.rect.row, this.rect.col)?.f ?? '';
  }
  setFormulas(formulas: string[][]) {
    const grid = checkShape(formulas, this.rect.numRows, this.rect.numCols, 'setFormulas');
    this._write(
      grid.map((row) => row.map((f) => (typeof f === 'string' && f !== '' && !f.startsWith('=') ? `=${f}` : f))),
    );
    return this._self();
  }
  setFormula(formula: string) {
    const f = formula && !formula.startsWith('=') ? `=${formula}` : formula;
    this._write(this._map(() => f));
    return this._self();
  }
  getFormulaR1C1() {
    throw new Error('Emulator: Range.getFormulaR1C1 is not implemented');
  }

  // --- clearing
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }) {
    const o = options ?? {};
    const all = !o.contentsOnly && !o.formatOnly && !o.validationsOnly && !o.commentsOnly;
    if (all || o.contentsOnly) this._clearContents();
    if (all || o.formatOnly) this._each(clearFormat);
    if (o.validationsOnly) this._each((c) => delete c.dv);
    if (o.commentsOnly) this._each((c) => delete c.note);
    return this._self();
  }
  clearContent() {
    this._clearContents();
    return this._self();
  }
  clearFormat() {
    this._each(clearFormat);
    return this._self();
  }
  clearDataValidations() {
    return this._setAll('dv', undefined);
  }
  clearNote() {
    return this._setAll('note', undefined);
  }

  // --- formats
  getNumberFormats() {
    return this._map((cell) => cell?.fmt ?? (isDate(cell?.v) ? 'M/d/yyyy' : GENERAL));
  }
  getNumberFormat() {
    return this.getNumberFormats()[0]?.[0] ?? GENERAL;
  }
  setNumberFormat(format: string) {
    return this._setAll('fmt', format);
  }
  setNumberFormats(formats: string[][]) {
    return this._setGrid('fmt', formats, 'setNumberFormats');
  }
  getBackgrounds() {
    return this._map((cell) => cell?.bg ?? '#ffffff');
  }
  getBackground() {
    return this.getBackgrounds()[0]?.[0] ?? '#ffffff';
  }
  setBackground(color: string | null) {
    return this._setAll('bg', normalizeColor(color));
  }
  setBackgrounds(colors: (string | null)[][]) {
    return this._setGrid('bg', colors, 'setBackgrounds', (c) => normalizeColor(c as string | null));
  }
  setBackgroundRGB(r: number, g: number, b: number) {
    return this.setBackground(`#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('')}`);
  }
  getFontColors() {
    return this._map((cell) => cell?.fc ?? '#000000');
  }
  getFontColor() {
    return this.getFontColors()[0]?.[0] ?? '#000000';
  }
  setFontColor(color: string | null) {
    return this._setAll('fc', normalizeColor(color));
  }
  setFontColors(colors: (string | null)[][]) {
    return this._setGrid('fc', colors, 'setFontColors', (c) => normalizeColor(c as string | null));
  }
  getFontWeights() {
    return this._map((cell) => cell?.fw ?? 'normal');
  }
  getFontWeight() {
    return this.getFontWeights()[0]?.[0] ?? 'normal';
  }
  setFontWeight(w: string | null) {
    return this._setAll('fw', w === 'normal' ? null : w);
  }
  setFontWeights(w: (string | null)[][]) {
    return this._setGrid('fw', w, 'setFontWeights', (x) => (x === 'normal' ? null : x));
  }
  getFontStyles() {
    return this._map((cell) => cell?.fstyle ?? 'normal');
  }
  getFontStyle() {
    return this.getFontStyles()[0]?.[0] ?? 'normal';
  }
  setFontStyle(s: string | null) {
    return this._setAll('fstyle', s === 'normal' ? null : s);
  }
  setFontStyles(s: (string | null)[][]) {
    return this._setGrid('fstyle', s, 'setFontStyles', (x) => (x === 'normal' ? null : x));
  }
  getFontSizes() {
    return this._map((cell) => cell?.fsize ?? 10);
  }
  getFontSize() {
    return this.getFontSizes()[0]?.[0] ?? 10;
  }
  setFontSize(n: number) {
    return this._setAll('fsize', n);
  }
  setFontSizes(n: number[][]) {
    return this._setGrid('fsize', n, 'setFontSizes');
  }
  getFontFamilies() {
    return this._map((cell) => cell?.ffamily ?? 'Arial');
  }
  getFontFamily() {
    return this.getFontFamilies()[0]?.[0] ?? 'Arial';
  }
  setFontFamily(f: string | null) {
    return this._setAll('ffamily', f);
  }
  setFontFamilies(f: (string | null)[][]) {
    return this._setGrid('ffamily', f, 'setFontFamilies');
  }
  getHorizontalAlignments() {
    return this._map((cell) => cell?.ha ?? 'general');
  }
  getHorizontalAlignment() {
    return this.getHorizontalAlignments()[0]?.[0] ?? 'general';
  }
  setHorizontalAlignment(a: string | null) {
    return this._setAll('ha', a === null || a === 'normal' ? null : a);
  }
  setHorizontalAlignments(a: (string | null)[][]) {
    return this._setGrid('ha', a, 'setHorizontalAlignments', (x) => (x === 'normal' ? null : x));
  }
  getVerticalAlignments() {
    return this._map((cell) => cell?.va ?? 'bottom');
  }
  getVerticalAlignment() {
    return this.getVerticalAlignments()[0]?.[0] ?? 'bottom';
  }
  setVerticalAlignment(a: string | null) {
    return this._setAll('va', a);
  }
  setVerticalAlignments(a: (string | null)[][]) {
    return this._setGrid('va', a, 'setVerticalAlignments');
  }
  getWraps() {
    return this._map((cell) => cell?.wrap ?? false);
  }
  getWrap() {
    return this.getWraps()[0]?.[0] ?? false;
  }
  setWrap(w: boolean) {
    return this._setAll('wrap', w);
  }
  setWraps(w: boolean[][]) {
    return this._setGrid('wrap', w, 'setWraps');
  }
  setWrapStrategy(s: unknown) {
    return this._setAll('wrapStrategy', String(s));
  }
  getWrapStrategy() {
    return this.sheet.cell(this.rect.row, this.rect.col)?.wrapStrategy ?? 'OVERFLOW';
  }
  setBorder(..._args: unknown[]) {
    return this._self();
  }
  setTextRotation(_degrees: number) {
    return this._self();
  }

  // --- notes
  getNotes() {
    return this._map((cell) => cell?.note ?? '');
  }
  getNote() {
    return this.getNotes()[0]?.[0] ?? '';
  }
  setNote(note: string | null) {
    return this._setAll('note', note === '' ? null : note);
  }
  setNotes(notes: (string | null)[][]) {
    return this._setGrid('note', notes, 'setNotes');
  }

  // --- data validation
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null) {
    const spec = rule ? (rule as unknown as { _spec: ValidationSpec })._spec : null;
    if (spec?.criteria === 'CUSTOM_FORMULA') this.sheet.customValidations = true;
    return this._setAll('dv', spec ? { ...spec, values: [...spec.values] } : null);
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]) {
    const sheet = this.sheet;
    return this._setGrid('dv', rules, 'setDataValidations', (r) => {
      const spec = r ? (r as { _spec: ValidationSpec })._spec : null;
      if (spec?.criteria === 'CUSTOM_FORMULA') sheet.customValidations = true;
      return spec ? { ...spec, values: [...spec.values] } : null;
    });
  }
  getDataValidations() {
    return this._map((cell) => (cell?.dv ? newValidation(this.ctx, cell.dv) : null));
  }
  getDataValidation() {
    return this.getDataValidations()[0]?.[0] ?? null;
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/range#shiftRowGroupDepth(Integer) */
  shiftRowGroupDepth(delta: number) {
    if (!Number.isInteger(delta)) throw new Error(`Invalid argument: delta (${delta})`);
    shiftDepth(this.sheet, this.rect.row, this.rect.numRows, delta);
    return this._self();
  }
  insertCheckboxes(checked?: unknown, unchecked?: unknown) {
    const values = checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    this._setAll('dv', { criteria: 'CHECKBOX', values, allowInvalid: false, helpText: null } satisfies ValidationSpec);
    this._write(this._map(() => (unchecked !== undefined ? unchecked : checked !== undefined ? '' : false)));
    return this._self();
  }
  removeCheckboxes() {
    this._each((cell) => {
      if (cell.dv?.criteria === 'CHECKBOX') delete cell.dv;
    });
    this._clearContents();
    return this._self();
  }
  isChecked() {
    const vals = this.getValues().flat();
    if (vals.every((v) => v === true)) return true;
    if (vals.every((v) => v === false)) return false;
    return null;
  }
  check() {
    this._write(this._map(() => true));
    return this._self();
  }
  uncheck() {
    this._write(this._map(() => false));
    return this._self();
  }

  // --- misc
  merge() {
    this.sheet.merges.push({ ...this.rect });
    return this._self();
  }
  breakApart() {
    const r = this.rect;
    this.sheet.merges = this.sheet.merges.filter(
      (m) =>
        m.row + m.numRows <= r.row ||
        m.row >= r.row + r.numRows ||
        m.col + m.numCols <= r.col ||
        m.col >= r.col + r.numCols,
    );
    return this._self();
  }
  isPartOfMerge() {
    const r = this.rect;
    return this.sheet.merges.some(
      (m) =>
        !(
          m.row + m.numRows <= r.row ||
          m.row >= r.row + r.numRows ||
          m.col + m.numCols <= r.col ||
          m.col >= r.col + r.numCols
        ),
    );
  }
  protect() {
    return protect(this.ctx, 'RANGE', this.sheet.id, { ...this.rect });
  }
  sort(sortSpecObj: unknown) {
    return this._sort(sortSpecObj);
  }
  _sort(sortSpecObj: unknown) {
    const keys = sortKeys(sortSpecObj, this.rect);
    sortRows(this.sheet, this.rect, keys, this._evaluated(), this.ctx.env.timeZone);
    this.ctx.wb.engine.touch(this.sheet, this.rect);
    return this._self();
  }
}

const dateFormats = new Map<string, boolean>();

/** isDateFormat, remembered per format: getValues asks it for every cell. */
function isDateFormatCached(fmt: string | undefined): boolean {
  if (fmt === undefined) return false;
  let known = dateFormats.get(fmt);
  if (known === undefined) {
    known = isDateFormat(fmt);
    dateFormats.set(fmt, known);
  }
  return known;
}

/**
 * A cell's value as a script reads it. Sheets types a number by its format: a date-formatted
 * number reads as a Date and a date under a number format reads as its serial. Dates are made
 * in the script's realm. `fmt` is undefined for an error value.
 */
function typedValue(raw: unknown, fmt: string | undefined, env: Ctx['env']): unknown {
  if (typeof raw === 'number') {
    return isDateFormatCached(fmt) ? new env.Date(serialToMs(raw, env.timeZone)) : raw;
  }
  if (!isDate(raw)) return raw;
  if (fmt && fmt !== '@' && fmt.toLowerCase() !== 'general' && !isDateFormatCached(fmt)) {
    return dateToSerial(raw.getTime(), env.timeZone);
  }
  return new env.Date(raw.getTime());
}

/** Formatting of one cell after conditional format rules: the first matching rule wins. */
export function effectiveFormat(
  ctx: Ctx,
  sheet: SheetData,
  row: number,
  col: number,
): { background: string; fontColor: string; bold: boolean } {
  const cell = sheet.cell(row, col);
  const base = { background: cell?.bg ?? '#ffffff', fontColor: cell?.fc ?? '#000000', bold: cell?.fw === 'bold' };
  const range = ctx.range(sheet, { row, col, numRows: 1, numCols: 1 }) as unknown as RangeImpl;
  const v = range._evaluated()[0]?.[0]?.value;
  for (const rule of sheet.cfRules) {
    if (ruleMatches(ctx, sheet, rule, row, col, v)) {
      return {
        background: rule.format.background ?? base.background,
        fontColor: rule.format.fontColor ?? base.fontColor,
        bold: rule.format.bold ?? base.bold,
      };
    }
  }
  return base;
}
