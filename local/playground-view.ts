/**
 * What the playground page draws of one tab: each cell's text through its number format,
 * its background, text colour, weight and style after conditional formats, numbers aligned
 * right as in Sheets; column widths, frozen rows and columns, row groups and the rows a
 * collapsed group hides; the recorded charts with the data of their ranges. Read from the
 * emulator without counting calls: looking is no action's I/O.
 */

import type { RecordedMenu } from './emulator/services/ui.js';
import { allRowGroups, isCollapsed } from './emulator/spreadsheet/groups.js';
import type { ChartSpec, SheetData } from './emulator/spreadsheet/model.js';
import type { AddonRuntime } from './runtime.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows drawn at most: a view, not an export. */
export const MAX_VIEW_ROWS = 600;
const DEFAULT_WIDTH = 100;

export interface CellView {
  /** Text as displayed. */
  t: string;
  bg?: string;
  fc?: string;
  b?: 1;
  i?: 1;
  /** Right-aligned (numbers, dates) or centred. */
  a?: 'r' | 'c';
}

export interface GroupView {
  readonly first: number;
  readonly last: number;
  readonly depth: number;
  readonly collapsed: boolean;
  /** The row with its +/− toggle. */
  readonly control: number;
}

export interface ChartView {
  readonly type: string;
  readonly title: string;
  readonly row: number;
  readonly col: number;
  readonly offsetX: number;
  readonly offsetY: number;
  readonly width: number;
  readonly height: number;
  readonly stacked: boolean;
  readonly colors: readonly string[];
  readonly percent: boolean;
  /** Series index → dashed line. */
  readonly dashed: readonly number[];
  readonly labels: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
}

export interface SheetView {
  readonly name: string;
  readonly rows: readonly (readonly CellView[])[];
  /** Rows of the sheet past MAX_VIEW_ROWS, not drawn. */
  readonly more: number;
  readonly widths: readonly number[];
  readonly frozenRows: number;
  readonly frozenColumns: number;
  readonly groups: readonly GroupView[];
  readonly hiddenRows: readonly number[];
  readonly charts: readonly ChartView[];
}

export interface PlaygroundView {
  /** The spreadsheet's name. */
  readonly title: string;
  readonly tabs: readonly string[];
  readonly sheet: SheetView | null;
  readonly active: { readonly tab: string; readonly row: number } | null;
  readonly menu: RecordedMenu | null;
}

const dataOf = (sheet: Sheet): SheetData => (sheet as unknown as { _data: SheetData })._data;

function cellViews(sheet: Sheet, rows: number, cols: number): CellView[][] {
  if (rows === 0 || cols === 0) return [];
  const range = sheet.getRange(1, 1, rows, cols);
  const shown = range.getDisplayValues();
  const values = range.getValues();
  const data = dataOf(sheet);
  const effective = sheet as unknown as {
    _effectiveFormat(r: number, c: number): { background: string; fontColor: string; bold: boolean };
  };
  return shown.map((line, r) =>
    line.map((text, c) => {
      const view: CellView = { t: text };
      const cell = data.cell(r + 1, c + 1);
      const look = effective._effectiveFormat(r + 1, c + 1);
      if (look.background !== '#ffffff') view.bg = look.background;
      if (look.fontColor !== '#000000') view.fc = look.fontColor;
      if (look.bold) view.b = 1;
      if (cell?.fstyle === 'italic') view.i = 1;
      const value = values[r]?.[c];
      // A checkbox shows as one, not as its TRUE/FALSE.
      if (cell?.dv?.criteria === 'CHECKBOX') {
        view.t = value === true ? '☑' : '☐';
        view.a = 'c';
        return view;
      }
      const align = cell?.ha;
      if (align === 'center') view.a = 'c';
      else if (align === 'right' || (align === undefined && (typeof value === 'number' || value instanceof Date)))
        view.a = 'r';
      return view;
    }),
  );
}

function groupViews(data: SheetData, controlAfter: boolean): GroupView[] {
  return allRowGroups(data).map((g) => ({
    first: g.first,
    last: g.last,
    depth: g.depth,
    collapsed: isCollapsed(data, g),
    control: controlAfter ? g.last + 1 : g.first - 1,
  }));
}

