import { moveReferences } from '../formulas/structure.js';
import { sheetRenamer } from '../formulas/translate.js';
import { type GridRect, parseA1, quoteSheetName, splitSheet } from './a1.js';
import { newChart, newChartBuilder } from './charts.js';
import { newRule } from './conditional.js';
import type { Ctx } from './context.js';
import { normalizeColor } from './context.js';
import { allRowGroups, moveRowGroups, rowDepth, rowGroupAt, rowGroupState } from './groups.js';
import { addMetadata, newFinder, wrapMetadata } from './metadata.js';
import { type ChartSpec, CompactLine, type ConditionalRuleSpec, SheetData } from './model.js';
import { protect, wrapProtection } from './protection.js';
import { checkBounds, effectiveFormat } from './range.js';
import { clearContent, clearFormat } from './values.js';

type Self = GoogleAppsScript.Spreadsheet.Sheet;

export function duplicateNameError(name: string): Error {
  return new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
}

/** Moves rectangles when rows/columns are inserted (count > 0) or deleted (count < 0) at `at`. */
function shiftRect(rect: GridRect, axis: 'row' | 'col', at: number, count: number): GridRect | null {
  const start = axis === 'row' ? rect.row : rect.col;
  const size = axis === 'row' ? rect.numRows : rect.numCols;
  let s = start;
  let n = size;
  if (count > 0) {
    if (at <= start) s += count;
    else if (at < start + size) n += count;
  } else {
    const del = -count;
    const end = start + size; // exclusive
    const overlap = Math.max(0, Math.min(end, at + del) - Math.max(start, at));
    n -= overlap;
    if (at < start) s -= Math.min(del, start - at);
    if (n <= 0) return null;
  }
  return axis === 'row' ? { ...rect, row: s, numRows: n } : { ...rect, col: s, numCols: n };
}

/** https://developers.google.com/apps-script/reference/spreadsheet/sheet */
export class SheetImpl {
  constructor(
    private readonly ctx: Ctx,
    readonly _data: SheetData,
  ) {}

  private _self(): Self {
    return this as unknown as Self;
  }

  private get d(): SheetData {
    return this._data;
  }

  private _range(rect: GridRect) {
    checkBounds(this.d, rect);
    return this.ctx.range(this.d, rect);
  }

  /** Conditional formatting applied: what the user sees in (row, col). */
  _effectiveFormat(row: number, col: number) {
    return effectiveFormat(this.ctx, this.d, row, col);
  }

  _effectiveBackground(row: number, col: number): string {
    return effectiveFormat(this.ctx, this.d, row, col).background;
  }

  _errorMessage(a1: string): string | null {
    const r = this.getRange(a1) as unknown as { _errorMessage(): string | null };
    return r._errorMessage();
  }

  private _structural(axis: 'row' | 'col', at: number, count: number): void {
    const d = this.d;
    moveReferences(this.ctx.wb, d, axis, at, count);
    if (axis === 'row') {
      if (count > 0) d.rows.splice(at, 0, ...new Array(count));
      else d.rows.splice(at, -count);
      d.maxRows += count;
      const shiftSet = (set: Map<number, number>) => {
        const entries = [...set.entries()];
        set.clear();
        for (const [k, v] of entries) {
          if (count < 0 && k >= at && k < at - count) continue;
          set.set(k >= at ? k + count : k, v);
        }
      };
      shiftSet(d.rowHeights);
      moveRowGroups(d, at, count);
    } else {
      for (const row of d.lines()) {
        if (!row) continue;
        if (count > 0) row.splice(at, 0, ...new Array(count));
        else row.splice(at, -count);
      }
      d.maxCols += count;
    }
    d.formulaCount = d.countFormulas();
    const move = (rect: GridRect) => shiftRect(rect, axis, at, count);
    for (const rule of d.cfRules) {
      rule.ranges = rule.ranges.flatMap((r) => {
        if (r.sheetId !== d.id) return [r];
        const m = move(r.rect);
        // An open-ended range (C2:C) reaches the last row however many rows come and go.
        if (m?.toLastRow && axis === 'row') m.numRows = Math.max(1, d.maxRows - m.row + 1);
        return m ? [{ sheetId: r.sheetId, rect: m }] : [];
      });
    }
    for (const [name, nr] of this.ctx.wb.namedRanges) {
      if (nr.sheetId !== d.id) continue;
      const m = move(nr.rect);
      if (m) nr.rect = m;
      else this.ctx.wb.namedRanges.delete(name);
    }
    d.merges = d.merges.flatMap((r) => {
      const m = move(r);
      return m ? [m] : [];
    });
    // Spill sizes learned from custom functions are keyed by cell and sized by the old ranges.
    this.ctx.wb.engine.sizes.clear();
    this.ctx.wb.engine.structural();
  }

