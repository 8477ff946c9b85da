/**
 * The rollout plan as dated rows (SPEC §4.4). Pure: the action reads the units, calls
 * buildRolloutPlan, merges with what is on the sheet (merge.ts) and writes the result.
 */

import { boundedKey } from '../cell-text';
import { ACTIVITIES, type Activity, type ActivityId, PHASES, type PlanMonth, PMO } from './activities';
import { addDays, type CalendarDate, fridayOf } from './calendar';
import { CORPORATE_UNIT, type Level, type Org, type PlanUnit, planUnits, unitKey } from './units';

export const PLAN_WEEKS = 12;
export const WEEKS_PER_MONTH = 4;

export interface PlanRow {
  /** `activityId:unit` with the unit trimmed and lower-cased: stable across regenerations. */
  readonly key: string;
  readonly activityId: ActivityId;
  readonly phase: string;
  readonly month: PlanMonth;
  /** Weeks within the month as the Week(s) column shows them: "1" or "1–2" (en dash). */
  readonly weeks: string;
  /** Plan weeks 1–12. */
  readonly startWeek: number;
  readonly endWeek: number;
  readonly start: CalendarDate;
  /** The Friday of the last week. */
  readonly end: CalendarDate;
  readonly activity: string;
  readonly level: Level;
  readonly unit: string;
  /** The default owner: "PMO", or the unit's lead ('' when none is known). */
  readonly owner: string;
  readonly deliverable: string;
  /** PLAN_WEEKS entries, true for the W columns the row spans. */
  readonly activeWeeks: readonly boolean[];
}

export function planRowKey(activityId: ActivityId, unit: string): string {
  // A unit's name may be any length; the key stays short (§6.3: keys never carry unbounded text).
  return `${activityId}:${boundedKey(unitKey(unit))}`;
}

/** The first day of plan week `week` (1–12): week k of month m is plan week (m − 1)·4 + k. */
export function planWeekStart(start: CalendarDate, week: number): CalendarDate {
  return addDays(start, (week - 1) * 7);
}

/**
 * Every activity of §4.4 in plan order. Corporate rows always appear, so an empty org still
 * gets a plan to start from; department and team rows follow planUnits' order and
 * deduplication. The plan may start on any day; "next Monday" is only the default.
 */
export function buildRolloutPlan(start: CalendarDate, org: Org): PlanRow[] {
  const units = [CORPORATE_UNIT, ...planUnits(org).cascade];
  const slots = [...new Set(ACTIVITIES.map((a) => a.slot))];
  const rows: PlanRow[] = [];
  for (const slot of slots) {
    const activities = ACTIVITIES.filter((a) => a.slot === slot);
    for (const unit of units) {
      for (const activity of activities) {
        if (activity.level === unit.level) rows.push(planRow(start, activity, unit));
      }
    }
  }
  return rows;
}

function planRow(start: CalendarDate, activity: Activity, unit: PlanUnit): PlanRow {
  const offset = (activity.month - 1) * WEEKS_PER_MONTH;
  const startWeek = offset + activity.firstWeek;
  const endWeek = offset + activity.lastWeek;
  return {
    key: planRowKey(activity.id, unit.name),
    activityId: activity.id,
    phase: PHASES[activity.month],
    month: activity.month,
    weeks:
      activity.firstWeek === activity.lastWeek ? `${activity.firstWeek}` : `${activity.firstWeek}–${activity.lastWeek}`,
    startWeek,
    endWeek,
    start: planWeekStart(start, startWeek),
    end: fridayOf(planWeekStart(start, endWeek)),
    activity: activity.text,
    level: unit.level,
    unit: unit.name,
    owner: activity.owner === 'pmo' ? PMO : unit.lead,
    deliverable: activity.deliverable,
    activeWeeks: Array.from({ length: PLAN_WEEKS }, (_, i) => i + 1 >= startWeek && i + 1 <= endWeek),
  };
}