function chartView(rt: AddonRuntime, spec: ChartSpec): ChartView {
  const ss = rt.emulator.spreadsheet;
  const source = spec.ranges[0];
  const grid = source === undefined ? [] : ss.getRange(source).getValues();
  const shown = source === undefined ? [] : ss.getRange(source).getDisplayValues();
  const headers = Math.max(0, spec.numHeaders ?? 1);
  const names = (shown[headers - 1] ?? shown[0] ?? []).slice(1);
  const body = grid.slice(headers);
  const options = spec.options;
  const series = options.series as Record<string, { lineDashStyle?: unknown }> | undefined;
  return {
    type: spec.type,
    title: String(options.title ?? ''),
    row: spec.position.row,
    col: spec.position.col,
    offsetX: spec.position.offsetX,
    offsetY: spec.position.offsetY,
    width: Number(options.width ?? 600),
    height: Number(options.height ?? 370),
    stacked: options.isStacked === true,
    colors: Array.isArray(options.colors) ? options.colors.map(String) : [],
    percent: optionAt(options, 'vAxis.format') === 'percent' || optionAt(options, 'hAxis.format') === 'percent',
    dashed: Object.entries(series ?? {})
      .filter(([, s]) => s?.lineDashStyle !== undefined)
      .map(([k]) => Number(k)),
    labels: shown.slice(headers).map((r) => r[0] ?? ''),
    series: names.map((name, i) => ({
      name,
      values: body.map((r) => (typeof r[i + 1] === 'number' ? (r[i + 1] as number) : null)),
    })),
  };
}

/** A chart option by its dotted path, set either so ('vAxis.format') or nested (vAxis: {format}), as Google Charts reads both. */
function optionAt(options: Record<string, unknown>, path: string): unknown {
  if (path in options) return options[path];
  let value: unknown = options;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

function sheetView(rt: AddonRuntime, sheet: Sheet): SheetView {
  const data = dataOf(sheet);
  const lastRow = Math.min(sheet.getLastRow(), MAX_VIEW_ROWS);
  const lastCol = sheet.getLastColumn();
  const charts = data.charts.map((c) => chartView(rt, c));
  const chartCols = charts.length === 0 ? 0 : Math.max(...charts.map((c) => c.col)) - 1;
  const chartRows = charts.length === 0 ? 0 : Math.max(...charts.map((c) => c.row + Math.ceil(c.height / 21)));
  const width = Math.max(lastCol, chartCols);
  const rows = cellViews(sheet, Math.max(lastRow, Math.min(chartRows, MAX_VIEW_ROWS)), width);
  const hidden = new Set<number>();
  const groups = groupViews(data, String(sheet.getRowGroupControlPosition()) === 'AFTER');
  for (const g of groups) if (g.collapsed) for (let r = g.first; r <= g.last; r++) hidden.add(r);
  return {
    name: sheet.getName(),
    rows,
    more: Math.max(0, sheet.getLastRow() - lastRow),
    widths: Array.from({ length: width }, (_, c) => data.colWidths.get(c + 1) ?? DEFAULT_WIDTH),
    frozenRows: data.frozenRows,
    frozenColumns: data.frozenCols,
    groups,
    hiddenRows: [...hidden],
    charts,
  };
}

/** The tab list, the selected tab drawn (`tab`, else the active one), and the add-on's menu. */
export function playgroundView(rt: AddonRuntime, tab?: string): PlaygroundView {
  return rt.emulator.calls.uncounted(() => {
    const ss = rt.emulator.spreadsheet;
    const sheets = ss.getSheets().filter((s) => !s.isSheetHidden());
    const range = ss.getActiveRange();
    const active = range ? { tab: range.getSheet().getName(), row: range.getRow() } : null;
    const chosen = sheets.find((s) => s.getName() === tab) ?? ss.getActiveSheet() ?? sheets[0];
    const menu = rt.emulator.uiState.menus.find((m) => m.addon) ?? null;
    return {
      title: ss.getName(),
      tabs: sheets.map((s) => s.getName()),
      sheet: chosen ? sheetView(rt, chosen) : null,
      active,
      menu,
    };
  });
}

/** Expands or collapses the row group whose toggle is on `row` (a click on the +/− of the view). */
export function toggleGroup(rt: AddonRuntime, tab: string, row: number, depth: number): void {
  rt.emulator.calls.uncounted(() => {
    const sheet = rt.emulator.spreadsheet.getSheetByName(tab);
    const group = sheet?.getRowGroup(row, depth);
    if (!group) throw new Error(`No row group at ${tab} row ${row}`);
    if (group.isCollapsed()) group.expand();
    else group.collapse();
  });
}