  // --- identity
  getName() {
    return this.d.name;
  }
  getSheetName() {
    return this.d.name;
  }
  setName(name: string) {
    const n = String(name);
    if (n === this.d.name) return this._self();
    if (this.ctx.wb.sheets.some((s) => s !== this.d && s.name.toLowerCase() === n.toLowerCase())) {
      throw duplicateNameError(n);
    }
    const old = this.d.name;
    const rename = sheetRenamer(old, n, quoteSheetName);
    for (const s of this.ctx.wb.sheets) {
      if (s.formulaCount > 0) {
        s.eachFormula((f, rewrite) => {
          const renamed = rename(f);
          if (renamed !== f) rewrite(renamed);
        });
      }
      // A chart's data is a GridRange naming its sheet by id, not by name, so it follows a rename:
      // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/charts#ChartSourceRange
      for (const chart of s.charts) chart.ranges = chart.ranges.map(rename);
    }
    this.d.name = n;
    this.ctx.wb.engine.structural();
    return this._self();
  }
  getSheetId() {
    return this.d.id;
  }
  getIndex() {
    return this.ctx.wb.sheets.indexOf(this.d) + 1;
  }
  getParent() {
    return this.ctx.spreadsheet();
  }
  getType() {
    return 'GRID';
  }
  getMaxRows() {
    return this.d.maxRows;
  }
  getMaxColumns() {
    return this.d.maxCols;
  }
  getLastRow() {
    return this.d.lastRow();
  }
  getLastColumn() {
    return this.d.lastColumn();
  }

  // --- ranges
  getRange(a: number | string, col?: number, numRows?: number, numCols?: number) {
    if (typeof a === 'string') {
      const { sheet, ref } = splitSheet(a);
      if (sheet !== undefined && sheet !== this.d.name) {
        const other = this.ctx.wb.sheetByName(sheet);
        if (!other) throw new Error('Range not found');
        return this.ctx.sheet(other).getRange(ref);
      }
      return this._range(parseA1(ref, this.d.maxRows, this.d.maxCols));
    }
    if (typeof a !== 'number' || typeof col !== 'number') {
      throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    }
    return this._range({ row: a, col, numRows: numRows ?? 1, numCols: numCols ?? 1 });
  }
  /**
   * One call for many ranges of this sheet
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String)):
   * the ranges it makes are no Sheet.getRange calls of the script's.
   */
  getRangeList(a1s: string[]) {
    const ranges = this.ctx.env.calls.uncounted(() => a1s.map((a1) => this.getRange(a1)));
    return this.ctx.wrap({ getRanges: () => ranges }, 'RangeList');
  }
  getDataRange() {
    return this._range({
      row: 1,
      col: 1,
      numRows: Math.max(1, this.d.lastRow()),
      numCols: Math.max(1, this.d.lastColumn()),
    });
  }
  getSheetValues(row: number, col: number, numRows: number, numCols: number) {
    const nr = numRows === -1 ? this.d.lastRow() - row + 1 : numRows;
    const nc = numCols === -1 ? this.d.lastColumn() - col + 1 : numCols;
    return this._range({ row, col, numRows: nr, numCols: nc }).getValues();
  }
  getActiveRange() {
    const ar = this.ctx.wb.activeRange;
    if (ar && ar.sheetId === this.d.id) return this.ctx.range(this.d, ar.rect);
    return this.ctx.range(this.d, { row: 1, col: 1, numRows: 1, numCols: 1 });
  }
  getActiveCell() {
    const ar = this.ctx.wb.activeRange;
    const rect = ar && ar.sheetId === this.d.id ? ar.rect : { row: 1, col: 1, numRows: 1, numCols: 1 };
    return this.ctx.range(this.d, { row: rect.row, col: rect.col, numRows: 1, numCols: 1 });
  }
  getCurrentCell() {
    return this.getActiveCell();
  }
  setActiveRange(range: GoogleAppsScript.Spreadsheet.Range) {
    const { sheet, rect } = (range as unknown as { _info(): { sheet: SheetData; rect: GridRect } })._info();
    this.ctx.wb.activeSheetId = sheet.id;
    this.ctx.wb.activeRange = { sheetId: sheet.id, rect: { ...rect } };
    return range;
  }
  setActiveSelection(a: string | GoogleAppsScript.Spreadsheet.Range) {
    return this.setActiveRange(typeof a === 'string' ? this.getRange(a) : a);
  }
  setCurrentCell(cell: GoogleAppsScript.Spreadsheet.Range) {
    return this.setActiveRange(cell);
  }
  appendRow(values: unknown[]) {
    const row = this.d.lastRow() + 1;
    if (row > this.d.maxRows) this._structural('row', this.d.maxRows + 1, row - this.d.maxRows);
    const width = Math.max(values.length, 1);
    if (width > this.d.maxCols) this._structural('col', this.d.maxCols + 1, width - this.d.maxCols);
    this.ctx.range(this.d, { row, col: 1, numRows: 1, numCols: width }).setValues([values.length ? values : ['']]);
    return this._self();
  }

