/**
 * §4.2 the Roll-up report as data: rows in tree order with their depth, a trend
 * against the previous History snapshot, the summary per level and per unit, and
 * the Unaligned section. The tree walk is iterative: a 100,000-deep chain must not
 * overflow the stack.
 */
import { daysElapsed } from '../expected';
import type { Result } from '../result';
import { STATUSES, type Status } from '../status';
import { formatPoints } from '../units';
import { isBlank } from '../values';
import type { Snapshot } from './logs';
import type { OkrKind, OkrRow } from './okr-rows';
import { LEVELS, type Level } from './schema';
import type { RowScore } from './score-workbook';
import { type CheckInGap, overdueCheckIn } from './stale';
import type { Workbook } from './workbook';

export type TrendSymbol = '▲' | '▼' | '=';

export interface Trend {
  readonly symbol: TrendSymbol;
  /** score − previous score. */
  readonly delta: number;
  readonly previous: number;
  /** The previous snapshot's day (Sheets serial). */
  readonly since: number;
  /** As the report shows it, in percentage points: `▲ +12 pts`, `▼ −5 pts`, `=`. */
  readonly text: string;
}

export interface ReportRow {
  /** Index into `Workbook.okr.rows` / `scores.rows`. */
  readonly index: number;
  /** 0 for a corporate objective (or an unaligned root); +1 per step down the tree. */
  readonly depth: number;
  readonly tab: string;
  /** 1-based sheet row on its tab, for links. */
  readonly row: number;
  readonly level: Level;
  readonly kind: OkrKind;
  readonly id: string;
  readonly parentId: string;
  readonly title: string;
  readonly unit: string;
  readonly owner: string;
  /** The row's own values as typed, shown in its Unit of measure (§1.2). */
  readonly current: unknown;
  readonly target: unknown;
  readonly uom: string;
  /** A key result measured by a metric of its own (checked in), not scored by roll-up. */
  readonly measured: boolean;
  /** A measured key result whose Current is a formula: it is never checked in, so never overdue. */
  readonly byFormula: boolean;
  /** A measured key result whose Current is still blank. */
  readonly notStarted: boolean;
  /** The owner's Confidence (0–10); null when blank or not a number. */
  readonly confidence: number | null;
  /** The latest check-in in the log (a Sheets serial), null when none. */
  readonly lastCheckIn: number | null;
  /** Calendar days since `lastCheckIn`. */
  readonly daysSinceCheckIn: number | null;
  /** A measured key result not yet done, nor measured by formula, whose check-in is overdue (stale.ts); null otherwise. */
  readonly overdueCheckIn: CheckInGap | null;
  readonly score: Result<number | null>;
  readonly expected: Result<number>;
  /** score − expected: below 0 the row is behind the pace of the cycle; null without both. */
  readonly gap: number | null;
  readonly status: Result<Status | null>;
  /** null without a previous snapshot of this ID or without a score on either side. */
  readonly trend: Trend | null;
}

export interface Tally {
  readonly count: number;
  /** Rows with a numeric score, and their mean (null when none). */
  readonly scored: number;
  readonly averageScore: number | null;
  readonly byStatus: Readonly<Record<Status, number>>;
  /** Rows whose score or status is an error. */
  readonly errors: number;
}

export interface SummaryLine {
  readonly level: Level;
  /** The unit, "" for rows without one; null on a per-level line. */
  readonly unit: string | null;
  readonly objectives: Tally;
  readonly keyResults: Tally;
}

export interface RollupReport {
  /** The aligned tree: corporate objectives in sheet order, each followed by its subtree. */
  readonly rows: readonly ReportRow[];
  /**
   * Everything not under a corporate objective: rows whose Parent ID is blank (below
   * corporate objectives) or names no row, each with its subtree; then rows on a cycle;
   * then rows that are no node (a duplicate or a blank ID), so that every row appears once.
   */
  readonly unaligned: readonly ReportRow[];
  readonly byLevel: readonly SummaryLine[];
  readonly byUnit: readonly SummaryLine[];
  /** The day of the snapshot trends compare with; null without History before today. */
  readonly previousSnapshot: number | null;
}

const SAME = 1e-9;

function formatDelta(delta: number): string {
  return `${delta > 0 ? '▲' : '▼'} ${formatPoints(delta)}`;
}

/** The latest check-in of every ID in the log (normalized key → serial). */
export function latestCheckIns(checkIns: Workbook['checkIns']): Map<string, number> {
  const latest = new Map<string, number>();
  for (const c of checkIns) if (c.at > (latest.get(c.key) ?? Number.NEGATIVE_INFINITY)) latest.set(c.key, c.at);
  return latest;
}

/**
 * The previous snapshot is the latest one taken before today: a snapshot recorded
 * earlier today would otherwise show every row as unchanged.
 */
