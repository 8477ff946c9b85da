/**
 * §4.7 what owners check in on: key results measured by their own metric and KPIs, each
 * with its value, score, status and last check-in; and which of them are stale. Pure.
 */
import type { Result } from '../result';
import type { Workbook } from '../workbook/workbook';

export type ItemKind = 'Key result' | 'KPI';

export interface TrackedItem {
  readonly kind: ItemKind;
  readonly id: string;
  readonly title: string;
  readonly owner: string;
  readonly unit: string;
  /** Current (a key result's) or Actual (a KPI's), as the cell holds it. */
  readonly value: unknown;
  readonly uom: string;
  /** A key result's score or a KPI's progress; null when blank or in error. */
  readonly score: number | null;
  /** The status label, "" when there is none, or the error the row shows. */
  readonly status: string;
  /** The latest check-in (a Sheets serial); null when never checked in. */
  readonly lastCheckIn: number | null;
  /** Its value is a formula of the user's (workbook/by-formula.ts): it updates by itself and cannot be checked in. */
  readonly byFormula: boolean;
}

/** §4.7: "no check-in for 7 days". */
export const STALE_AFTER_DAYS = 7;

function scoreOf(result: Result<number | null>): number | null {
  return result.ok ? result.value : null;
}

function statusOf(result: Result<string | null>): string {
  return result.ok ? (result.value ?? '') : result.error;
}

/**
 * Key results with a metric of their own (one scored by the objectives aligned to it has
 * nothing to check in) that are not done, then every KPI; each ID once, as the roll-up
 * counts it.
 */
export function trackedItems(workbook: Workbook): TrackedItem[] {
  const last = new Map<string, number>();
  for (const c of workbook.checkIns) last.set(c.key, Math.max(last.get(c.key) ?? Number.NEGATIVE_INFINITY, c.at));
  const items: TrackedItem[] = [];
  const { rollup } = workbook.scores;
  workbook.scores.rows.forEach(({ row, score, status }, i) => {
    if (row.kind !== 'Key Result' || row.key === '' || rollup.nodeIndex.get(row.key) !== i) return;
    if (row.ownScore.ok && row.ownScore.value === null) return;
    if (status.ok && status.value === 'Done') return;
    items.push({
      kind: 'Key result',
      id: row.id,
      title: row.title,
      owner: row.owner,
      unit: row.unit,
      value: row.current,
      uom: row.uom,
      score: scoreOf(score),
      status: statusOf(status),
      lastCheckIn: last.get(row.key) ?? null,
      byFormula: row.byFormula,
    });
  });
  const seenKpis = new Set<string>();
  for (const { row, progress, status } of workbook.kpiResults) {
    if (row.key === '' || seenKpis.has(row.key)) continue;
    seenKpis.add(row.key);
    items.push({
      kind: 'KPI',
      id: row.id,
      title: row.kpi,
      owner: row.owner,
      unit: row.unit,
      value: row.actual,
      uom: row.uom,
      score: scoreOf(progress),
      status: statusOf(status),
      lastCheckIn: last.get(row.key) ?? null,
      byFormula: row.byFormula,
    });
  }
  return items;
}

// Serials are wall-clock days in the spreadsheet's zone: a daylight-saving change makes a
// week 167 or 169 hours, which must still count as 7 days.
const DST_HOUR = 1 / 24;

/**
 * Whole days from the last check-in to `now` (a Sheets serial with the time of day, so a
 * check-in on Monday afternoon is not a week old on the next Monday morning); null when
 * there never was one.
 */
export function daysSinceCheckIn(item: TrackedItem, now: number): number | null {
  return item.lastCheckIn === null ? null : Math.floor(now - item.lastCheckIn + DST_HOUR);
}

/**
 * Never checked in, or not for `STALE_AFTER_DAYS` days or more; never an item measured by
 * formula, whose owner could do nothing about a reminder.
 */
export function isStale(item: TrackedItem, now: number): boolean {
  if (item.byFormula) return false;
  const days = daysSinceCheckIn(item, now);
  return days === null || days >= STALE_AFTER_DAYS;
}