  // --- rows and columns
  insertRowsAfter(after: number, howMany: number) {
    if (after < 0 || after > this.d.maxRows) throw new Error('Those rows are out of bounds.');
    this._structural('row', after + 1, howMany);
    return this._self();
  }
  insertRowsBefore(before: number, howMany: number) {
    if (before < 1 || before > this.d.maxRows) throw new Error('Those rows are out of bounds.');
    this._structural('row', before, howMany);
    return this._self();
  }
  insertRowAfter(after: number) {
    return this.insertRowsAfter(after, 1);
  }
  insertRowBefore(before: number) {
    return this.insertRowsBefore(before, 1);
  }
  insertRows(rowIndex: number, numRows?: number) {
    this.insertRowsBefore(rowIndex, numRows ?? 1);
  }
  deleteRows(start: number, howMany: number) {
    if (start < 1 || howMany < 1 || start + howMany - 1 > this.d.maxRows)
      throw new Error('Those rows are out of bounds.');
    if (howMany >= this.d.maxRows - this.d.frozenRows) {
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this._structural('row', start, -howMany);
  }
  deleteRow(row: number) {
    this.deleteRows(row, 1);
    return this._self();
  }
  insertColumnsAfter(after: number, howMany: number) {
    if (after < 0 || after > this.d.maxCols) throw new Error('Those columns are out of bounds.');
    this._structural('col', after + 1, howMany);
    return this._self();
  }
  insertColumnsBefore(before: number, howMany: number) {
    if (before < 1 || before > this.d.maxCols) throw new Error('Those columns are out of bounds.');
    this._structural('col', before, howMany);
    return this._self();
  }
  insertColumnAfter(after: number) {
    return this.insertColumnsAfter(after, 1);
  }
  insertColumnBefore(before: number) {
    return this.insertColumnsBefore(before, 1);
  }
  insertColumns(colIndex: number, numCols?: number) {
    this.insertColumnsBefore(colIndex, numCols ?? 1);
  }
  deleteColumns(start: number, howMany: number) {
    if (start < 1 || howMany < 1 || start + howMany - 1 > this.d.maxCols) {
      throw new Error('Those columns are out of bounds.');
    }
    if (howMany >= this.d.maxCols - this.d.frozenCols) {
      throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    }
    this._structural('col', start, -howMany);
  }
  deleteColumn(col: number) {
    this.deleteColumns(col, 1);
    return this._self();
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#sortcolumnposition,-ascending: the rows below the frozen ones. */
  sort(columnPosition: number, ascending?: boolean) {
    const first = this.d.frozenRows + 1;
    const last = this.d.lastRow();
    if (last >= first) {
      const rows = this._range({
        row: first,
        col: 1,
        numRows: last - first + 1,
        numCols: Math.max(1, this.d.lastColumn()),
      });
      (rows as unknown as { _sort(spec: unknown): unknown })._sort({
        column: columnPosition,
        ascending: ascending !== false,
      });
    }
    return this._self();
  }
  /** Row groups: groups.ts (https://developers.google.com/apps-script/reference/spreadsheet/group). */
  getRowGroup(rowIndex: number, groupDepth: number) {
    return rowGroupAt(this.ctx, this.d, rowIndex, groupDepth);
  }
  getRowGroupDepth(rowIndex: number) {
    return rowDepth(this.d, rowIndex);
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#setRowGroupControlPosition(GroupControlTogglePosition) */
  setRowGroupControlPosition(position: unknown) {
    const name = String(position);
    if (name !== 'BEFORE' && name !== 'AFTER') throw new Error(`Invalid argument: position (${name})`);
    rowGroupState(this.d).controlAfter = name === 'AFTER';
    return this._self();
  }
  getRowGroupControlPosition() {
    return rowGroupState(this.d).controlAfter ? 'AFTER' : 'BEFORE';
  }
  expandAllRowGroups() {
    rowGroupState(this.d).collapsed.clear();
    return this._self();
  }
  collapseAllRowGroups() {
    const state = rowGroupState(this.d);
    for (const group of allRowGroups(this.d)) state.collapsed.add(`${group.depth}:${group.first}`);
    return this._self();
  }
  setFrozenRows(n: number) {
    this.d.frozenRows = n;
  }
  getFrozenRows() {
    return this.d.frozenRows;
  }
  setFrozenColumns(n: number) {
    this.d.frozenCols = n;
  }
  getFrozenColumns() {
    return this.d.frozenCols;
  }
  setColumnWidth(col: number, width: number) {
    this.d.colWidths.set(col, width);
    return this._self();
  }
  setColumnWidths(start: number, num: number, width: number) {
    for (let c = start; c < start + num; c++) this.d.colWidths.set(c, width);
    return this._self();
  }
  getColumnWidth(col: number) {
    return this.d.colWidths.get(col) ?? 100;
  }
  setRowHeight(row: number, height: number) {
    this.d.rowHeights.set(row, height);
    return this._self();
  }
  setRowHeights(start: number, num: number, height: number) {
    for (let r = start; r < start + num; r++) this.d.rowHeights.set(r, height);
    return this._self();
  }
  getRowHeight(row: number) {
    return this.d.rowHeights.get(row) ?? 21;
  }
  autoResizeColumns(_start: number, _num: number) {
    return this._self();
  }
  autoResizeColumn(_col: number) {
    return this._self();
  }
  autoResizeRows(_start: number, _num: number) {
    return this._self();
  }
  hideColumns(col: number, num?: number) {
    for (let c = col; c < col + (num ?? 1); c++) this.d.hiddenCols.add(c);
  }
  showColumns(col: number, num?: number) {
    for (let c = col; c < col + (num ?? 1); c++) this.d.hiddenCols.delete(c);
  }
  isColumnHiddenByUser(col: number) {
    return this.d.hiddenCols.has(col);
  }
  hideRows(row: number, num?: number) {
    for (let r = row; r < row + (num ?? 1); r++) this.d.hiddenRows.add(r);
  }
  showRows(row: number, num?: number) {
    for (let r = row; r < row + (num ?? 1); r++) this.d.hiddenRows.delete(r);
  }
  isRowHiddenByUser(row: number) {
    return this.d.hiddenRows.has(row);
  }

  // --- clearing
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }) {
    const o = options ?? {};
    const all = !o.contentsOnly && !o.formatOnly;
    for (const row of this.d.lines()) {
      for (const c of row ?? []) {
        if (!c) continue;
        if (all || o.contentsOnly) clearContent(c);
        if (all || o.formatOnly) clearFormat(c);
      }
    }
    if (all || o.contentsOnly) {
      this.d.formulaCount = 0;
      this.ctx.wb.engine.structural();
    }
    return this._self();
  }
  clearContents() {
    return this.clear({ contentsOnly: true });
  }
  clearFormats() {
    return this.clear({ formatOnly: true });
  }
  clearNotes() {
    // A compact row holds no note.
    for (const row of this.d.rows) if (Array.isArray(row)) for (const c of row) if (c) delete c.note;
    return this._self();
  }

  // --- visibility and tab
  hideSheet() {
    const visible = this.ctx.wb.sheets.filter((s) => !s.hidden);
    if (visible.length === 1 && visible[0] === this.d) throw new Error("You can't hide all the sheets in a document.");
    this.d.hidden = true;
    return this._self();
  }
  showSheet() {
    this.d.hidden = false;
    return this._self();
  }
  isSheetHidden() {
    return this.d.hidden;
  }
  activate() {
    this.ctx.wb.activeSheetId = this.d.id;
    this.ctx.wb.activeRange = null;
    return this._self();
  }
  setTabColor(color: string | null) {
    this.d.tabColor = normalizeColor(color);
    return this._self();
  }
  getTabColor() {
    return this.d.tabColor;
  }

  copyTo(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {
    void spreadsheet;
    const wb = this.ctx.wb;
    let name = `Copy of ${this.d.name}`;
    for (let i = 2; wb.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()); i++) {
      name = `Copy of ${this.d.name} ${i}`;
    }
    const copy = new SheetData(wb.newSheetId(), name);
    const src = this.d;
    copy.maxRows = src.maxRows;
    copy.maxCols = src.maxCols;
    copy.rows = src.rows.map((row) =>
      row instanceof CompactLine
        ? row.clone()
        : (row?.map((c) => (c ? { ...c, dv: c.dv && { ...c.dv, values: [...c.dv.values] } } : c)) ?? []),
    );
    copy.frozenRows = src.frozenRows;
    copy.frozenCols = src.frozenCols;
    copy.colWidths = new Map(src.colWidths);
    copy.rowHeights = new Map(src.rowHeights);
    copy.tabColor = src.tabColor;
    copy.formulaCount = src.formulaCount;
    copy.customValidations = src.customValidations;
    copy.merges = src.merges.map((m) => ({ ...m }));
    copy.cfRules = src.cfRules.map((r) => ({
      condition: { type: r.condition.type, values: [...r.condition.values] },
      format: { ...r.format },
      ranges: r.ranges.map((x) => ({ sheetId: x.sheetId === src.id ? copy.id : x.sheetId, rect: { ...x.rect } })),
    }));
    copy.charts = src.charts.map((c) => ({
      ...c,
      id: wb.newObjectId(),
      options: { ...c.options },
      ranges: [...c.ranges],
    }));
    wb.sheets.push(copy);
    wb.engine.structural();
    return this.ctx.sheet(copy);
  }

  // --- protection
  protect() {
    return protect(this.ctx, 'SHEET', this.d.id);
  }
  getProtections(type: unknown) {
    return this.ctx.wb.protections
      .filter((p) => p.sheetId === this.d.id && p.type === String(type))
      .map((p) => wrapProtection(this.ctx, p));
  }

  // --- conditional formats
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]) {
    this.d.cfRules = rules.map((r) => {
      const spec = (r as unknown as { _spec: ConditionalRuleSpec })._spec;
      return {
        condition: { type: spec.condition.type, values: [...spec.condition.values] },
        format: { ...spec.format },
        ranges: spec.ranges.map((x) => ({ sheetId: x.sheetId, rect: { ...x.rect } })),
      };
    });
  }
  getConditionalFormatRules() {
    return this.d.cfRules.map((spec) => newRule(this.ctx, spec));
  }
  clearConditionalFormatRules() {
    this.d.cfRules = [];
  }

  // --- charts
  newChart() {
    return newChartBuilder(this.ctx, this.d);
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart) {
    const spec = (chart as unknown as { _spec: ChartSpec })._spec;
    this.d.charts.push({
      ...spec,
      id: this.ctx.wb.newObjectId(),
      options: { ...spec.options },
      ranges: [...spec.ranges],
    });
  }
  getCharts() {
    return this.d.charts.map((c) => newChart(this.ctx, this.d, c));
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart) {
    const spec = (chart as unknown as { _spec: ChartSpec })._spec;
    this.d.charts = this.d.charts.filter((c) => c.id !== spec.id);
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart) {
    const spec = (chart as unknown as { _spec: ChartSpec })._spec;
    const i = this.d.charts.findIndex((c) => c.id === spec.id);
    if (i < 0) throw new Error('The chart does not exist on this sheet.');
    this.d.charts[i] = { ...spec, options: { ...spec.options }, ranges: [...spec.ranges] };
  }

  // --- developer metadata
  addDeveloperMetadata(...args: unknown[]) {
    addMetadata(this.ctx, { kind: 'SHEET', sheetId: this.d.id }, args);
    return this._self();
  }
  getDeveloperMetadata() {
    return this.ctx.wb.metadata
      .filter((m) => m.location.kind === 'SHEET' && m.location.sheetId === this.d.id)
      .map((m) => wrapMetadata(this.ctx, m));
  }
  createDeveloperMetadataFinder() {
    return newFinder(this.ctx, (m) => m.location.sheetId === this.d.id);
  }
}