function previousScores(
  history: readonly Snapshot[],
  asOfDay: number,
): { day: number | null; scores: Map<string, number | null> } {
  let day: number | null = null;
  for (const s of history) {
    if (daysElapsed(s.date, asOfDay) >= 1 && (day === null || Math.round(s.date) > day)) day = Math.round(s.date);
  }
  const scores = new Map<string, number | null>();
  if (day === null) return { day, scores };
  for (const s of history) if (Math.round(s.date) === day && !scores.has(s.key)) scores.set(s.key, s.score);
  return { day, scores };
}

function trendOf(
  score: Result<number | null>,
  previous: number | null | undefined,
  since: number | null,
): Trend | null {
  if (!score.ok || score.value === null || previous === null || previous === undefined || since === null) return null;
  const delta = score.value - previous;
  if (Math.abs(delta) < SAME) return { symbol: '=', delta: 0, previous, since, text: '=' };
  return { symbol: delta > 0 ? '▲' : '▼', delta, previous, since, text: formatDelta(delta) };
}

/** What a stack entry emits: a node and its subtree, the node alone, or only its children's subtrees. */
const FULL = 0;
const SELF = 1;
const CHILDREN = 2;

/**
 * Walks the forest from `starts`, emitting each node once, objectives' key results before aligned
 * objectives. The stack is three parallel arrays, not an array per entry: 50,000 rows push
 * 100,000 entries.
 */
function walk(
  starts: readonly number[],
  rows: readonly OkrRow[],
  children: readonly (readonly number[])[],
  visited: Uint8Array,
  emit: (index: number, depth: number) => void,
): void {
  const nodes: number[] = [];
  const depths: number[] = [];
  const modes: number[] = [];
  const push = (i: number, depth: number, mode: number) => {
    nodes.push(i);
    depths.push(depth);
    modes.push(mode);
  };
  for (let s = starts.length - 1; s >= 0; s--) push(starts[s] as number, 0, FULL);
  while (nodes.length > 0) {
    const i = nodes.pop() as number;
    const depth = depths.pop() as number;
    const mode = modes.pop() as number;
    const kids = children[i] ?? [];
    if (mode === CHILDREN) {
      for (let k = kids.length - 1; k >= 0; k--) push(kids[k] as number, depth, FULL);
      continue;
    }
    if (visited[i]) continue;
    visited[i] = 1;
    emit(i, depth);
    if (mode === SELF) continue;
    if (rows[i]?.kind !== 'Objective') {
      for (let k = kids.length - 1; k >= 0; k--) push(kids[k] as number, depth + 1, FULL);
      continue;
    }
    // Pushed in reverse: key results, then what aligns to each of them, then objectives aligned directly.
    for (let k = kids.length - 1; k >= 0; k--) {
      const kid = kids[k] as number;
      if (rows[kid]?.kind !== 'Key Result') push(kid, depth + 1, FULL);
    }
    for (let k = kids.length - 1; k >= 0; k--) {
      const kid = kids[k] as number;
      if (rows[kid]?.kind === 'Key Result') push(kid, depth + 2, CHILDREN);
    }
    for (let k = kids.length - 1; k >= 0; k--) {
      const kid = kids[k] as number;
      if (rows[kid]?.kind === 'Key Result') push(kid, depth + 1, SELF);
    }
  }
}

function emptyTally(): {
  count: number;
  scored: number;
  sum: number;
  byStatus: Record<Status, number>;
  errors: number;
} {
  return { count: 0, scored: 0, sum: 0, byStatus: { Done: 0, 'On track': 0, Behind: 0, 'At risk': 0 }, errors: 0 };
}

type Counter = ReturnType<typeof emptyTally>;

function add(counter: Counter, score: RowScore): void {
  counter.count++;
  if (score.score.ok && score.score.value !== null) {
    counter.scored++;
    counter.sum += score.score.value;
  }
  if (!score.score.ok || !score.status.ok) counter.errors++;
  else if (score.status.value !== null) counter.byStatus[score.status.value]++;
}

function tally(counter: Counter): Tally {
  return {
    count: counter.count,
    scored: counter.scored,
    averageScore: counter.scored === 0 ? null : counter.sum / counter.scored,
    byStatus: counter.byStatus,
    errors: counter.errors,
  };
}

