/**
 * §4.2 the Dashboard as data: where do we stand (a headline), what needs attention (At
 * risk and Behind items, and items with no check-in for more than 14 days), is it getting
 * better (score over time against expected, per level, from History), status counts per
 * level, average score per unit grouped by level, and KPI health. Pure.
 */
import { normalizeId } from '../rollup';
import { STATUSES, type Status, statusOf } from '../status';
import type { KpiResult } from './kpis';
import { latestCheckIns, type ReportRow, type RollupReport, type SummaryLine } from './report';
import { LEVELS, type Level, TAB } from './schema';
import { type CheckInGap, overdueCheckIn } from './stale';
import type { Workbook } from './workbook';

// The rule of stale check-ins is Validate's too (stale.ts).
export { STALE_CHECK_IN_DAYS } from './stale';
/** The needs-attention list stops here; the Roll-up lists everything. */
export const MAX_ATTENTION = 30;

export interface Headline {
  /** Mean score of the corporate objectives; null when none has one. */
  readonly companyScore: number | null;
  readonly companyExpected: number | null;
  readonly companyStatus: Status | null;
  /** Objectives and key results with a status, and how many of them are On track or Done. */
  readonly graded: number;
  readonly onTrackOrDone: number;
  readonly atRisk: number;
  readonly behind: number;
  readonly asOfDay: number;
}

export interface AttentionItem {
  readonly kind: 'Objective' | 'Key Result' | 'KPI';
  readonly level: Level | null;
  readonly id: string;
  readonly title: string;
  readonly owner: string;
  readonly tab: string;
  readonly row: number;
  readonly status: Status | null;
  readonly score: number | null;
  readonly expected: number | null;
  /** Why it is listed, e.g. `At risk: 0% against 51% expected`, `no check-in for 20 days`. */
  readonly reasons: readonly string[];
}

export interface TrendPoint {
  /** A snapshot's day (Sheets serial); the last point is today, from the live values. */
  readonly day: number;
  /** Mean objective score per level that day (key results' when a level has no objective scored). */
  readonly byLevel: Readonly<Record<Level, number | null>>;
  /** Mean expected progress that day. */
  readonly expected: number | null;
}

export interface KpiHealth {
  readonly result: KpiResult;
  readonly progress: number | null;
  readonly status: Status | null;
}

