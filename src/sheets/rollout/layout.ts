/**
 * The `Rollout Plan` sheet as grids, one per batched write (SPEC §4.4, §6.1). Pure: the
 * writer (../rollout-sheet.ts) only pads them to the region it rewrites and sends each in one
 * call, so the number of service calls never depends on the number of units.
 *
 * Layout: row 1 a title, row 2 a legend and each plan week's start date above its W column
 * (the conditional formats compare TODAY() with these), row 3 the headers, rows 4… the plan.
 * After W12 comes a hidden Key column (core's `activityId:unit`), so a row is still recognised
 * when its Activity text was edited; after that, any columns the user added, in their order.
 */

import { fitCellText } from '../../core/cell-text';
import { type CalendarDate, formatLongDate, fridayOf, toSheetsSerial } from '../../core/rollout/calendar';
import type { CustomPlanRow, MergedPlanRow, RolloutMerge } from '../../core/rollout/merge';
import { PLAN_WEEKS, planWeekStart } from '../../core/rollout/plan';
import { KEY_HEADER, planRowCells, ROLLOUT_HEADERS } from '../../core/rollout/table';
import { unitKey } from '../../core/rollout/units';
import { asText } from '../io';
import type { ExistingPlan, ExistingRow } from './existing';

export const TITLE_ROW = 1;
export const WEEK_ROW = 2;
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;

/** 1-based columns, from the header list so that they cannot drift from it. */
const columnOf = (header: string) => ROLLOUT_HEADERS.indexOf(header) + 1;
export const COLUMN = {
  start: columnOf('Start'),
  end: columnOf('End'),
  activity: columnOf('Activity'),
  unit: columnOf('Unit'),
  owner: columnOf('Owner'),
  deliverable: columnOf('Deliverable'),
  done: columnOf('Done'),
  notes: columnOf('Notes'),
  firstWeek: columnOf('W1'),
  lastWeek: columnOf(`W${PLAN_WEEKS}`),
  key: ROLLOUT_HEADERS.length + 1,
} as const;

export const COLOR = {
  header: '#434343',
  headerText: '#ffffff',
  active: '#9fc5e8',
  keyText: '#999999',
  month: { 1: '#e8f0fe', 2: '#e6f4ea', 3: '#fef7e0' } as Record<number, string>,
} as const;

export type Cell = unknown;

export interface PlanLayout {
  /** Columns written: the plan's, the Key, then the user's own. */
  readonly width: number;
  /** Plan rows, custom rows included. */
  readonly dataRows: number;
  readonly values: Cell[][];
  readonly backgrounds: Array<Array<string | null>>;
  readonly fontColors: Array<Array<string | null>>;
  readonly fontWeights: Array<Array<'bold' | 'normal'>>;
  readonly wraps: boolean[][];
  /** Per data row: give its Done cell a checkbox. */
  readonly checkboxes: boolean[];
}

export function planLayout(
  start: CalendarDate,
  merge: RolloutMerge<ExistingRow>,
  existing: ExistingPlan | undefined,
  toSerial: (value: unknown) => number | undefined,
): PlanLayout {
  const userColumns = existing?.userColumns ?? [];
  const width = COLUMN.key + userColumns.length;
  const weekStarts = Array.from({ length: PLAN_WEEKS }, (_, i) => toSheetsSerial(planWeekStart(start, i + 1)));
  const end = fridayOf(planWeekStart(start, PLAN_WEEKS));
  const blank = () => Array<Cell>(width).fill('');

  const title = blank();
  title[0] = `OKR rollout plan: ${formatLongDate(start)} to ${formatLongDate(end)}`;
  const weekRow = blank();
  weekRow[0] = 'Shaded: weeks a row runs. Highlighted: this week. Red: past its end and not done. Grey: done.';
  weekRow[COLUMN.notes - 1] = 'Week starting';
  weekStarts.forEach((serial, i) => {
    weekRow[COLUMN.firstWeek - 1 + i] = serial;
  });
  const header = [...ROLLOUT_HEADERS, KEY_HEADER, ...userColumns.map((c) => c.header)];

  const sourceOf = matchedSources(existing);
  const data = merge.rows.map((row) =>
    row.kind === 'plan' ? planRowOut(row, sourceOf(row), existing) : customRowOut(row, existing, weekStarts, toSerial),
  );

  const values = [title, weekRow, header, ...data.map((d) => d.cells)];
  const backgrounds = values.map((_, r) =>
    Array.from({ length: width }, (_, c): string | null => {
      if (r + 1 === HEADER_ROW) return COLOR.header;
      const d = data[r + 1 - FIRST_DATA_ROW];
      if (d === undefined) return null;
      const week = c + 1 - COLUMN.firstWeek;
      if (week >= 0 && week < PLAN_WEEKS) return d.activeWeeks[week] ? COLOR.active : null;
      return c < 3 && d.month !== undefined ? (COLOR.month[d.month] ?? null) : null;
    }),
  );
  const fontColors = values.map((_, r) =>
    Array.from({ length: width }, (_, c): string | null => {
      if (r + 1 === HEADER_ROW) return COLOR.headerText;
      return r + 1 >= FIRST_DATA_ROW && c + 1 === COLUMN.key ? COLOR.keyText : null;
    }),
  );
  const fontWeights = values.map((_, r) =>
    Array<'bold' | 'normal'>(width).fill(r + 1 === TITLE_ROW || r + 1 === HEADER_ROW ? 'bold' : 'normal'),
  );
  const wrapped = new Set<number>([COLUMN.activity, COLUMN.deliverable, COLUMN.notes]);
  const wraps = values.map((_, r) =>
    Array.from({ length: width }, (_, c) => r + 1 >= FIRST_DATA_ROW && wrapped.has(c + 1)),
  );
  return {
    width,
    dataRows: data.length,
    // Names and notes copied from the workbook may be near a cell's limit (§6.3); formulas are kept whole.
    values: values.map((line) => line.map((v) => (typeof v === 'string' && !v.startsWith('=') ? fitCellText(v) : v))),
    backgrounds,
    fontColors,
    fontWeights,
    wraps,
    checkboxes: data.map((d) => d.checkbox),
  };
}

