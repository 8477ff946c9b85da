/**
 * What is on the `Rollout Plan` sheet before a regeneration, ready for core's merge. Pure.
 *
 * Owner and Notes are taken as the user sees them (display values): that is what they typed,
 * and writing that text back is what retyping it would do. Everything else of a row is kept
 * raw (values, and formulas where there are any) so a row the user added, and the user's own
 * columns, can be written back as they were.
 */
import type { SheetPlanRow } from '../../core/rollout/merge';
import { KEY_HEADER, ROLLOUT_HEADERS } from '../../core/rollout/table';

/** One non-blank row under the header, 0-based index into the grids. */
export interface ExistingRow {
  readonly index: number;
}

export interface ExistingPlan {
  readonly rows: ReadonlyArray<SheetPlanRow<ExistingRow>>;
  /** Lower-cased header → 0-based column on the old sheet. */
  readonly columnOf: ReadonlyMap<string, number>;
  /** Columns with a header that is not the plan's: the user's own, carried along. */
  readonly userColumns: ReadonlyArray<{ readonly header: string; readonly index: number }>;
  readonly values: readonly unknown[][];
  readonly formulas: readonly string[][];
}

export type ExistingPlanResult = { ok: true; plan: ExistingPlan } | { ok: false; error: string };

const PLAN_HEADERS = new Set([...ROLLOUT_HEADERS, KEY_HEADER].map((h) => h.toLowerCase()));
const headerText = (cell: unknown) => (typeof cell === 'string' ? cell.trim().toLowerCase() : '');

export function readExistingPlan(
  values: readonly unknown[][],
  display: readonly string[][],
  formulas: readonly string[][],
): ExistingPlanResult {
  const headerAt = values.findIndex((row) => {
    const names = row.map(headerText);
    return names.includes('activity') && names.includes('unit');
  });
  if (headerAt < 0) {
    if (values.every(isBlankRow)) {
      return { ok: true, plan: { rows: [], columnOf: new Map(), userColumns: [], values, formulas } };
    }
    return {
      ok: false,
      error:
        'The Rollout Plan sheet has no header row with Activity and Unit columns, so what you typed in it cannot be matched to the plan. Restore the headers, or delete the sheet to start a fresh plan.',
    };
  }
  const header = values[headerAt] ?? [];
  const columnOf = new Map<string, number>();
  const userColumns: Array<{ header: string; index: number }> = [];
  header.forEach((cell, index) => {
    const name = headerText(cell);
    if (name === '' || columnOf.has(name)) return;
    columnOf.set(name, index);
    if (!PLAN_HEADERS.has(name)) userColumns.push({ header: String(cell).trim(), index });
  });

  const at = (name: string) => columnOf.get(name);
  const rows: Array<SheetPlanRow<ExistingRow>> = [];
  for (let index = headerAt + 1; index < values.length; index++) {
    const cells = values[index] ?? [];
    if (isBlankRow(cells) && (formulas[index] ?? []).every((f) => f === '')) continue;
    const raw = (name: string) => {
      const column = at(name);
      return column === undefined ? undefined : cells[column];
    };
    const shown = (name: string) => {
      const column = at(name);
      return column === undefined ? undefined : display[index]?.[column];
    };
    rows.push({
      key: raw('key'),
      activity: raw('activity'),
      level: raw('level'),
      unit: shown('unit'),
      done: raw('done'),
      owner: shown('owner'),
      notes: shown('notes'),
      source: { index },
    });
  }
  return { ok: true, plan: { rows, columnOf, userColumns, values, formulas } };
}

function isBlankRow(row: readonly unknown[]): boolean {
  return row.every(
    (cell) => cell === false || cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === ''),
  );
}
