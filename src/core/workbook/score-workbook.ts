/**
 * Score, Expected and Status of every OKR row across the three tabs, computed from
 * the input cells as the live formulas of §1.2 compute them: menu actions (Build
 * roll-up, Record snapshot) use this and never read formula results back.
 *
 * The formulas this mirrors: Score = OKRSCORE on rows that are key results, then
 * OKRROLLUP over the three tabs stacked corporate → department → team (so "first row
 * with an ID" is first in that order); Expected = OKREXPECTED(row start date or cycle
 * start, row due date or cycle end, as-of); Status = OKRSTATUS(Score, Expected,
 * thresholds from Settings). Objectives never have an own score, even with a Target.
 */
import { expectedProgress } from '../expected';
import { err, ok, type Result } from '../result';
import { type Rollup, rollUp } from '../rollup';
import { type Status, statusOf } from '../status';
import type { OkrRow, OkrTabs } from './okr-rows';
import type { Settings } from './settings';

export interface RowScore {
  readonly row: OkrRow;
  /** In [0, 1] for measured key results; a roll-up mean otherwise; ok(null) for blank. */
  readonly score: Result<number | null>;
  readonly expected: Result<number>;
  readonly status: Result<Status | null>;
}

export interface WorkbookScores {
  /** One per OKR row, in the order of `OkrTabs.rows`. */
  readonly rows: readonly RowScore[];
  /** The roll-up over those rows, indices as in `rows` (tree, cycles, unknown parents). */
  readonly rollup: Rollup;
  /** Row results keyed by `rowKey(tab, row)`. */
  readonly byRow: ReadonlyMap<string, RowScore>;
}

export function rowKey(tab: string, row: number): string {
  return `${tab}!${row}`;
}

/** Expected of §2.4 for one row: its own dates, else the cycle's. */
export function rowExpected(row: OkrRow, settings: Settings, asOfDay: number): Result<number> {
  if (!row.startDate.ok) return row.startDate;
  if (!row.dueDate.ok) return row.dueDate;
  return expectedProgress(row.startDate.value ?? settings.cycleStart, row.dueDate.value ?? settings.cycleEnd, asOfDay);
}

function rowStatus(score: Result<number | null>, expected: Result<number>, settings: Settings): Result<Status | null> {
  if (!score.ok) return score;
  if (score.value === null) return ok(null);
  if (!expected.ok) return err(expected.error);
  return statusOf(score.value, expected.value, settings.thresholds);
}

/** `asOfDay` is today as a Sheets serial (a fraction is a time of day). */
export function scoreWorkbook(okr: OkrTabs, settings: Settings, asOfDay: number): WorkbookScores {
  const rollup = rollUp(
    okr.rows.map((row) => ({
      id: row.id,
      parentId: row.parentId,
      key: row.key,
      parentKey: row.parentKey,
      ownScore: row.ownScore,
      weight: row.weight,
    })),
  );
  // Most rows have no dates of their own: they share the cycle's Expected, computed once.
  let cycleExpected: Result<number> | undefined;
  const rows = okr.rows.map((row, i): RowScore => {
    const score = rollup.scores[i] ?? ok(null);
    const ownDates = !(
      row.startDate.ok &&
      row.startDate.value === null &&
      row.dueDate.ok &&
      row.dueDate.value === null
    );
    let expected: Result<number>;
    if (ownDates) expected = rowExpected(row, settings, asOfDay);
    else {
      cycleExpected ??= rowExpected(row, settings, asOfDay);
      expected = cycleExpected;
    }
    return { row, score, expected, status: rowStatus(score, expected, settings) };
  });
  // Built on first use: only the sidebar and Start next cycle look rows up by tab and row.
  let byRow: Map<string, RowScore> | undefined;
  return {
    rows,
    rollup,
    get byRow() {
      if (byRow === undefined) {
        byRow = new Map();
        for (const result of rows) byRow.set(rowKey(result.row.tab, result.row.row), result);
      }
      return byRow;
    },
  };
}

/** A result as a cell shows it: the number or text, "" for blank, the message for an error. */
export function cellValue(result: Result<number | string | null>): number | string {
  if (!result.ok) return result.error;
  return result.value ?? '';
}