interface RowOut {
  readonly cells: Cell[];
  readonly activeWeeks: readonly boolean[];
  readonly month?: number;
  readonly checkbox: boolean;
}

function planRowOut(row: MergedPlanRow, source: ExistingRow | undefined, existing: ExistingPlan | undefined): RowOut {
  const cells: Cell[] = planRowCells(row);
  // Unit names and owners come from the user's OKR tabs or typing: text, never a formula (§6.2).
  for (const column of [COLUMN.unit, COLUMN.owner, COLUMN.notes]) cells[column - 1] = asText(cells[column - 1]);
  cells.push(row.key);
  for (const column of existing?.userColumns ?? []) {
    cells.push(source === undefined || existing === undefined ? '' : oldCell(existing, source.index, column.index));
  }
  return { cells, activeWeeks: row.activeWeeks, month: row.month, checkbox: true };
}

/** A row the user added: written back as it was, under the same headers. */
function customRowOut(
  row: CustomPlanRow<ExistingRow>,
  existing: ExistingPlan | undefined,
  weekStarts: readonly number[],
  toSerial: (value: unknown) => number | undefined,
): RowOut {
  const index = row.row.source?.index;
  const cell = (header: string): Cell => {
    const column = existing?.columnOf.get(header.toLowerCase());
    return existing === undefined || index === undefined || column === undefined
      ? ''
      : oldCell(existing, index, column);
  };
  const cells = [...ROLLOUT_HEADERS, KEY_HEADER].map(cell);
  const done = cells[COLUMN.done - 1];
  const checkbox = done === '' || typeof done === 'boolean';
  if (done === '') cells[COLUMN.done - 1] = false;
  for (const column of existing?.userColumns ?? []) cells.push(cell(column.header));

  // Shade the weeks its own Start and End span, as a plan row's are.
  const from = toSerial(cells[COLUMN.start - 1]);
  const to = toSerial(cells[COLUMN.end - 1]);
  const activeWeeks = weekStarts.map((week) => from !== undefined && to !== undefined && from < week + 7 && to >= week);
  return { cells, activeWeeks, checkbox };
}

function oldCell(existing: ExistingPlan, row: number, column: number): Cell {
  const formula = existing.formulas[row]?.[column] ?? '';
  if (formula !== '') return formula;
  return asText(existing.values[row]?.[column] ?? '');
}

/** The old sheet row a plan row came from, for carrying the user's own columns: by Key, else by text. */
function matchedSources(existing: ExistingPlan | undefined): (row: MergedPlanRow) => ExistingRow | undefined {
  if (existing === undefined) return () => undefined;
  const byKey = new Map<string, ExistingRow>();
  const byText = new Map<string, ExistingRow>();
  for (const row of existing.rows) {
    if (row.source === undefined) continue;
    const key = typeof row.key === 'string' ? row.key.trim().toLowerCase() : '';
    if (key !== '' && !byKey.has(key)) byKey.set(key, row.source);
    const text = textKey(row.activity, row.unit);
    if (!byText.has(text)) byText.set(text, row.source);
  }
  return (row) => (row.existed ? (byKey.get(row.key) ?? byText.get(textKey(row.activity, row.unit))) : undefined);
}

const textKey = (activity: unknown, unit: unknown) =>
  `${String(activity ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()}\n${unitKey(String(unit ?? ''))}`;