export interface DashboardData {
  readonly headline: Headline;
  readonly attention: readonly AttentionItem[];
  /** How many items need attention in all (the list is cut at MAX_ATTENTION). */
  readonly attentionTotal: number;
  readonly trend: readonly TrendPoint[];
  readonly statusByLevel: readonly SummaryLine[];
  /** Units grouped by level, in level order. */
  readonly units: readonly SummaryLine[];
  readonly kpis: readonly KpiHealth[];
  readonly kpiStatusCounts: Readonly<Record<Status | 'No data', number>>;
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

const okValue = <T>(result: { ok: true; value: T } | { ok: false; error: string }): T | null =>
  result.ok ? result.value : null;

function headline(report: RollupReport, workbook: Workbook): Headline {
  const all = [...report.rows, ...report.unaligned];
  const corporate = all.filter((r) => r.level === 'Corporate' && r.kind === 'Objective');
  const scores = corporate.flatMap((r) => (r.score.ok && r.score.value !== null ? [r.score.value] : []));
  const expected = corporate.flatMap((r) => (r.expected.ok ? [r.expected.value] : []));
  const companyScore = mean(scores);
  const companyExpected = mean(expected);
  const status =
    companyScore === null
      ? null
      : okValue(statusOf(companyScore, companyExpected ?? 1, workbook.settings.settings.thresholds));
  let graded = 0;
  let onTrackOrDone = 0;
  let atRisk = 0;
  let behind = 0;
  for (const r of all) {
    const s = r.status.ok ? r.status.value : null;
    if (s === null) continue;
    graded++;
    if (s === 'Done' || s === 'On track') onTrackOrDone++;
    if (s === 'At risk') atRisk++;
    if (s === 'Behind') behind++;
  }
  return {
    companyScore,
    companyExpected,
    companyStatus: status,
    graded,
    onTrackOrDone,
    atRisk,
    behind,
    asOfDay: workbook.asOfDay,
  };
}

const pct = (n: number): string => `${Math.round(n * 100)}%`;

function statusReason(status: Status | null, score: number | null, expected: number | null): string | undefined {
  if (status !== 'At risk' && status !== 'Behind') return undefined;
  if (score === null) return status;
  return expected === null ? `${status}: ${pct(score)}` : `${status}: ${pct(score)} against ${pct(expected)} expected`;
}

function staleReason(gap: CheckInGap | null): string | undefined {
  if (gap === null) return undefined;
  return gap.neverCheckedIn ? `no check-in since the start (${gap.days} days)` : `no check-in for ${gap.days} days`;
}

const RANK: Readonly<Record<string, number>> = { 'At risk': 0, Behind: 1 };

function okrAttention(row: ReportRow): AttentionItem | undefined {
  const score = row.score.ok ? row.score.value : null;
  const expected = row.expected.ok ? row.expected.value : null;
  const status = row.status.ok ? row.status.value : null;
  const reasons = [statusReason(status, score, expected)];
  // Only what is checked in can go stale: measured key results not yet done, not measured by formula.
  reasons.push(staleReason(row.overdueCheckIn));
  const listed = reasons.filter((r): r is string => r !== undefined);
  if (listed.length === 0) return undefined;
  return {
    kind: row.kind,
    level: row.level,
    id: row.id,
    title: row.title,
    owner: row.owner,
    tab: row.tab,
    row: row.row,
    status,
    score,
    expected,
    reasons: listed,
  };
}

function kpiAttention(kpi: KpiResult, lastCheckIn: number | undefined, workbook: Workbook): AttentionItem | undefined {
  const progress = okValue(kpi.progress);
  const status = okValue(kpi.status);
  const { cycleStart } = workbook.settings.settings;
  const overdue = overdueCheckIn(lastCheckIn, cycleStart, workbook.asOfDay, kpi.row.byFormula);
  const reasons = [
    statusReason(status, progress === null ? null : Math.min(Math.max(progress, 0), 1), null),
    status === 'Done' ? undefined : staleReason(overdue),
  ].filter((r): r is string => r !== undefined);
  if (reasons.length === 0) return undefined;
  const { row } = kpi;
  return {
    kind: 'KPI',
    level: row.level,
    id: row.id,
    title: row.kpi,
    owner: row.owner,
    tab: TAB.kpis,
    row: row.row,
    status,
    score: progress,
    expected: null,
    reasons,
  };
}

function attention(report: RollupReport, workbook: Workbook): AttentionItem[] {
  const latest = latestCheckIns(workbook.checkIns);
  const items = [
    ...[...report.rows, ...report.unaligned].flatMap((r) => okrAttention(r) ?? []),
    ...workbook.kpiResults.flatMap((k) => kpiAttention(k, latest.get(k.row.key), workbook) ?? []),
  ];
  const levelRank = (l: Level | null) => (l === null ? LEVELS.length : LEVELS.indexOf(l));
  // At risk, then Behind, then stale only; corporate first within each; tree order otherwise.
  return items
    .map((item, order) => ({ item, order }))
    .sort(
      (a, b) =>
        (RANK[a.item.status ?? ''] ?? 2) - (RANK[b.item.status ?? ''] ?? 2) ||
        levelRank(a.item.level) - levelRank(b.item.level) ||
        a.order - b.order,
    )
    .map(({ item }) => item);
}

/** Appends in place: copying the list for each of 50,000 rows was quadratic. */
function pushTo(lists: Map<Level, number[]>, level: Level, value: number): void {
  const list = lists.get(level);
  if (list === undefined) lists.set(level, [value]);
  else list.push(value);
}

/** Mean objective score per level and mean expected per History day, then today's. */
function trend(report: RollupReport, workbook: Workbook): TrendPoint[] {
  const days = new Map<
    number,
    { objectives: Map<Level, number[]>; others: Map<Level, number[]>; expected: number[] }
  >();
  const kinds = new Map<string, 'Objective' | 'Key Result'>();
  for (const r of [...report.rows, ...report.unaligned]) kinds.set(normalizeId(r.id), r.kind);
  // History holds a row per OKR per snapshot: each spelling of a level is matched once.
  const levels = new Map<string, Level | undefined>();
  const levelOf = (typed: string): Level | undefined => {
    if (!levels.has(typed))
      levels.set(
        typed,
        LEVELS.find((l) => l.toLowerCase() === typed.trim().toLowerCase()),
      );
    return levels.get(typed);
  };
  for (const s of workbook.history) {
    const day = Math.floor(s.date);
    if (day >= Math.floor(workbook.asOfDay)) continue;
    const level = levelOf(s.level);
    if (level === undefined) continue;
    let point = days.get(day);
    if (point === undefined) {
      point = { objectives: new Map(), others: new Map(), expected: [] };
      days.set(day, point);
    }
    if (s.expected !== null) point.expected.push(s.expected);
    if (s.score === null) continue;
    const into = kinds.get(s.key) === 'Objective' ? point.objectives : point.others;
    pushTo(into, level, s.score);
  }
  const byLevel = (objectives: Map<Level, number[]>, others: Map<Level, number[]>) =>
    Object.fromEntries(LEVELS.map((l) => [l, mean(objectives.get(l) ?? []) ?? mean(others.get(l) ?? [])])) as Record<
      Level,
      number | null
    >;
  const points = [...days.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, p]) => ({ day, byLevel: byLevel(p.objectives, p.others), expected: mean(p.expected) }));
  const objectives = new Map<Level, number[]>();
  const others = new Map<Level, number[]>();
  const expected: number[] = [];
  for (const r of [...report.rows, ...report.unaligned]) {
    if (r.expected.ok) expected.push(r.expected.value);
    if (!r.score.ok || r.score.value === null) continue;
    const into = r.kind === 'Objective' ? objectives : others;
    pushTo(into, r.level, r.score.value);
  }
  points.push({ day: Math.floor(workbook.asOfDay), byLevel: byLevel(objectives, others), expected: mean(expected) });
  return points;
}

