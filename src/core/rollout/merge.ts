/**
 * Regenerating the plan without losing what users typed (SPEC §4.4).
 *
 * A row on the sheet matches a fresh row by its key when it has one, else by activity text
 * and unit (trimmed, case-insensitive; the Level column, when given, must agree). A matched
 * row keeps its Done, Owner and Notes; the dates, texts and week shading are rebuilt.
 *
 * Decisions:
 * - A blank Owner on the sheet takes the fresh default, so a lead that becomes known later
 *   fills in; a typed owner always wins.
 * - Rows of a unit that is gone are dropped, as the spec says, but returned in droppedRows
 *   with their Done, Owner and Notes so the action can say what went with them.
 * - Rows the user added (an activity that is not in the plan) are never dropped: they stay,
 *   as they were, after the plan row they followed on the sheet (at the top if no plan row
 *   preceded them). A second copy of a plan row is kept the same way rather than dropped.
 */
import { ACTIVITIES, type Activity, type ActivityId, activityById } from './activities';
import { formatIsoDate } from './calendar';
import type { PlanRow } from './plan';
import { type Level, unitKey } from './units';

/** A row as read back from the `Rollout Plan` sheet. Cells may be any value getValues returns. */
export interface SheetPlanRow<S = unknown> {
  readonly key?: unknown;
  readonly activity?: unknown;
  readonly level?: unknown;
  readonly unit?: unknown;
  readonly done?: unknown;
  readonly owner?: unknown;
  readonly notes?: unknown;
  /** Passed back untouched, e.g. the row's values, so a kept row can be rewritten as it was. */
  readonly source?: S;
}

export interface MergedPlanRow extends PlanRow {
  readonly kind: 'plan';
  readonly done: boolean;
  readonly notes: string;
  /** True when the row was on the sheet already; false when it is new. */
  readonly existed: boolean;
}

export interface CustomPlanRow<S = unknown> {
  readonly kind: 'custom';
  readonly row: SheetPlanRow<S>;
}

export interface DroppedPlanRow<S = unknown> {
  readonly activityId: ActivityId;
  readonly activity: string;
  readonly level: Level;
  /** As on the sheet. */
  readonly unit: string;
  readonly done: boolean;
  readonly owner: string;
  readonly notes: string;
  /** Done was ticked or Notes were filled: worth telling the user. An owner alone is not. */
  readonly hasUserData: boolean;
  readonly row: SheetPlanRow<S>;
}

export interface RolloutMerge<S = unknown> {
  /** What to write, in order. */
  readonly rows: ReadonlyArray<MergedPlanRow | CustomPlanRow<S>>;
  /** One line per activity, e.g. "Develop OKRs (team): Gamma, Delta". */
  readonly added: readonly string[];
  readonly dropped: readonly string[];
  readonly droppedRows: ReadonlyArray<DroppedPlanRow<S>>;
}

export function mergeRolloutPlan<S = unknown>(
  fresh: readonly PlanRow[],
  existing: ReadonlyArray<SheetPlanRow<S>>,
): RolloutMerge<S> {
  const byKey = new Map<string, number>(fresh.map((row, i) => [row.key, i]));
  const byText = new Map<string, number[]>();
  fresh.forEach((row, i) => {
    const k = textKey(row.activity, row.unit);
    byText.set(k, [...(byText.get(k) ?? []), i]);
  });

  const matched: Array<SheetPlanRow<S> | undefined> = fresh.map(() => undefined);
  const customAfter = new Map<number, Array<SheetPlanRow<S>>>(); // -1: above every plan row
  const droppedRows: Array<DroppedPlanRow<S>> = [];
  let previous = -1;

  for (const row of existing) {
    const level = levelOf(row.level);
    const byItsKey = byKey.get(cellText(row.key).trim().toLowerCase());
    const candidates = [
      ...(byItsKey === undefined ? [] : [byItsKey]),
      ...(byText.get(textKey(cellText(row.activity), cellText(row.unit))) ?? []).filter(
        (i) => level === undefined || fresh[i]?.level === level,
      ),
    ];
    const free = candidates.find((i) => matched[i] === undefined);
    if (free !== undefined) {
      matched[free] = row;
      previous = free;
      continue;
    }
    const activity = knownActivity(row, level);
    if (activity !== undefined && candidates.length === 0) {
      droppedRows.push(droppedRow(row, activity));
    } else {
      customAfter.set(previous, [...(customAfter.get(previous) ?? []), row]);
    }
  }

  const rows: Array<MergedPlanRow | CustomPlanRow<S>> = [];
  const custom = (at: number) => {
    for (const row of customAfter.get(at) ?? []) rows.push({ kind: 'custom', row });
  };
  custom(-1);
  fresh.forEach((row, i) => {
    rows.push(mergedRow(row, matched[i]));
    custom(i);
  });

  return {
    rows,
    added: summarise(fresh.filter((_, i) => matched[i] === undefined)),
    dropped: summarise(droppedRows.map((d) => ({ activityId: d.activityId, level: d.level, unit: d.unit }))),
    droppedRows,
  };
}

