import { err, ok, type Result } from './result';
import { quote, readNumber } from './values';

/**
 * §2.3 roll-up over a forest of rows linked by Parent ID. Iterative and linear:
 * nodes are scored leaves-first in Kahn order, so a 100,000-deep chain is as
 * cheap as a flat list and never touches the call stack.
 */

/** One input row, in sheet order. */
export interface RollupRow {
  /** The ID cell; matched trimmed and case-insensitive. A blank ID skips the row. */
  readonly id: unknown;
  /** The Parent ID cell; blank, or naming no row, makes this node a root. */
  readonly parentId: unknown;
  /** ok(number): measured score, used as given; ok(null): scored by its children; err: shown as is. */
  readonly ownScore: Result<number | null>;
  /** Contribution to the parent's mean (see readWeight); defaults to 1. */
  readonly weight?: Result<number>;
  /** normalizeId(id) and normalizeId(parentId), when the caller has them already. */
  readonly key?: string;
  readonly parentKey?: string;
}

export interface Rollup {
  /** Per input row: the score, ok(null) for blank (no score, or a skipped row), or the row's error. */
  readonly scores: readonly Result<number | null>[];
  /** Normalized ID → index of the row that is that node (the first row with the ID). */
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** Per row: index of its parent node; −1 for roots and for rows that are not nodes. */
  readonly parentIndex: readonly number[];
  /** Per row: true when its Parent ID is filled but names no row (a validation finding, §4.3). */
  readonly unknownParent: readonly boolean[];
  /** Each cycle of Parent IDs as row indices in parent order, starting at its smallest ID. */
  readonly cycles: readonly (readonly number[])[];
}

/** The key IDs are compared by: trimmed, lower case; "" for blank. */
export function normalizeId(value: unknown): string {
  if (typeof value === 'string') return value.trim().toLowerCase();
  if (value === null || value === undefined) return '';
  try {
    return String(value).trim().toLowerCase();
  } catch {
    return '';
  }
}

function displayId(value: unknown): string {
  try {
    return String(value).trim();
  } catch {
    return '?';
  }
}

/** A weight cell: blank means 1; it must be a number ≥ 0. */
export function readWeight(value: unknown): Result<number> {
  const read = readNumber(value, 'weight');
  if (!read.ok) return read;
  if (read.value === null) return ok(1);
  return read.value >= 0 ? ok(read.value) : err(`weight must be 0 or more (not ${read.value})`);
}

/** A score cell given to the roll-up: a number, blank, or text (an upstream error) that is this row's error. */
export function readOwnScore(value: unknown): Result<number | null> {
  return readNumber(value, 'score');
}

const SHOWN_CYCLE_IDS = 6;

function cycleMessage(ids: readonly string[]): string {
  const shown = ids.length > SHOWN_CYCLE_IDS ? [...ids.slice(0, SHOWN_CYCLE_IDS), '…'] : ids;
  const count = ids.length > SHOWN_CYCLE_IDS ? ` (${ids.length} IDs)` : '';
  return `cycle of Parent IDs: ${[...shown, ids[0]].join(' → ')}${count}`;
}

const ONE: Result<number> = ok(1);
const BLANK: Result<null> = ok(null);

/**
 * Scores every row (§2.3): a node's own score when it has one, else the
 * weighted mean of its scored children; duplicates, cycles, bad weights and
 * error scores are errors on their rows and count for nothing upstream.
 */
