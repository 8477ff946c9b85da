/**
 * §4.7 "the rollout-plan activities due next", read from the `Rollout Plan` sheet (§4.4):
 * what runs in the coming week, then what is overdue (ended, not done). Columns are found
 * by header, as the plan's own regeneration finds them. Pure.
 */
import { readDate, readDone } from '../values';
import { text } from '../workbook/table';

export interface DueActivity {
  readonly activity: string;
  readonly unit: string;
  readonly owner: string;
  /** Sheets serials. */
  readonly start: number;
  readonly end: number;
  readonly overdue: boolean;
}

/** How far ahead "next" looks: the week until the following run. */
export const LOOK_AHEAD_DAYS = 7;

const headerName = (cell: unknown) => (typeof cell === 'string' ? cell.trim().toLowerCase() : '');

function serial(value: unknown): number | null {
  const read = readDate(value);
  return read.ok ? read.value : null;
}

/**
 * Activities not done that run at some point from `today` to `today + LOOK_AHEAD_DAYS` (by
 * start), then those that ended before `today` (overdue, the latest end first). `grid` is the sheet's values
 * with dates as serials; an unreadable sheet has no activities.
 */
export function dueActivities(grid: readonly (readonly unknown[])[] | undefined, today: number): DueActivity[] {
  if (grid === undefined) return [];
  const headerAt = grid.findIndex((row) => {
    const names = row.map(headerName);
    return names.includes('activity') && names.includes('unit');
  });
  if (headerAt < 0) return [];
  const columns = new Map<string, number>();
  (grid[headerAt] ?? []).forEach((cell, i) => {
    const name = headerName(cell);
    if (name !== '' && !columns.has(name)) columns.set(name, i);
  });
  const cell = (row: readonly unknown[], name: string): unknown => {
    const at = columns.get(name);
    return at === undefined ? '' : row[at];
  };
  const due: DueActivity[] = [];
  for (const row of grid.slice(headerAt + 1)) {
    const activity = text(cell(row, 'activity'));
    const start = serial(cell(row, 'start'));
    const end = serial(cell(row, 'end'));
    const done = readDone(cell(row, 'done'));
    if (activity === '' || start === null || end === null || (done.ok && done.value)) continue;
    const overdue = Math.floor(end) < today;
    if (!overdue && Math.floor(start) > today + LOOK_AHEAD_DAYS) continue;
    due.push({ activity, unit: text(cell(row, 'unit')), owner: text(cell(row, 'owner')), start, end, overdue });
  }
  const upcoming = due.filter((a) => !a.overdue).sort((a, b) => a.start - b.start || a.end - b.end);
  // Overdue, the most recently slipped first: older ones were in earlier digests already.
  const overdue = due.filter((a) => a.overdue).sort((a, b) => b.end - a.end || a.start - b.start);
  return [...upcoming, ...overdue];
}