function mergedRow<S>(row: PlanRow, onSheet: SheetPlanRow<S> | undefined): MergedPlanRow {
  if (onSheet === undefined) return { ...row, kind: 'plan', done: false, notes: '', existed: false };
  const owner = cellText(onSheet.owner);
  return {
    ...row,
    kind: 'plan',
    owner: owner.trim() === '' ? row.owner : owner,
    done: isDone(onSheet.done),
    notes: cellText(onSheet.notes),
    existed: true,
  };
}

function droppedRow<S>(row: SheetPlanRow<S>, activity: Activity): DroppedPlanRow<S> {
  const key = cellText(row.key).trim();
  const unit = cellText(row.unit).trim() || key.slice(key.indexOf(':') + 1);
  const done = isDone(row.done);
  const notes = cellText(row.notes);
  return {
    activityId: activity.id,
    activity: activity.text,
    level: activity.level,
    unit,
    done,
    owner: cellText(row.owner),
    notes,
    hasUserData: done || notes.trim() !== '',
    row,
  };
}

/** The plan activity a sheet row is an instance of, from its key or else its text. */
function knownActivity(row: SheetPlanRow<unknown>, level: Level | undefined): Activity | undefined {
  const key = cellText(row.key).trim().toLowerCase();
  const fromKey = key.includes(':') ? activityById(key.slice(0, key.indexOf(':'))) : undefined;
  if (fromKey !== undefined) return fromKey;
  const text = normText(cellText(row.activity));
  return ACTIVITIES.find((a) => normText(a.text) === text && (level === undefined || a.level === level));
}

function summarise(rows: ReadonlyArray<{ activityId: ActivityId; level: Level; unit: string }>): string[] {
  const units = new Map<ActivityId, string[]>();
  for (const row of rows) units.set(row.activityId, [...(units.get(row.activityId) ?? []), row.unit]);
  return [...units].map(([id, names]) => {
    const activity = activityById(id);
    return `${activity?.label ?? id} (${activity?.level.toLowerCase() ?? ''}): ${names.join(', ')}`;
  });
}

const normText = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** A corporate activity has one row, so its unit cell (perhaps cleared or renamed) is not needed to find it. */
const CORPORATE_TEXTS = new Set(ACTIVITIES.filter((a) => a.level === 'Corporate').map((a) => normText(a.text)));

function textKey(activity: string, unit: string): string {
  const text = normText(activity);
  return CORPORATE_TEXTS.has(text) ? `${text}\n` : `${text}\n${unitKey(unit)}`;
}

function levelOf(value: unknown): Level | undefined {
  const text = cellText(value).trim().toLowerCase();
  if (text === 'corporate') return 'Corporate';
  if (text === 'department') return 'Department';
  if (text === 'team') return 'Team';
  return undefined;
}

/**
 * A Done cell as read back: the checkbox's boolean, or what a user typed if the checkbox was
 * replaced by text.
 */
export function isDone(value: unknown): boolean {
  if (value === true || value === 1) return true;
  if (typeof value !== 'string') return false;
  return ['true', 'yes', 'y', 'x', 'done', '1', '✓', '✔', '☑'].includes(value.trim().toLowerCase());
}

/**
 * A cell as text. A Date (a date typed into Notes) is read by its own calendar fields: pass
 * display values for Owner and Notes if the script and spreadsheet time zones may differ.
 */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return formatIsoDate({ year: value.getFullYear(), month: value.getMonth() + 1, day: value.getDate() });
  }
  return String(value);
}
