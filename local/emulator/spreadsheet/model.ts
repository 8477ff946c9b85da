import type { EmulatorEnv } from '../env.js';
import type { FormulaEngine } from '../formulas/engine.js';
import type { GridRect } from './a1.js';

/** The workbook's state, behind the instrumented Apps Script objects. */

export type Scalar = number | string | boolean | Date;

export interface ValidationSpec {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface Cell {
  v?: Scalar;
  f?: string;
  fmt?: string;
  bg?: string;
  fw?: string;
  fc?: string;
  fstyle?: string;
  fsize?: number;
  ffamily?: string;
  ha?: string;
  va?: string;
  wrap?: boolean;
  wrapStrategy?: string;
  note?: string;
  dv?: ValidationSpec;
}

export interface MetadataSpec {
  id: number;
  key: string;
  value: string | null;
  visibility: string;
  location: { sheetId?: number; kind: 'SPREADSHEET' | 'SHEET' };
}

export interface ProtectionSpec {
  id: number;
  type: 'SHEET' | 'RANGE';
  sheetId: number;
  rect?: GridRect;
  description: string;
  warningOnly: boolean;
}

export interface ConditionalRuleSpec {
  condition: { type: string; values: unknown[] };
  format: { background?: string; fontColor?: string; bold?: boolean; italic?: boolean; strikethrough?: boolean };
  ranges: { sheetId: number; rect: GridRect }[];
}

export interface ChartSpec {
  id: number;
  type: string;
  ranges: string[];
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
  numHeaders?: number;
  hiddenDimensionStrategy?: string;
  mergeStrategy?: string;
  transposeRowsAndColumns?: boolean;
}

/**
 * A new cell with room for what reports write into most cells: allocated in one piece, every
 * cell the same shape (adding fields one by one would grow each of a million cells twice).
 */
export function newCell(): Cell {
  return { v: undefined, f: undefined, fmt: undefined, bg: undefined, fw: undefined, fstyle: undefined, fc: undefined };
}

/** A row's cells, made long enough for `width` columns at once instead of growing cell by cell. */
export function newLine(width: number): Line {
  return new Array<Cell | undefined>(width);
}

/** A row of cells, by 1-based column. */
export type Line = (Cell | undefined)[];

/** The fields a compact line keeps: those of newCell, which bulk writes set. */
export type CompactKey = 'v' | 'f' | 'fmt' | 'bg' | 'fw' | 'fstyle' | 'fc';
const COMPACT_KEYS: readonly CompactKey[] = ['v', 'f', 'fmt', 'bg', 'fw', 'fstyle', 'fc'];

const bitOf = (key: CompactKey): number => 1 << COMPACT_KEYS.indexOf(key);

export function isCompactKey(key: keyof Cell): key is CompactKey {
  return (COMPACT_KEYS as readonly string[]).includes(key);
}

/**
 * A row written only by whole-range writes (setValues, setNumberFormats, setBackgrounds, …) on
 * cells that did not exist: one array per property instead of a cell object per column, and
 * an array shared with other rows given the same row of formats. A report of 50,000 rows by 17
 * columns is then 50,000 of these, not 850,000 cells for the runtime to keep (the runtime's own
 * cost, not the add-on's). Reads, whole-range writes, copies and formula rewrites work on it as
 * it is; anything else turns the row into cells first (SheetData.line).
 */
export class CompactLine {
  // One field per property, in a fixed shape: 50,000 of these stay fast to make and to read.
  readonly props: { [K in CompactKey]: unknown[] | undefined } = {
    v: undefined,
    f: undefined,
    fmt: undefined,
    bg: undefined,
    fw: undefined,
    fstyle: undefined,
    fc: undefined,
  };
  /** Bits of the properties (COMPACT_KEYS order) whose array other lines share. */
  private sharedBits = 0;

  /** The array of `key` to write into, `width` long at least, this line's own. */
  writable(key: CompactKey, width: number): unknown[] {
    let values = this.props[key];
    const bit = bitOf(key);
    if (values === undefined) {
      values = new Array(width);
      this.props[key] = values;
    } else if ((this.sharedBits & bit) !== 0) {
      values = values.slice();
      this.props[key] = values;
      this.sharedBits &= ~bit;
    }
    if (values.length < width) values.length = width;
    return values;
  }

  /** Uses `values` (another line's) for `key`, until either line writes into it. */
  share(key: CompactKey, values: unknown[]): void {
    this.props[key] = values;
    this.sharedBits |= bitOf(key);
  }

  /** A copy of the row (a copied sheet's): its arrays shared until either row writes. */
  clone(): CompactLine {
    const copy = new CompactLine();
    for (const key of COMPACT_KEYS) {
      const values = this.props[key];
      if (values === undefined) continue;
      this.markShared(key);
      copy.share(key, values);
    }
    return copy;
  }

  /** Marks this line's own array of `key` as shared with lines that share() it. */
  markShared(key: CompactKey): void {
    this.sharedBits |= bitOf(key);
  }

  hasContent(c: number): boolean {
    const v = this.props.v?.[c];
    return (v !== undefined && v !== '') || this.props.f?.[c] !== undefined;
  }

  formulas(): number {
    let n = 0;
    for (const f of this.props.f ?? []) if (f !== undefined) n++;
    return n;
  }

  width(): number {
    let width = 0;
    for (const key of COMPACT_KEYS) width = Math.max(width, this.props[key]?.length ?? 0);
    return width;
  }

  /** Column c as a cell, for reading: a copy, so writes must go through SheetData.ensure. */
  cellAt(c: number): Cell | undefined {
    let cell: Cell | undefined;
    for (const key of COMPACT_KEYS) {
      const value = this.props[key]?.[c];
      if (value === undefined) continue;
      cell ??= newCell();
      (cell as Record<string, unknown>)[key] = value;
    }
    return cell;
  }