export function rollUp(rows: readonly RollupRow[]): Rollup {
  const n = rows.length;
  const scores: (Result<number | null> | undefined)[] = new Array(n);
  const nodeIndex = new Map<string, number>();
  const isNode = new Uint8Array(n);

  for (let i = 0; i < n; i++) {
    const key = rows[i]?.key ?? normalizeId(rows[i]?.id);
    if (key === '') {
      scores[i] = BLANK;
    } else if (nodeIndex.has(key)) {
      scores[i] = err(`duplicate ID ${quote(displayId(rows[i]?.id))}: an earlier row has the same ID`);
    } else {
      nodeIndex.set(key, i);
      isNode[i] = 1;
    }
  }

  const parentIndex: number[] = new Array(n).fill(-1);
  const unknownParent: boolean[] = new Array(n).fill(false);
  const pendingChildren = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (!isNode[i]) continue;
    const key = rows[i]?.parentKey ?? normalizeId(rows[i]?.parentId);
    if (key === '') continue;
    const parent = nodeIndex.get(key);
    if (parent === undefined) {
      unknownParent[i] = true;
    } else {
      parentIndex[i] = parent;
      pendingChildren[parent] = (pendingChildren[parent] ?? 0) + 1;
    }
  }

  // Kahn order from the leaves: a node is scored once all its children are.
  const sumW = new Float64Array(n);
  const sumWS = new Float64Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (isNode[i] && pendingChildren[i] === 0) queue[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const i = queue[head] ?? 0;
    const row = rows[i] as RollupRow;
    const weight = row.weight ?? ONE;
    const score = nodeScore(row.ownScore, weight, sumW[i] ?? 0, sumWS[i] ?? 0);
    scores[i] = score;
    const parent = parentIndex[i] ?? -1;
    if (parent < 0) continue;
    // A child in error or without a score, or of weight 0, adds nothing to its parent's mean.
    if (score.ok && score.value !== null && weight.ok && weight.value > 0) {
      sumW[parent] = (sumW[parent] ?? 0) + weight.value;
      sumWS[parent] = (sumWS[parent] ?? 0) + weight.value * score.value;
    }
    const left = (pendingChildren[parent] ?? 0) - 1;
    pendingChildren[parent] = left;
    if (left === 0) queue[tail++] = parent;
  }

  // Nodes Kahn never reached wait on a child that waits too: with one parent per
  // node, that only happens on a cycle, and every such node lies on one.
  const cycles: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (scores[i] !== undefined) continue;
    const walk: number[] = [];
    for (let j = i; scores[j] === undefined; j = parentIndex[j] ?? i) {
      scores[j] = BLANK; // marks j as visited; replaced below
      walk.push(j);
    }
    const cycle = rotateToSmallestId(walk, rows);
    const message = err(cycleMessage(cycle.map((j) => displayId(rows[j]?.id))));
    for (const j of cycle) scores[j] = message;
    cycles.push(cycle);
  }

  return { scores: scores as Result<number | null>[], nodeIndex, parentIndex, unknownParent, cycles };
}

/**
 * Starts a cycle at its alphabetically first ID, so that its message does not
 * depend on the order of the rows.
 */
function rotateToSmallestId(cycle: readonly number[], rows: readonly RollupRow[]): number[] {
  let best = 0;
  let bestKey = normalizeId(rows[cycle[0] ?? 0]?.id);
  for (let k = 1; k < cycle.length; k++) {
    const key = normalizeId(rows[cycle[k] ?? 0]?.id);
    if (key < bestKey) [best, bestKey] = [k, key];
  }
  return cycle.slice(best).concat(cycle.slice(0, best));
}

function nodeScore(
  ownScore: Result<number | null>,
  weight: Result<number>,
  sumW: number,
  sumWS: number,
): Result<number | null> {
  if (!weight.ok) return weight;
  if (!ownScore.ok || ownScore.value !== null) return ownScore;
  if (sumW <= 0) return BLANK;
  const mean = sumWS / sumW;
  return Number.isFinite(mean) ? ok(mean) : err('weights and scores are too large to compute a mean');
}

/**
 * One ID's result, as OKRROLLUP's lookup_ids: ok(null) for a blank ID, an
 * error for an ID that names no row.
 */
export function lookUp(rollup: Rollup, id: unknown): Result<number | null> {
  const key = normalizeId(id);
  if (key === '') return BLANK;
  const index = rollup.nodeIndex.get(key);
  return index === undefined ? err(`unknown ID ${quote(displayId(id))}`) : (rollup.scores[index] ?? BLANK);
}