function kpiHealth(workbook: Workbook): { kpis: KpiHealth[]; counts: Record<Status | 'No data', number> } {
  const counts: Record<Status | 'No data', number> = { Done: 0, 'On track': 0, Behind: 0, 'At risk': 0, 'No data': 0 };
  const kpis = workbook.kpiResults.map((result) => {
    const status = okValue(result.status);
    counts[status ?? 'No data']++;
    return { result, progress: okValue(result.progress), status };
  });
  return { kpis, counts };
}

export function buildDashboard(report: RollupReport, workbook: Workbook): DashboardData {
  const items = attention(report, workbook);
  const { kpis, counts } = kpiHealth(workbook);
  const levelRank = (l: Level) => LEVELS.indexOf(l);
  return {
    headline: headline(report, workbook),
    attention: items.slice(0, MAX_ATTENTION),
    attentionTotal: items.length,
    trend: trend(report, workbook),
    statusByLevel: report.byLevel,
    units: report.byUnit
      .map((u, order) => ({ u, order }))
      .sort((a, b) => levelRank(a.u.level) - levelRank(b.u.level) || a.order - b.order)
      .map(({ u }) => u),
    kpis,
    kpiStatusCounts: counts,
  };
}

/** The statuses and "No data", in the order the KPI counts are shown. */
export const KPI_STATUSES: readonly (Status | 'No data')[] = [...STATUSES, 'No data'];
