/**
 * Installable triggers as the emulator keeps them: who owns each one, which document it
 * was created in, and when a clock trigger next runs. ScriptApp (scriptApp.ts) is the
 * script's view of this store; tests read it directly and fire triggers through the
 * runtime (local/runtime.ts `fireTrigger`).
 */
import { createHash } from 'node:crypto';
import { wallClock, wallToInstant } from '../spreadsheet/dates.js';

/** https://developers.google.com/apps-script/reference/base/weekday */
export const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

/** A weekly clock trigger: onWeekDay(day).atHour(hour), every `everyWeeks` weeks, in `timeZone`. */
export interface WeeklySchedule {
  readonly weekday: WeekdayName;
  readonly hour: number;
  /** The minute it runs at within the hour (Apps Script picks one and keeps it). */
  readonly minute: number;
  readonly everyWeeks: number;
  readonly timeZone: string;
}

export interface TriggerRecord {
  readonly id: string;
  readonly handler: string;
  /** The account that created it: the trigger runs as this user, and only they can see it. */
  readonly owner: string;
  /** The document the add-on was running in when the trigger was created. */
  readonly documentId: string | null;
  readonly eventType: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
  readonly source: 'CLOCK' | 'SPREADSHEETS';
  readonly sourceId: string | null;
  readonly schedule: WeeklySchedule | null;
  readonly createdAt: number;
}

/**
 * "Triggers total: 20 / user / script".
 * https://developers.google.com/apps-script/guides/services/quotas#current_limitations
 */
export const MAX_TRIGGERS_PER_USER = 20;

export class TriggerStore {
  private readonly records: TriggerRecord[] = [];
  private sequence = 0;

  all(): readonly TriggerRecord[] {
    return [...this.records];
  }

  get(id: string): TriggerRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  add(record: Omit<TriggerRecord, 'id'>): TriggerRecord {
    this.sequence++;
    // Opaque and stable within a run, like the real numeric-looking unique ids.
    const id = String(
      BigInt(`0x${createHash('sha256').update(`trigger:${this.sequence}`).digest('hex').slice(0, 12)}`),
    );
    const full: TriggerRecord = { ...record, id };
    this.records.push(full);
    return full;
  }

  remove(id: string): boolean {
    const at = this.records.findIndex((r) => r.id === id);
    if (at < 0) return false;
    this.records.splice(at, 1);
    return true;
  }
}

/** A minute that is fixed per trigger and not always 0, so no test can lean on "on the hour". */
export function minuteFor(seed: string): number {
  return (createHash('sha256').update(`minute:${seed}`).digest()[0] ?? 0) % 60;
}

function weekdayOfWall(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The first run at or after `fromMs`: the next wall-clock weekday and hour in the schedule's zone. */
function firstRunFrom(schedule: WeeklySchedule, fromMs: number): number {
  const start = wallClock(fromMs, schedule.timeZone);
  const target = WEEKDAYS.indexOf(schedule.weekday);
  for (let d = 0; d <= 8; d++) {
    const date = new Date(Date.UTC(start.year, start.month - 1, start.day + d));
    const wall = {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: schedule.hour,
      minute: schedule.minute,
      second: 0,
      ms: 0,
    };
    if (weekdayOfWall(wall.year, wall.month, wall.day) !== target) continue;
    const at = wallToInstant(wall, schedule.timeZone);
    if (at >= fromMs) return at;
  }
  throw new Error(`Emulator: no ${schedule.weekday} within eight days of ${new Date(fromMs).toISOString()}`);
}

/**
 * When a weekly trigger next runs after `afterMs`: the first matching weekday and hour after
 * it was created, then every `everyWeeks` weeks. The hour is wall-clock time in the trigger's
 * zone, so it stays 9 o'clock local across a daylight-saving change (an hour that does not
 * exist that day runs an hour later).
 */
export function nextRun(record: TriggerRecord, afterMs: number): number {
  const schedule = record.schedule;
  if (schedule === null) throw new Error(`Emulator: trigger ${record.id} is not a clock trigger`);
  let run = firstRunFrom(schedule, record.createdAt);
  for (let week = 0; week < 100_000; week++) {
    if (run > afterMs) return run;
    // Step a whole number of weeks in wall-clock days, so DST never shifts the hour.
    run = firstRunFrom(schedule, run + (7 * schedule.everyWeeks - 1) * 86_400_000);
  }
  throw new Error(`Emulator: trigger ${record.id} has no run after ${new Date(afterMs).toISOString()}`);
}

/** ISO week number (weeks start on Monday; week 1 holds the year's first Thursday). */
function isoWeek(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/**
 * The event object a time-driven trigger's function receives, at `atMs`, with the fields
 * the reference lists (authMode, day-of-month, day-of-week, hour, minute, month, second,
 * timezone, triggerUid, week-of-year, year). The date fields are read in the trigger's zone.
 * https://developers.google.com/apps-script/guides/triggers/events#time-driven_events
 */
export function timeDrivenEvent(record: TriggerRecord, atMs: number): Record<string, unknown> {
  const timeZone = record.schedule?.timeZone ?? 'UTC';
  const wall = wallClock(atMs, timeZone);
  return {
    authMode: 'FULL',
    'day-of-month': wall.day,
    // 1 (Monday) to 7 (Sunday).
    'day-of-week': weekdayOfWall(wall.year, wall.month, wall.day) || 7,
    hour: wall.hour,
    minute: wall.minute,
    month: wall.month,
    second: wall.second,
    timezone: timeZone,
    triggerUid: record.id,
    'week-of-year': isoWeek(wall.year, wall.month, wall.day),
    year: wall.year,
  };
}