  /**
   * Column c read into `view` (one object reused across a whole read, no cell allocated per
   * column); undefined where the row holds nothing in that column. Only for reads that use the
   * fields at once and keep nothing.
   */
  readInto(view: Cell, c: number): Cell | undefined {
    const { v, f, fmt, bg, fw, fstyle, fc } = this.props;
    view.v = v?.[c] as Cell['v'];
    view.f = f?.[c] as string | undefined;
    view.fmt = fmt?.[c] as string | undefined;
    view.bg = bg?.[c] as string | undefined;
    view.fw = fw?.[c] as string | undefined;
    view.fstyle = fstyle?.[c] as string | undefined;
    view.fc = fc?.[c] as string | undefined;
    const empty =
      view.v === undefined &&
      view.f === undefined &&
      view.fmt === undefined &&
      view.bg === undefined &&
      view.fw === undefined &&
      view.fstyle === undefined &&
      view.fc === undefined;
    return empty ? undefined : view;
  }

  /** The same row as cells. */
  cells(): Line {
    const width = this.width();
    const line = newLine(width);
    for (let c = 0; c < width; c++) line[c] = this.cellAt(c);
    return line;
  }
}

export class SheetData {
  maxRows = 1000;
  maxCols = 26;
  /** rows[r][c], 1-based, sparse; a row written in bulk may be a CompactLine (see line()). */
  rows: (Line | CompactLine | undefined)[] = [];
  frozenRows = 0;
  frozenCols = 0;
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  hidden = false;
  tabColor: string | null = null;
  cfRules: ConditionalRuleSpec[] = [];
  charts: ChartSpec[] = [];
  merges: GridRect[] = [];
  formulaCount = 0;
  /** Set once a custom-formula validation is put on a cell: structural edits must then look at it. */
  customValidations = false;

  constructor(
    public id: number,
    public name: string,
  ) {}

  /** Row r as cells, a compact row turned into cells first. */
  line(r: number): Line | undefined {
    const row = this.rows[r];
    if (!(row instanceof CompactLine)) return row;
    const line = row.cells();
    this.rows[r] = line;
    return line;
  }

  /** Every row as cells, for the code that walks them all (structural edits, copies, clearing). */
  lines(): (Line | undefined)[] {
    for (let r = 0; r < this.rows.length; r++) if (this.rows[r] instanceof CompactLine) this.line(r);
    return this.rows as (Line | undefined)[];
  }

  /** Every formula of the sheet with a way to rewrite it, compact rows left compact. */
  eachFormula(visit: (formula: string, rewrite: (formula: string) => void) => void): void {
    this.rows.forEach((row) => {
      if (row instanceof CompactLine) {
        const formulas = row.props.f;
        formulas?.forEach((f, c) => {
          if (typeof f !== 'string') return;
          visit(f, (t) => {
            row.writable('f', formulas.length)[c] = t;
          });
        });
      } else {
        for (const cell of row ?? []) {
          if (cell?.f === undefined) continue;
          visit(cell.f, (t) => {
            cell.f = t;
          });
        }
      }
    });
  }

  countFormulas(): number {
    let n = 0;
    for (const row of this.rows) {
      if (row instanceof CompactLine) n += row.formulas();
      else for (const c of row ?? []) if (c?.f !== undefined) n++;
    }
    return n;
  }

  /** The cell at (r, c) to read; a compact row stays compact (ensure() gives a cell to write). */
  cell(r: number, c: number): Cell | undefined {
    const row = this.rows[r];
    return row instanceof CompactLine ? row.cellAt(c) : row?.[c];
  }

  ensure(r: number, c: number): Cell {
    let row = this.line(r);
    if (!row) {
      row = [];
      this.rows[r] = row;
    }
    let cell = row[c];
    if (!cell) {
      cell = newCell();
      row[c] = cell;
    }
    return cell;
  }

  hasContent(cell: Cell | undefined): boolean {
    return !!cell && ((cell.v !== undefined && cell.v !== '') || cell.f !== undefined);
  }

  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 1; r--) {
      const row = this.rows[r];
      if (row instanceof CompactLine) {
        for (let c = row.width() - 1; c >= 1; c--) if (row.hasContent(c)) return r;
      } else if (row?.some((c) => this.hasContent(c))) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      if (row instanceof CompactLine) {
        for (let c = row.width() - 1; c > last; c--) {
          if (row.hasContent(c)) {
            last = c;
            break;
          }
        }
        continue;
      }
      for (let c = row.length - 1; c > last; c--) {
        if (this.hasContent(row[c])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }
}

export class Workbook {
  sheets: SheetData[] = [];
  namedRanges = new Map<string, { sheetId: number; rect: GridRect }>();
  metadata: MetadataSpec[] = [];
  protections: ProtectionSpec[] = [];
  activeSheetId = 0;
  activeRange: { sheetId: number; rect: GridRect } | null = null;
  locale = 'en_US';
  private nextId = 0;
  private nextObjectId = 1;
  engine!: FormulaEngine;

  constructor(
    public env: EmulatorEnv,
    public id: string,
    public name: string,
  ) {}

  newSheetId(): number {
    // Sheets gives the first sheet gid 0 and random ids to later ones.
    const id = this.nextId === 0 ? 0 : 100_000_000 + this.nextId * 7919;
    this.nextId++;
    return id;
  }

  newObjectId(): number {
    return this.nextObjectId++;
  }

  sheetById(id: number): SheetData | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  hasFormulas(): boolean {
    return this.sheets.some((s) => s.formulaCount > 0);
  }
}
