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
export function newLine(width: number): (Cell | undefined)[] {
  return new Array<Cell | undefined>(width);
}

export class SheetData {
  maxRows = 1000;
  maxCols = 26;
  /** rows[r][c], 1-based, sparse. */
  rows: (Cell | undefined)[][] = [];
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

  cell(r: number, c: number): Cell | undefined {
    return this.rows[r]?.[c];
  }

  ensure(r: number, c: number): Cell {
    let row = this.rows[r];
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
      if (row?.some((c) => this.hasContent(c))) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
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