function summaries(scores: readonly RowScore[]): { byLevel: SummaryLine[]; byUnit: SummaryLine[] } {
  const levels = new Map<Level, [Counter, Counter]>(LEVELS.map((l) => [l, [emptyTally(), emptyTally()]]));
  const units = new Map<string, { level: Level; unit: string; counters: [Counter, Counter] }>();
  // Units are listed level by level; within a level, in the order they first appear.
  const unitsOfLevel = new Map<Level, Map<string, { level: Level; unit: string; counters: [Counter, Counter] }>>(
    LEVELS.map((l) => [l, new Map()]),
  );
  for (const s of scores) {
    const level = s.row.level;
    const k = s.row.kind === 'Objective' ? 0 : 1;
    add((levels.get(level) as [Counter, Counter])[k], s);
    const ofLevel = unitsOfLevel.get(level) as Map<
      string,
      { level: Level; unit: string; counters: [Counter, Counter] }
    >;
    const unitKey = s.row.unit.toLowerCase();
    let unit = ofLevel.get(unitKey);
    if (unit === undefined) {
      unit = { level, unit: s.row.unit, counters: [emptyTally(), emptyTally()] };
      ofLevel.set(unitKey, unit);
    }
    add(unit.counters[k], s);
  }
  for (const level of LEVELS) {
    for (const [key, unit] of unitsOfLevel.get(level) ?? []) units.set(`${level}\u0000${key}`, unit);
  }
  const line = (level: Level, unit: string | null, [o, k]: [Counter, Counter]): SummaryLine => ({
    level,
    unit,
    objectives: tally(o),
    keyResults: tally(k),
  });
  return {
    byLevel: LEVELS.map((level) => line(level, null, levels.get(level) as [Counter, Counter])),
    byUnit: [...units.values()].map((u) => line(u.level, u.unit, u.counters)),
  };
}

export function buildReport(workbook: Workbook): RollupReport {
  const { rows: okrRows } = workbook.okr;
  const { rows: scores, rollup } = workbook.scores;
  const n = okrRows.length;
  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  const otherRoots: number[] = [];
  const nonNodes: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = okrRows[i] as OkrRow;
    const isNode = row.key !== '' && rollup.nodeIndex.get(row.key) === i;
    const p = rollup.parentIndex[i] ?? -1;
    if (!isNode) nonNodes.push(i);
    else if (p >= 0) children[p]?.push(i);
    else if (row.level === 'Corporate' && row.kind === 'Objective' && row.parentKey === '') roots.push(i);
    else otherRoots.push(i);
  }
  const { day, scores: previous } = previousScores(workbook.history, workbook.asOfDay);
  const checkedIn = latestCheckIns(workbook.checkIns);
  const visited = new Uint8Array(n);
  const make =
    (into: ReportRow[]) =>
    (index: number, depth: number): void => {
      const s = scores[index] as RowScore;
      const r = s.row;
      const lastCheckIn = r.key === '' ? null : (checkedIn.get(r.key) ?? null);
      const score = s.score.ok ? s.score.value : null;
      const measured = r.kind === 'Key Result' && !(r.ownScore.ok && r.ownScore.value === null);
      const start = (r.startDate.ok ? r.startDate.value : null) ?? workbook.settings.settings.cycleStart;
      const done = score !== null && score >= 1;
      into.push({
        index,
        depth,
        tab: r.tab,
        row: r.row,
        level: r.level,
        kind: r.kind,
        id: r.id,
        parentId: r.parentId,
        title: r.title,
        unit: r.unit,
        owner: r.owner,
        current: r.current,
        target: r.target,
        uom: r.uom,
        measured,
        byFormula: measured && r.byFormula,
        notStarted: measured && isBlank(r.current),
        confidence: r.confidence.ok ? r.confidence.value : null,
        lastCheckIn,
        // Calendar days, as a person counts them: checked in on Friday is 3 days ago on Monday.
        daysSinceCheckIn:
          lastCheckIn === null ? null : Math.max(0, Math.floor(workbook.asOfDay) - Math.floor(lastCheckIn)),
        overdueCheckIn: measured && !done ? overdueCheckIn(lastCheckIn, start, workbook.asOfDay, r.byFormula) : null,
        score: s.score,
        expected: s.expected,
        gap: score !== null && s.expected.ok ? score - s.expected.value : null,
        status: s.status,
        trend: r.key === '' ? null : trendOf(s.score, previous.get(r.key), day),
      });
    };
  const tree: ReportRow[] = [];
  walk(roots, okrRows, children, visited, make(tree));
  const unaligned: ReportRow[] = [];
  const emitUnaligned = make(unaligned);
  walk(otherRoots, okrRows, children, visited, emitUnaligned);
  walk(
    rollup.cycles.map((cycle) => cycle[0] as number),
    okrRows,
    children,
    visited,
    emitUnaligned,
  );
  for (const i of nonNodes) emitUnaligned(i, 0);
  return { rows: tree, unaligned, ...summaries(scores), previousSnapshot: day };
}

/** The statuses in report order, for column headers. */
export const REPORT_STATUSES: readonly Status[] = STATUSES;
