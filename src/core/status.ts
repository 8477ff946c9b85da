import { err, ok, type Result } from './result';
import { readNumber } from './values';

/** §2.5 labels, best first. */
export type Status = 'Done' | 'On track' | 'Behind' | 'At risk';
export const STATUSES: readonly Status[] = ['Done', 'On track', 'Behind', 'At risk'];

/** §2.5 colours, for conditional formats and the sidebar. */
export const STATUS_COLOURS: Readonly<Record<Status, string>> = {
  Done: 'blue',
  'On track': 'green',
  Behind: 'amber',
  'At risk': 'red',
};

export interface Thresholds {
  /** r at or above this is On track. */
  readonly onTrack: number;
  /** r at or above this (and below onTrack) is Behind. */
  readonly behind: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { onTrack: 0.7, behind: 0.4 };

// Ratios such as 0.28 / 0.4 land a hair under 0.7 in binary floating point;
// a ratio exactly on a threshold must grade as the user computes it by hand.
const EPSILON = 1e-9;

/**
 * Thresholds are shares of the expected pace, so both lie in [0, 1] and
 * behind ≤ on-track (equal thresholds simply leave no Behind band).
 */
export function checkThresholds(onTrack: number, behind: number): Result<Thresholds> {
  if (!Number.isFinite(onTrack) || onTrack < 0 || onTrack > 1) {
    return err(`on-track threshold must be between 0 and 1 (not ${onTrack})`);
  }
  if (!Number.isFinite(behind) || behind < 0 || behind > 1) {
    return err(`behind threshold must be between 0 and 1 (not ${behind})`);
  }
  if (behind > onTrack) {
    return err(`behind threshold (${behind}) must not be above the on-track threshold (${onTrack})`);
  }
  return ok({ onTrack, behind });
}

/**
 * The status of §2.5. ok(null) for blank progress. `expected` defaults to 1
 * (graded as at the end of the cycle) and must lie in [0, 1].
 */
export function statusOf(
  progress: number | null,
  expected = 1,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): Result<Status | null> {
  if (progress === null) return ok(null);
  if (!Number.isFinite(progress)) return err(`progress is not a finite number: ${progress}`);
  if (!Number.isFinite(expected) || expected < 0 || expected > 1) {
    return err(`expected must be between 0 and 1 (not ${expected})`);
  }
  const { onTrack, behind } = thresholds;
  // Checked without allocating on the common, valid path (every row of a workbook grades here).
  if (!(onTrack >= 0 && onTrack <= 1 && behind >= 0 && behind <= onTrack)) {
    const checked = checkThresholds(onTrack, behind);
    if (!checked.ok) return checked;
  }
  if (progress >= 1 - EPSILON) return GRADED.Done;
  if (expected === 0) return GRADED['On track'];
  const r = progress / expected;
  if (r >= thresholds.onTrack - EPSILON) return GRADED['On track'];
  if (r >= thresholds.behind - EPSILON) return GRADED.Behind;
  return GRADED['At risk'];
}

/** One frozen result per status, shared: 50,000 rows need no 50,000 new objects. */
const GRADED: Readonly<Record<Status, Result<Status | null>>> = Object.freeze({
  Done: Object.freeze(ok<Status | null>('Done')),
  'On track': Object.freeze(ok<Status | null>('On track')),
  Behind: Object.freeze(ok<Status | null>('Behind')),
  'At risk': Object.freeze(ok<Status | null>('At risk')),
});

/** A number cell that defaults when blank. */
function readOr(value: unknown, what: string, fallback: number): Result<number> {
  const read = readNumber(value, what);
  if (!read.ok) return read;
  return ok(read.value ?? fallback);
}

/**
 * Status from cells (OKRSTATUS). Blank progress is blank before anything else
 * is checked: a row with nothing measured has nothing to grade.
 */
export function statusFromCells(
  progress: unknown,
  expected: unknown,
  onTrack: unknown,
  behind: unknown,
): Result<Status | null> {
  const p = readNumber(progress, 'progress');
  if (!p.ok) return p;
  if (p.value === null) return ok(null);
  const e = readOr(expected, 'expected', 1);
  if (!e.ok) return e;
  const on = readOr(onTrack, 'on-track threshold', DEFAULT_THRESHOLDS.onTrack);
  if (!on.ok) return on;
  const be = readOr(behind, 'behind threshold', DEFAULT_THRESHOLDS.behind);
  if (!be.ok) return be;
  return statusOf(p.value, e.value, { onTrack: on.value, behind: be.value });
}
