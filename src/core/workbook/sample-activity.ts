/**
 * The sample company's weeks so far: a weekly check-in history for every measured
 * key result and KPI (values moving from the start to today's Current, the last one three
 * days before as-of, so the sample validates clean), and the weekly History snapshots
 * those values gave, so Trend and "score over time" have something to show on day one.
 * Pure and deterministic: the same as-of day gives the same rows.
 */
import { parseMetricType } from '../metric';
import { isBlank } from '../values';
import { HISTORY_SCHEMA, headerRow, type KPI_SCHEMA, mapHeaders, OKR_SCHEMA, TAB } from './schema';
import type { Grid } from './table';
import { readWorkbook, type WorkbookGrids } from './workbook';

type Cell = string | number;

/** A key result or KPI as it is checked in. */
export interface SampleItem {
  readonly id: string;
  readonly owner: string;
  /** As typed: a metric type or KPI direction ("" for blank). */
  readonly metricType: string;
  readonly start: Cell;
  readonly current: Cell;
  /** Confidence and comment of the latest check-in. */
  readonly confidence: number;
  readonly comment: string;
}

/** Weekly check-ins, at most this many: enough to see a trend. */
const INTERVAL = 7;
const MOST = 8;
/** The latest check-in, days before as-of. */
const LAST_CHECK_IN = 3;
const EARLIER_COMMENTS = ['First check-in: baseline confirmed with the team.', 'Progress as planned this fortnight.'];

/** The days of an item's check-ins, oldest first, within the cycle. */
function checkInDays(asOfDay: number, cycleStart: number): number[] {
  const last = Math.max(cycleStart, Math.floor(asOfDay) - LAST_CHECK_IN);
  const days: number[] = [];
  for (let k = MOST - 1; k >= 0; k--) {
    const day = last - k * INTERVAL;
    if (day >= cycleStart) days.push(day);
  }
  return days;
}

/** A value on its way from `start` to `current`, rounded as a person would report it. */
function between(start: number, current: number, share: number): number {
  const diff = current - start;
  if (diff === 0 || share >= 1) return current;
  const whole = Number.isInteger(start) && Number.isInteger(current);
  const step = Math.max(whole ? 1 : 0, 10 ** (Math.floor(Math.log10(Math.abs(diff))) - 1));
  const value = start + diff * share;
  return Number((Math.round(value / step) * step).toPrecision(12));
}

/** The value reported at check-in `j` of `n`: moving for increase/decrease/milestone, steady otherwise. */
function valueAt(item: SampleItem, j: number, n: number): Cell {
  const share = (j + 1) / n;
  const type = parseMetricType(item.metricType);
  const kind = type.ok ? type.value : null;
  if (kind === 'binary') return j === n - 1 ? item.current : 'not done';
  const current = typeof item.current === 'number' ? item.current : Number.NaN;
  if (!Number.isFinite(current)) return item.current;
  if (kind === 'milestone') return between(0, current, share);
  if (typeof item.start === 'number' && (kind === 'increase' || kind === 'decrease' || kind === null)) {
    return between(item.start, current, share);
  }
  return item.current;
}

/** Check-in rows (timestamp, ID, old value, new value, confidence, comment, user), oldest first. */
export function sampleCheckIns(items: readonly SampleItem[], asOfDay: number, cycleStart: number): Cell[][] {
  const days = checkInDays(asOfDay, cycleStart);
  const n = days.length;
  const rows: { day: number; order: number; cells: Cell[] }[] = [];
  items.forEach((item, order) => {
    let previous: Cell = typeof item.start === 'number' ? item.start : '';
    days.forEach((day, j) => {
      const value = valueAt(item, j, n);
      const last = j === n - 1;
      // Owners who are worried now were less so before.
      const confidence = last || item.confidence >= 6 ? item.confidence : item.confidence + 2;
      const comment = last ? item.comment : (EARLIER_COMMENTS[j] ?? 'Weekly check-in');
      // Noon, so a check-in never falls on the next or previous day in any zone.
      rows.push({ day, order, cells: [day + 0.5, item.id, previous, value, confidence, comment, item.owner] });
      previous = value;
    });
  });
  rows.sort((a, b) => a.day - b.day || a.order - b.order);
  return rows.map((r) => r.cells);
}

/** The value an item showed on `day`: its latest check-in by then, else the first one's old value. */
function valueOn(checkIns: readonly (readonly Cell[])[], id: string, day: number): Cell {
  let value: Cell | undefined;
  let first: Cell = '';
  for (const row of checkIns) {
    if (row[1] !== id) continue;
    if (value === undefined && first === '') first = row[2] ?? '';
    if (Math.floor(Number(row[0])) <= day) value = row[3] ?? '';
  }
  return value ?? first;
}

/** A copy of an OKR or KPI grid with each item's Current (Actual) as it was on `day`. */
function asOn(
  tab: string,
  grid: Grid,
  schema: typeof OKR_SCHEMA | typeof KPI_SCHEMA,
  column: 'current' | 'actual',
  checkIns: readonly (readonly Cell[])[],
  day: number,
): unknown[][] {
  const { index } = mapHeaders(tab, grid[0] ?? [], schema as typeof OKR_SCHEMA);
  const id = index.id as number;
  const at = (index as Record<string, number | undefined>)[column] as number;
  const checked = new Set(checkIns.map((r) => r[1]));
  return grid.map((row, r) => {
    const copy = [...row];
    const key = row[id];
    if (r > 0 && typeof key === 'string' && checked.has(key) && !isBlank(row[at]))
      copy[at] = valueOn(checkIns, key, day);
    return copy;
  });
}

/**
 * History as a weekly snapshot would have recorded it: one a week, the latest a week
 * before today (so the latest check-ins show as this week's trend), back to the cycle's
 * start, each scoring the workbook with that day's values.
 */
export function sampleHistory(grids: Required<WorkbookGrids>, asOfDay: number, cycleStart: number): Cell[][] {
  const checkIns = grids.checkIns.slice(1) as Cell[][];
  const rows: Cell[][] = [headerRow(HISTORY_SCHEMA)];
  const days: number[] = [];
  for (let day = Math.floor(asOfDay) - 7; day >= cycleStart; day -= 7) days.unshift(day);
  for (const day of days) {
    const then: WorkbookGrids = {
      ...grids,
      corporate: asOn(TAB.corporate, grids.corporate, OKR_SCHEMA, 'current', checkIns, day),
      department: asOn(TAB.department, grids.department, OKR_SCHEMA, 'current', checkIns, day),
      team: asOn(TAB.team, grids.team, OKR_SCHEMA, 'current', checkIns, day),
      history: [headerRow(HISTORY_SCHEMA)],
    };
    const workbook = readWorkbook(then, day);
    for (const { row, score, expected, status } of workbook.scores.rows) {
      if (row.key === '') continue;
      rows.push([
        day,
        row.level,
        row.id,
        row.title,
        score.ok && score.value !== null ? score.value : '',
        expected.ok ? expected.value : '',
        status.ok && status.value !== null ? status.value : '',
      ]);
    }
  }
  return rows;
}
