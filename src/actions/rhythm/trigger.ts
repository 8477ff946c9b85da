/**
 * The one installable time-driven trigger that runs the weekly rhythm (§4.7). An add-on
 * may hold one time-based trigger per user per document
 * (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions),
 * and a user sees only the triggers they created, so "ours" is this user's triggers in
 * this spreadsheet that call the run's entry point.
 */
import type { RhythmDay } from '../../shared/rhythm-api';

/** The entry point (src/main.ts) the trigger calls. */
export const RUN_HANDLER = 'weeklyRhythmRun';

type Trigger = GoogleAppsScript.Script.Trigger;

export function rhythmTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === RUN_HANDLER);
}

export function deleteTriggers(triggers: readonly Trigger[]): void {
  for (const t of triggers) ScriptApp.deleteTrigger(t);
}

/**
 * Every `day` at `hour` in `timeZone`: the hour is wall-clock time there, so it stays put
 * across daylight-saving changes. Without inTimezone it would be the script's zone (the
 * manifest's Etc/UTC), not the spreadsheet's.
 * https://developers.google.com/apps-script/reference/script/clock-trigger-builder#inTimezone(String)
 */
export function createWeeklyTrigger(day: RhythmDay, hour: number, timeZone: string): Trigger {
  return ScriptApp.newTrigger(RUN_HANDLER)
    .timeBased()
    .onWeekDay(ScriptApp.WeekDay[day])
    .atHour(hour)
    .inTimezone(timeZone)
    .create();
}

/** Removes this user's trigger with the given id, if they have one (a run of a trigger that is no longer the rhythm's). */
export function retireTrigger(uniqueId: string): void {
  deleteTriggers(ScriptApp.getProjectTriggers().filter((t) => t.getUniqueId() === uniqueId));
}
