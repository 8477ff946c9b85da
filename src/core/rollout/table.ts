/**
 * The `Rollout Plan` sheet's columns (SPEC §4.4), both ways: cells to write for a plan row,
 * and sheet rows read back for the merge.
 */
import { err, ok, type Result } from '../result';
import { toSheetsSerial } from './calendar';
import { cellText, type MergedPlanRow, type SheetPlanRow } from './merge';
import { PLAN_WEEKS } from './plan';

export const WEEK_HEADERS: readonly string[] = Array.from({ length: PLAN_WEEKS }, (_, i) => `W${i + 1}`);

export const ROLLOUT_HEADERS: readonly string[] = [
  'Phase',
  'Month',
  'Week(s)',
  'Start',
  'End',
  'Activity',
  'Level',
  'Unit',
  'Owner',
  'Deliverable',
  'Done',
  'Notes',
  ...WEEK_HEADERS,
];

/** Optional extra column the action may add (e.g. hidden) to match rows even if their text is edited. */
export const KEY_HEADER = 'Key';

export type PlanCell = string | number | boolean;

/**
 * One row of cells in ROLLOUT_HEADERS order. Start and End are Sheets serials: give those
 * columns a date number format and they show the same calendar day in every time zone.
 * W cells are blank: the action shades them from `activeWeeks`. Owner and Notes are the
 * user's text; write them so that a leading `=`, `+`, `-` or `@` stays text (SPEC §6.2).
 */
export function planRowCells(row: MergedPlanRow): PlanCell[] {
  return [
    row.phase,
    row.month,
    row.weeks,
    toSheetsSerial(row.start),
    toSheetsSerial(row.end),
    row.activity,
    row.level,
    row.unit,
    row.owner,
    row.deliverable,
    row.done,
    row.notes,
    ...WEEK_HEADERS.map(() => ''),
  ];
}

const FIELDS = {
  key: ['key'],
  activity: ['activity'],
  level: ['level'],
  unit: ['unit'],
  done: ['done'],
  owner: ['owner'],
  notes: ['notes'],
} as const;

type Field = keyof typeof FIELDS;

/**
 * The sheet's rows for mergeRolloutPlan, each with its whole row of values as `source`.
 * Columns are found by header (trimmed, case-insensitive) in the first row that has both an
 * Activity and a Unit header, so a title above the table or reordered columns do no harm.
 * Rows that are entirely blank are skipped.
 */
export function readPlanSheet(values: ReadonlyArray<readonly unknown[]>): Result<Array<SheetPlanRow<unknown[]>>> {
  if (values.length === 0) return ok([]);
  const headerAt = values.findIndex((row) => {
    const names = row.map((cell) => cellText(cell).trim().toLowerCase());
    return names.includes('activity') && names.includes('unit');
  });
  if (headerAt < 0) {
    return values.every(isBlankRow)
      ? ok([])
      : err(
          'The Rollout Plan sheet has no header row with Activity and Unit columns: restore them or delete the sheet',
        );
  }
  const names = (values[headerAt] ?? []).map((cell) => cellText(cell).trim().toLowerCase());
  const column = (field: Field) => names.findIndex((name) => (FIELDS[field] as readonly string[]).includes(name));
  const columns = Object.keys(FIELDS).map((field) => [field, column(field as Field)] as const);

  const rows: Array<SheetPlanRow<unknown[]>> = [];
  for (const cells of values.slice(headerAt + 1)) {
    if (isBlankRow(cells)) continue;
    const row: Record<string, unknown> = { source: [...cells] };
    for (const [field, at] of columns) if (at >= 0) row[field] = cells[at];
    rows.push(row as SheetPlanRow<unknown[]>);
  }
  return ok(rows);
}

function isBlankRow(row: readonly unknown[]): boolean {
  return row.every((cell) => cell === false || cellText(cell).trim() === '');
}
