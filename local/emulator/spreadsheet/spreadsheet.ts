import { breakReferences } from '../formulas/structure.js';
import { type GridRect, splitSheet } from './a1.js';
import type { Ctx } from './context.js';
import { addMetadata, newFinder, wrapMetadata } from './metadata.js';
import { SheetData } from './model.js';
import { wrapProtection } from './protection.js';
import { duplicateNameError } from './sheet.js';

type Self = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
}

/** https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet */
export class SpreadsheetImpl {
  readonly _toasts: Toast[] = [];

  constructor(private readonly ctx: Ctx) {}

  private get wb() {
    return this.ctx.wb;
  }

  private _active(): SheetData {
    const s = this.wb.sheetById(this.wb.activeSheetId) ?? this.wb.sheets[0];
    if (!s) throw new Error('The spreadsheet has no sheets.');
    return s;
  }

  getId() {
    return this.wb.id;
  }
  getName() {
    return this.wb.name;
  }
  rename(name: string) {
    this.wb.name = name;
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this.wb.id}/edit`;
  }
  getSheets() {
    return this.wb.sheets.map((s) => this.ctx.sheet(s));
  }
  getNumSheets() {
    return this.wb.sheets.length;
  }
  getSheetByName(name: string) {
    const s = this.wb.sheetByName(name);
    return s ? this.ctx.sheet(s) : null;
  }
  getSheetById(id: number) {
    const s = this.wb.sheetById(id);
    return s ? this.ctx.sheet(s) : null;
  }
  /** insertSheet(), (index), (name), (name, index), with an optional options object last. */
  insertSheet(...args: unknown[]) {
    const params = args.filter((a) => typeof a !== 'object' || a === null);
    let name: string | undefined;
    let index: number | undefined;
    for (const p of params) {
      if (typeof p === 'string') name = p;
      else if (typeof p === 'number') index = p;
    }
    const wb = this.wb;
    if (name === undefined) {
      let n = wb.sheets.length + 1;
      while (wb.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (wb.sheets.some((s) => s.name.toLowerCase() === (name as string).toLowerCase())) throw duplicateNameError(name);
    const data = new SheetData(wb.newSheetId(), name);
    const at = index === undefined ? wb.sheets.length : Math.max(0, Math.min(index, wb.sheets.length));
    wb.sheets.splice(at, 0, data);
    // "The new sheet becomes the active sheet."
    wb.activeSheetId = data.id;
    wb.activeRange = null;
    wb.engine.structural();
    return this.ctx.sheet(data);
  }
  deleteSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
    const data = (sheet as unknown as { _data: SheetData })._data;
    const wb = this.wb;
    if (!wb.sheets.includes(data)) throw new Error('Sheet not found.');
    if (wb.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    wb.sheets = wb.sheets.filter((s) => s !== data);
    breakReferences(wb, data);
    wb.metadata = wb.metadata.filter((m) => m.location.sheetId !== data.id);
    wb.protections = wb.protections.filter((p) => p.sheetId !== data.id);
    for (const [k, v] of wb.namedRanges) if (v.sheetId === data.id) wb.namedRanges.delete(k);
    if (wb.activeSheetId === data.id) {
      wb.activeSheetId = wb.sheets[0]?.id ?? 0;
      wb.activeRange = null;
    }
    wb.engine.structural();
  }
  getActiveSheet() {
    return this.ctx.sheet(this._active());
  }
  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
    const data = (sheet as unknown as { _data: SheetData })._data;
    this.wb.activeSheetId = data.id;
    this.wb.activeRange = null;
    return sheet;
  }
  moveActiveSheet(pos: number) {
    const s = this._active();
    const wb = this.wb;
    wb.sheets = wb.sheets.filter((x) => x !== s);
    wb.sheets.splice(Math.max(0, Math.min(pos - 1, wb.sheets.length)), 0, s);
  }
  getActiveRange() {
    const ar = this.wb.activeRange;
    const sd = ar ? this.wb.sheetById(ar.sheetId) : undefined;
    if (ar && sd) return this.ctx.range(sd, ar.rect);
    return this.ctx.range(this._active(), { row: 1, col: 1, numRows: 1, numCols: 1 });
  }
  setActiveRange(range: GoogleAppsScript.Spreadsheet.Range) {
    const { sheet, rect } = (range as unknown as { _info(): { sheet: SheetData; rect: GridRect } })._info();
    this.wb.activeSheetId = sheet.id;
    this.wb.activeRange = { sheetId: sheet.id, rect: { ...rect } };
    return range;
  }
  getActiveCell() {
    const r = this.getActiveRange() as unknown as { _info(): { sheet: SheetData; rect: GridRect } };
    const { sheet, rect } = r._info();
    return this.ctx.range(sheet, { row: rect.row, col: rect.col, numRows: 1, numCols: 1 });
  }
  getCurrentCell() {
    return this.getActiveCell();
  }
  setCurrentCell(cell: GoogleAppsScript.Spreadsheet.Range) {
    return this.setActiveRange(cell);
  }
  getRange(a1: string) {
    const { sheet } = splitSheet(a1);
    const data = sheet === undefined ? this._active() : this.wb.sheetByName(sheet);
    if (!data) throw new Error('Range not found');
    return this.ctx.sheet(data).getRange(a1);
  }
  getRangeByName(name: string) {
    const nr = this.wb.namedRanges.get(name);
    const sd = nr ? this.wb.sheetById(nr.sheetId) : undefined;
    return nr && sd ? this.ctx.range(sd, nr.rect) : null;
  }
  setNamedRange(name: string, range: GoogleAppsScript.Spreadsheet.Range) {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name)) {
      throw new Error(`Invalid name: ${name}`);
    }
    const { sheet, rect } = (range as unknown as { _info(): { sheet: SheetData; rect: GridRect } })._info();
    this.wb.namedRanges.set(name, { sheetId: sheet.id, rect: { ...rect } });
  }
  removeNamedRange(name: string) {
    if (!this.wb.namedRanges.delete(name)) throw new Error(`Named range ${name} not found.`);
  }
  getNamedRanges() {
    return [...this.wb.namedRanges.keys()].map((name) => this._namedRange(name));
  }
  private _namedRange(name: string) {
    let current = name;
    let self: unknown;
    const nr = {
      getName: () => current,
      getRange: () => this.getRangeByName(current),
      setName: (n: string) => {
        const v = this.wb.namedRanges.get(current);
        if (v) {
          this.wb.namedRanges.delete(current);
          this.wb.namedRanges.set(n, v);
        }
        current = n;
        return self;
      },
      setRange: (range: GoogleAppsScript.Spreadsheet.Range) => {
        this.setNamedRange(current, range);
        return self;
      },
      remove: () => {
        this.wb.namedRanges.delete(current);
      },
    };
    self = this.ctx.wrap(nr, 'NamedRange');
    return self as GoogleAppsScript.Spreadsheet.NamedRange;
  }
  getSpreadsheetTimeZone() {
    return this.ctx.env.timeZone;
  }
  setSpreadsheetTimeZone(tz: string) {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    this.ctx.env.timeZone = tz;
    this.wb.engine.structural();
  }
  getSpreadsheetLocale() {
    return this.wb.locale;
  }
  setSpreadsheetLocale(locale: string) {
    this.wb.locale = locale;
  }
  addDeveloperMetadata(...args: unknown[]) {
    addMetadata(this.ctx, { kind: 'SPREADSHEET' }, args);
    return this as unknown as Self;
  }
  getDeveloperMetadata() {
    return this.wb.metadata.filter((m) => m.location.kind === 'SPREADSHEET').map((m) => wrapMetadata(this.ctx, m));
  }
  createDeveloperMetadataFinder() {
    return newFinder(this.ctx, () => true);
  }
  getProtections(type: unknown) {
    return this.wb.protections.filter((p) => p.type === String(type)).map((p) => wrapProtection(this.ctx, p));
  }
  toast(message: string, title?: string, timeoutSeconds?: number) {
    this._toasts.push({ message: String(message), title: title ?? '', timeoutSeconds: timeoutSeconds ?? 5 });
  }
  // Spreadsheet methods that act on the active sheet, as Apps Script's do.
  getSheetId() {
    return this._active().id;
  }
  getSheetName() {
    return this._active().name;
  }
  getLastRow() {
    return this._active().lastRow();
  }
  getLastColumn() {
    return this._active().lastColumn();
  }
  getDataRange() {
    return this.ctx.sheet(this._active()).getDataRange();
  }
  getFrozenRows() {
    return this._active().frozenRows;
  }
}
