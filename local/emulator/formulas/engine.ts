import { type CellValue, DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import type { GridRect } from '../spreadsheet/a1.js';
import { dateToSerial, isDate, serialToMs, wallClock } from '../spreadsheet/dates.js';
import type { Scalar, SheetData, Workbook } from '../spreadsheet/model.js';
import { type CustomFunction, makePlugin, type PluginHost } from './plugin.js';
import { EmulatorSequencePlugin } from './sequence.js';
import { translateFormula } from './translate.js';

/** What a formula cell (or a cell an array result spills into) evaluates to. */
export interface Evaluated {
  value: Scalar | '';
  /** Sheets' error code (`#ERROR!`, `#N/A`, …) when the cell is an error. */
  error?: string;
  /** The text Sheets shows when hovering the error. */
  message?: string;
}

const DATE_TYPES = new Set(['NUMBER_DATE', 'NUMBER_DATETIME', 'NUMBER_TIME']);

/**
 * What Sheets shows in a custom function's cell while its execution runs on Google's servers.
 * https://developers.google.com/apps-script/guides/sheets/functions ("Loading...")
 */
export const LOADING = 'Loading...';

/** One recalculation: every custom-function call site it evaluated, each an execution. */
export interface Recalculation {
  /** 'full': the mirror was rebuilt (open, structural change); 'edit': only dependents of edits. */
  readonly kind: 'full' | 'edit';
  readonly executions: number;
  /** Executions per custom function name. */
  readonly byFunction: Readonly<Record<string, number>>;
}

/**
 * Mirrors the workbook in a HyperFormula instance, so formulas really evaluate. Cell edits are
 * applied incrementally; structural changes (sheets, rows, columns, custom functions, the
 * clock under TODAY/NOW) rebuild it lazily, on the next read of a formula's value.
 */
export class FormulaEngine implements PluginHost {
  private hf: HyperFormula | null = null;
  private dirtyAll = true;
  private pending: { sheet: SheetData; rect: GridRect }[] = [];
  private hfToSheet = new Map<number, SheetData>();
  private clockAtBuild = Number.NaN;
  private dayAtBuild = Number.NaN;
  private volatile = false;
  private usesToday = false;
  /**
   * HyperFormula registers no dependencies for references inside an array literal
   * (`={"Score"; OKRSCORE(H2:H, …)}`), so an edit would leave such a formula stale; Sheets
   * recalculates it. With one in the workbook, an edit rebuilds the mirror instead.
   */
  private arrayLiterals = false;
  customFunctions: Record<string, CustomFunction> = {};
  /** Result shapes learned by running a custom function, keyed `sheetId:row:col` (0-based). */
  readonly sizes = new Map<string, { height: number; width: number }>();
  readonly resize = new Set<string>();
  /**
   * Each custom-function call site evaluated in a recalculation is one execution on Google's
   * servers, limited to 30 s ("Custom functions in Google Sheets", guide): counted per call site,
   * never deduplicated across sites. The emulator's own re-entry of a site (to learn a result's
   * size) is the same execution, so a site counts once per recalculation.
   */
  readonly recalculations: Recalculation[] = [];
  private current: { kind: 'full' | 'edit'; sites: Map<string, string> } | null = null;
  /** When set, a custom function's cell reads `Loading...` from its execution until settle(). */
  pendingMode = false;
  /** `sheetId:row:col` (0-based) of formula cells whose custom functions have not settled. */
  private readonly loading = new Set<string>();

  constructor(readonly wb: Workbook) {}

  executed(site: string, name: string): void {
    if (!this.current) {
      // Outside a recalculation (a conditional-format check): an execution of its own.
      this.recalculations.push({ kind: 'edit', executions: 1, byFunction: { [name]: 1 } });
    } else this.current.sites.set(site, name);
    if (this.pendingMode) this.loading.add(site.split(':').slice(0, 3).join(':'));
  }

  /** Recalculates every formula now, as Sheets does on opening the spreadsheet; returns what it ran. */
  recalculateAll(): Recalculation | undefined {
    const before = this.recalculations.length;
    this.structural();
    this.sync(true);
    return this.recalculations.length > before ? this.recalculations.at(-1) : undefined;
  }

  /** Every pending custom function finishes: its cells show their results. */
  settle(): void {
    this.loading.clear();
  }

  /** Executions over every recalculation so far (or since `from`, an index into recalculations). */
  executionsSince(from = 0): number {
    return this.recalculations.slice(from).reduce((n, r) => n + r.executions, 0);
  }

  private forgetExecutionsAt(cell: string): void {
    const sites = this.current?.sites;
    if (!sites) return;
    for (const site of [...sites.keys()]) if (site.startsWith(`${cell}:`)) sites.delete(site);
  }

  private beginRecalculation(kind: 'full' | 'edit'): void {
    this.current = { kind, sites: new Map() };
  }

  private endRecalculation(): void {
    const current = this.current;
    this.current = null;
    if (!current || current.sites.size === 0) return;
    const byFunction: Record<string, number> = {};
    for (const name of current.sites.values()) byFunction[name] = (byFunction[name] ?? 0) + 1;
    this.recalculations.push({ kind: current.kind, executions: current.sites.size, byFunction });
  }

  get env() {
    return this.wb.env;
  }

  setCustomFunctions(fns: Record<string, CustomFunction>): void {
    this.customFunctions = { ...this.customFunctions, ...fns };
    this.structural();
  }

  structural(): void {
    this.dirtyAll = true;
    this.pending = [];
  }

  touch(sheet: SheetData, rect: GridRect): void {
    if (this.hf && !this.dirtyAll) {
      this.pending.push({ sheet, rect });
      if (this.pending.length > 200) this.structural();
    }
  }

  sizeKey(hfSheet: number, row: number, col: number): string {
    return `${this.hfToSheet.get(hfSheet)?.id ?? hfSheet}:${row}:${col}`;
  }

  todaySerial(): number {
    return dateToSerial(this.env.now().getTime(), this.env.timeZone);
  }

  toDate(serial: number): Date {
    return new this.env.Date(serialToMs(serial, this.env.timeZone));
  }

  private clockKey(): number {
    // NOW() moves with the clock; rebuild when it moved by a second or more.
    return Math.floor(this.env.now().getTime() / 1000);
  }

  private raw(sheet: SheetData, r: number, c: number): RawCellContent {
    const cell = sheet.cell(r, c);
    if (!cell) return null;
    if (cell.f !== undefined) {
      const t = translateFormula(cell.f, sheet.name, (name) => {
        const s = this.wb.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
        return s ? { rows: s.maxRows, cols: s.maxCols } : undefined;
      });
      if (/\b(NOW|RAND|RANDBETWEEN)\s*\(/i.test(t)) this.volatile = true;
      if (/\bTODAY\s*\(/i.test(t)) this.usesToday = true;
      if (t.includes('{')) this.arrayLiterals = true;
      return t;
    }
    const v = cell.v;
    if (v === undefined || v === '') return null;
    if (typeof v === 'string') return `'${v}`;
    if (isDate(v)) {
      // HyperFormula reads a Date's local fields; give it the wall clock of the sheet's zone.
      const w = wallClock(v.getTime(), this.env.timeZone);
      return new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
    }
    return v;
  }

  private contents(sheet: SheetData, rect: GridRect): RawCellContent[][] {
    const out: RawCellContent[][] = [];
    for (let r = 0; r < rect.numRows; r++) {
      const row: RawCellContent[] = [];
      for (let c = 0; c < rect.numCols; c++) row.push(this.raw(sheet, rect.row + r, rect.col + c));
      out.push(row);
    }
    return out;
  }

  /**
   * A custom function's spill size is known only once it has run, and HyperFormula throws
   * ("Resizing to smaller array") when a formula's result outgrows the size it predicted. When
   * a build fails so, the custom functions that ran have learned their sizes: build again.
   * Edits learn sizes one formula at a time; the rebuild after a structural edit (whose ranges
   * changed size) learns them all here.
   */
  private rebuild(): void {
    // A build that fails for a size it had to learn is started over; in Sheets each call site
    // runs once per recalculation, so the failed build's executions do not count.
    const counted = this.current ? new Map(this.current.sites) : null;
    for (let attempt = 1; ; attempt++) {
      try {
        this.buildMirror();
        return;
      } catch (e) {
        if (attempt >= 6 || this.resize.size === 0) throw e;
        this.hf = null;
        this.resize.clear();
        if (this.current && counted) this.current.sites = new Map(counted);
      }
    }
  }

  private buildMirror(): void {
    this.hf?.destroy();
    this.volatile = false;
    this.usesToday = false;
    this.arrayLiterals = false;
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const s of this.wb.sheets) {
      sheets[s.name] = this.contents(s, { row: 1, col: 1, numRows: s.lastRow(), numCols: s.lastColumn() });
    }
    const plugin = makePlugin(this);
    // Custom functions evaluate DURING buildFromSheets and key their spill sizes by
    // sheet: map HyperFormula's ids (assigned in insertion order) before it runs.
    this.hfToSheet.clear();
    for (const [i, s] of this.wb.sheets.entries()) this.hfToSheet.set(i, s);
    this.hf = HyperFormula.buildFromSheets(sheets, {
      licenseKey: 'gpl-v3',
      functionPlugins: [...HyperFormula.getAllFunctionPlugins(), EmulatorSequencePlugin, plugin],
      maxRows: 2_000_000,
      maxColumns: 18_278,
      // Sheets' conventions: serials from 1899-12-30, no 1900 leap-year bug, blank stays blank.
      nullDate: { year: 1899, month: 12, day: 30 },
      leapYear1900: false,
      evaluateNullToZero: false,
      caseSensitive: false,
      useWildcards: true,
      useRegularExpressions: false,
      // Sheets hands scripts full doubles; HyperFormula would round results to 10 digits.
      smartRounding: false,
      // DATEVALUE and text-to-date coercion read ISO dates, as Sheets does in every locale.
      // https://support.google.com/docs/answer/3093039 (DATEVALUE)
      dateFormats: ['MM/DD/YYYY', 'MM/DD/YY', 'YYYY-MM-DD', 'YYYY/MM/DD'],
    });
    this.hfToSheet.clear();
    for (const s of this.wb.sheets) {
      const id = this.hf.getSheetId(s.name);
      if (id !== undefined) this.hfToSheet.set(id, s);
    }
    this.dirtyAll = false;
    this.pending = [];
    this.clockAtBuild = this.clockKey();
    this.dayAtBuild = Math.floor(this.todaySerial());
  }

  private hfSheetId(sheet: SheetData): number {
    for (const [id, s] of this.hfToSheet) if (s === sheet) return id;
    throw new Error(`Emulator: sheet ${sheet.name} is not mirrored`);
  }

  private applyPending(): void {
    const hf = this.hf;
    if (!hf) return;
    const pending = this.pending;
    this.pending = [];
    try {
      hf.batch(() => {
        for (const { sheet, rect } of pending) {
          hf.setCellContents(
            { sheet: this.hfSheetId(sheet), row: rect.row - 1, col: rect.col - 1 },
            this.contents(sheet, rect),
          );
        }
      });
    } catch {
      // e.g. writing into part of an array result: start over from the workbook.
      this.rebuild();
    }
  }

  private fixSizes(): void {
    for (let pass = 0; pass < 6 && this.resize.size > 0 && this.hf; pass++) {
      const keys = [...this.resize];
      this.resize.clear();
      // Re-entering a cell to spill at its learned size is the same execution, not another.
      for (const key of keys) this.forgetExecutionsAt(key.split(':').slice(0, 3).join(':'));
      const hf = this.hf;
      try {
        hf.batch(() => {
          for (const key of keys) {
            const [sid, row, col] = key.split(':').map(Number) as [number, number, number];
            const sheet = this.wb.sheetById(sid);
            if (!sheet) continue;
            hf.setCellContents({ sheet: this.hfSheetId(sheet), row, col }, [[this.raw(sheet, row + 1, col + 1)]]);
          }
        });
      } catch {
        this.rebuild();
      }
    }
  }

  /** Brings the mirror up to date; false when no formula exists (values are the literals). */
  private sync(force = false): boolean {
    if (!force && !this.wb.hasFormulas()) {
      if (this.hf) {
        this.hf.destroy();
        this.hf = null;
      }
      this.dirtyAll = true;
      return false;
    }
    const full =
      this.dirtyAll ||
      !this.hf ||
      (this.volatile && this.clockKey() !== this.clockAtBuild) ||
      (this.usesToday && Math.floor(this.todaySerial()) !== this.dayAtBuild);
    const edit = !full && this.pending.length > 0;
    if (full || edit || this.resize.size > 0) this.beginRecalculation(full || this.arrayLiterals ? 'full' : 'edit');
    try {
      if (full) this.rebuild();
      else if (edit && this.arrayLiterals) this.rebuild();
      else if (edit) this.applyPending();
      this.fixSizes();
    } finally {
      this.endRecalculation();
    }
    return true;
  }

  /**
   * Evaluated values for `rect` of `sheet`, or null when there is nothing to evaluate. Entries
   * are filled for formula cells and for empty cells (which an array result may spill into).
   */
  evaluate(sheet: SheetData, rect: GridRect): (Evaluated | undefined)[][] | null {
    if (sheet.formulaCount === 0 && !this.wb.hasFormulas()) return null;
    if (!this.sync() || !this.hf) return null;
    const hf = this.hf;
    const sid = this.hfSheetId(sheet);
    const values = hf.getRangeValues({
      start: { sheet: sid, row: rect.row - 1, col: rect.col - 1 },
      end: { sheet: sid, row: rect.row + rect.numRows - 2, col: rect.col + rect.numCols - 2 },
    });
    const out: (Evaluated | undefined)[][] = [];
    const anchors = this.loading.size > 0 ? this.loadingAnchors(sheet, rect) : null;
    for (let r = 0; r < rect.numRows; r++) {
      const row: (Evaluated | undefined)[] = [];
      for (let c = 0; c < rect.numCols; c++) {
        const cell = sheet.cell(rect.row + r, rect.col + c);
        if (cell && cell.f === undefined && cell.v !== undefined && cell.v !== '') {
          row.push(undefined);
          continue;
        }
        const loading = anchors?.[c]?.[r];
        if (loading !== undefined) {
          row.push({ value: loading ? LOADING : '' });
          continue;
        }
        const v = values[r]?.[c] ?? null;
        row.push(this.convert(v, { sheet: sid, row: rect.row - 1 + r, col: rect.col - 1 + c }));
      }
      out.push(row);
    }
    return out;
  }

  /**
   * Per column of `rect`, per row: true for a loading formula cell, false for a cell its array
   * result spills into (blank while loading), undefined otherwise. Arrays are followed downwards
   * only, the way the add-on's header formulas spill.
   */
  private loadingAnchors(sheet: SheetData, rect: GridRect): (boolean | undefined)[][] {
    const out: (boolean | undefined)[][] = [];
    for (let c = 0; c < rect.numCols; c++) {
      const col = rect.col + c;
      const column: (boolean | undefined)[] = [];
      let anchorRow = 0;
      for (let r = rect.row; r >= 1; r--) {
        if (sheet.cell(r, col)?.f !== undefined) {
          anchorRow = r;
          break;
        }
        if (sheet.hasContent(sheet.cell(r, col))) break;
      }
      let anchorLoading = anchorRow > 0 && this.loading.has(`${sheet.id}:${anchorRow - 1}:${col - 1}`);
      for (let r = 0; r < rect.numRows; r++) {
        const cell = sheet.cell(rect.row + r, col);
        if (cell?.f !== undefined) {
          anchorLoading = this.loading.has(`${sheet.id}:${rect.row + r - 1}:${col - 1}`);
          column.push(anchorLoading ? true : undefined);
        } else if (sheet.hasContent(cell)) {
          anchorLoading = false;
          column.push(undefined);
        } else column.push(anchorLoading ? false : undefined);
      }
      out.push(column);
    }
    return out;
  }

  /** Evaluates a formula (e.g. a conditional-format rule's) as if it stood on `sheet`. */
  calculate(formula: string, sheet: SheetData): Evaluated {
    this.sync(true);
    const hf = this.hf;
    if (!hf) return { value: '' };
    const text = translateFormula(formula, sheet.name, (name) => {
      const s = this.wb.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
      return s ? { rows: s.maxRows, cols: s.maxCols } : undefined;
    });
    const v = hf.calculateFormula(text, this.hfSheetId(sheet));
    if (Array.isArray(v)) return this.convertPlain(v[0]?.[0] ?? null);
    return this.convertPlain(v as CellValue);
  }

  private convertPlain(v: CellValue): Evaluated {
    if (v === null) return { value: '' };
    if (v instanceof DetailedCellError) return mapError(v);
    return { value: v as Scalar };
  }

  private convert(v: CellValue, addr: { sheet: number; row: number; col: number }): Evaluated {
    if (v === null) return { value: '' };
    if (v instanceof DetailedCellError) return mapError(v);
    if (typeof v === 'number') {
      const type = this.hf?.getCellValueDetailedType(addr);
      if (type && DATE_TYPES.has(type)) return { value: this.toDate(v) };
    }
    return { value: v as Scalar };
  }
}

function mapError(e: DetailedCellError): Evaluated {
  switch (e.type) {
    case 'CYCLE':
      return {
        value: '#REF!',
        error: '#REF!',
        message: 'Circular dependency detected. To resolve with iterative calculation, see File > Settings.',
      };
    case 'SPILL':
      return {
        value: '#REF!',
        error: '#REF!',
        message: 'Array result was not expanded because it would overwrite data.',
      };
    case 'ERROR':
      if (/^Parsing error/i.test(e.message)) {
        return { value: '#ERROR!', error: '#ERROR!', message: `Formula parse error. (${e.message})` };
      }
      return { value: '#ERROR!', error: '#ERROR!', message: e.message };
    case 'LIC':
      return { value: '#ERROR!', error: '#ERROR!', message: `Unsupported by the emulator: ${e.message}` };
    default:
      return { value: e.value, error: e.value, message: e.message || e.value };
  }
}
