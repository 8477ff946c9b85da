/**
 * The Weekly rhythm dialog's google.script.run targets (RhythmApi, §4.7). The input is
 * checked again here; a save takes the document lock and leaves exactly one trigger for
 * the document while the rhythm is on, none while it is off. Replies carry ISO text, no Dates.
 */

import { loadRhythm, type StoredRhythm, saveRhythm } from '../../actions/rhythm/store';
import { createWeeklyTrigger, deleteTriggers, rhythmTriggers } from '../../actions/rhythm/trigger';
import { UserError } from '../../actions/run';
import { checkRhythmInput, type RhythmRecord } from '../../core/rhythm/settings';
import {
  hourLabel,
  RHYTHM_DAY_LABELS,
  type RhythmDialogState,
  type RhythmInput,
  type RhythmSettings,
} from '../../shared/rhythm-api';
import { serve, withDocumentLock } from '../sidebar/guard';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const sameUser = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function currentUser(): string {
  return Session.getActiveUser().getEmail() ?? '';
}

/** On, and set up under another account: its trigger is theirs, invisible to this user. */
function isManagedByOther(stored: StoredRhythm, you: string): boolean {
  const { record } = stored;
  return stored.settings.enabled && record !== null && record.setUpBy !== '' && !sameUser(record.setUpBy, you);
}

function stateOf(stored: StoredRhythm, you: string, timeZone: string, message?: string): RhythmDialogState {
  const { record } = stored;
  return {
    settings: stored.settings,
    timeZone,
    setUpBy: record?.setUpBy ?? null,
    setUpAt: record?.setUpAt ?? null,
    lastRun: record?.lastRun ?? null,
    you,
    managedByOther: isManagedByOther(stored, you),
    ...(message === undefined ? {} : { message }),
  };
}

/** Everything the dialog shows. */
export function rhythmDialogState(): RhythmDialogState {
  return serve('rhythmDialogState', () =>
    stateOf(loadRhythm(), currentUser(), SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone()),
  );
}

function turnOffOthers(stored: StoredRhythm, record: RhythmRecord): string {
  saveRhythm({ ...stored.settings, enabled: false }, { ...record, triggerId: null });
  return `The weekly rhythm is off. ${record.setUpBy}'s trigger does nothing from now on and removes itself at its next run.`;
}

function turnOff(ss: Spreadsheet, settings: RhythmSettings, record: RhythmRecord | null): string {
  const mine = rhythmTriggers(ss);
  deleteTriggers(mine);
  saveRhythm(settings, record === null ? null : { ...record, triggerId: null });
  return mine.length > 0 ? 'The weekly rhythm is off; its trigger was removed.' : 'The weekly rhythm is off.';
}

/**
 * Keeps this user's trigger when it already runs on this schedule; otherwise removes it
 * first and creates the new one, so there are never two (an add-on may not hold two either).
 */
function turnOn(
  ss: Spreadsheet,
  settings: RhythmSettings,
  stored: StoredRhythm,
  you: string,
  timeZone: string,
): string {
  const previous = stored.record;
  const mine = rhythmTriggers(ss);
  const wasOn = stored.settings.enabled && previous !== null && previous.triggerId !== null;
  const unchanged =
    wasOn &&
    previous.day === settings.day &&
    previous.hour === settings.hour &&
    previous.timeZone === timeZone &&
    mine.length === 1 &&
    mine[0]?.getUniqueId() === previous.triggerId;
  let triggerId = previous?.triggerId ?? null;
  if (!unchanged) {
    deleteTriggers(mine);
    try {
      triggerId = createWeeklyTrigger(settings.day, settings.hour, timeZone).getUniqueId();
    } catch (error) {
      saveRhythm({ ...settings, enabled: false }, previous === null ? null : { ...previous, triggerId: null });
      const message = error instanceof Error ? error.message : String(error);
      throw new UserError(`The weekly rhythm could not be turned on, so it is off: ${message}`);
    }
  }
  const record: RhythmRecord = {
    setUpBy: you,
    setUpAt: wasOn && previous !== null ? previous.setUpAt : new Date().toISOString(),
    triggerId,
    day: settings.day,
    hour: settings.hour,
    timeZone,
    lastRun: previous?.lastRun ?? null,
  };
  saveRhythm(settings, record);
  return `The weekly rhythm is on: every ${RHYTHM_DAY_LABELS[settings.day]} at ${hourLabel(settings.hour)} (${timeZone}).`;
}

/** Turns the rhythm on or off and saves its settings (§4.7). */
export function saveWeeklyRhythm(input: RhythmInput): RhythmDialogState {
  return serve('saveWeeklyRhythm', () =>
    withDocumentLock(() => {
      const checked = checkRhythmInput(input);
      if (!checked.ok) throw new UserError(checked.error);
      const settings = checked.value;
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const timeZone = ss.getSpreadsheetTimeZone();
      const you = currentUser();
      const stored = loadRhythm();
      let message: string;
      if (isManagedByOther(stored, you) && stored.record !== null) {
        if (settings.enabled) {
          throw new UserError(
            `Not saved: ${stored.record.setUpBy} set up the weekly rhythm, and it runs under their account. Ask them to change it, or turn it off here and then on again under yours.`,
          );
        }
        message = turnOffOthers(stored, stored.record);
      } else if (!settings.enabled) {
        message = turnOff(ss, settings, stored.record);
      } else {
        message = turnOn(ss, settings, stored, you, timeZone);
      }
      return stateOf(loadRhythm(), you, timeZone, message);
    }),
  );
}
