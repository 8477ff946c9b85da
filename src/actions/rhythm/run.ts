/**
 * §4.7 each week's run, called by the rhythm's time-driven trigger. A trigger has no user
 * interface (SpreadsheetApp.getUi() throws there), so nothing here shows an alert: the
 * outcome goes to the dialog's "last run", and a failure to the person who set the rhythm
 * up, in one email that says what failed and what was changed.
 *
 * Order (§6.2, §6.3): read every tab once, take the document lock for the one write (the
 * History snapshot, written in one block after every check), release it, then send mail.
 */
import { failureEmail, type MailContext } from '../../core/rhythm/email';
import { type DueActivity, dueActivities } from '../../core/rhythm/rollout-due';
import type { RhythmRecord } from '../../core/rhythm/settings';
import { readWorkbook, type Workbook, type WorkbookGrids } from '../../core/workbook/workbook';
import type { RhythmSettings } from '../../shared/rhythm-api';
import { serialInZone, withSerialDates } from '../../sheets/dates';
import { markedSheet } from '../../sheets/generated';
import { changedText, Journal } from '../../sheets/journal';
import { type ReadWorkbook, readWorkbookSheets } from '../../sheets/workbook';
import { GENERATED_KIND as ROLLOUT_PLAN_KIND } from '../rollout';
import { UserError } from '../run';
import { snapshotSummary, writeSnapshot } from '../snapshot';
import { type MailOutcome, send, sendWeekMail } from './mail';
import { loadRhythm, saveLastRun } from './store';
import { retireTrigger } from './trigger';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const LOCK_WAIT_MS = 60_000;
const NOTHING_CHANGED = 'Nothing in the workbook was changed.';

/** A failure with what the run had changed by then. */
class RunFailure extends Error {
  constructor(
    message: string,
    readonly changed: string,
  ) {
    super(message);
  }
}

interface Read {
  readonly grids: WorkbookGrids;
  readonly sheets: ReadWorkbook['sheets'];
  readonly workbook: Workbook;
  readonly activities: readonly DueActivity[] | null;
  /** Now, a Sheets serial in the spreadsheet's zone. */
  readonly now: number;
}

function readAll(ss: Spreadsheet): Read {
  const timeZone = ss.getSpreadsheetTimeZone();
  const now = serialInZone(new Date(), timeZone);
  // Reminders skip items measured by formula: their owners could not check them in.
  const { grids, sheets, formulaRows } = readWorkbookSheets(ss, timeZone, { formulas: true });
  const workbook = readWorkbook(grids, Math.floor(now), formulaRows);
  // The plan is the add-on's own sheet: found by its mark, never by name alone (§6.3).
  const plan = markedSheet(ss, ROLLOUT_PLAN_KIND);
  const activities =
    plan === null ? null : dueActivities(withSerialDates(plan.getDataRange().getValues(), timeZone), Math.floor(now));
  return { grids, sheets, workbook, activities, now };
}

/** Record snapshot (§4.5) under the document lock; returns its one-line summary. */
function snapshot(ss: Spreadsheet, read: Read): string {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new RunFailure('another OKR Cascade action kept the spreadsheet busy for a minute.', NOTHING_CHANGED);
  }
  const journal = new Journal();
  try {
    const written = writeSnapshot(ss, read, read.workbook, journal);
    SpreadsheetApp.flush();
    return snapshotSummary(written);
  } catch (error) {
    // What was written is undone under the lock; the notice says exactly what stayed (§6.3).
    const left = journal.rollBack();
    const changed = left.done.length + left.stuck.length === 0 ? NOTHING_CHANGED : changedText(left);
    const what = error instanceof UserError ? error.message : messageOf(error);
    throw new RunFailure(`Record snapshot: ${what}`, changed);
  } finally {
    lock.releaseLock();
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The week's work; returns its one-line summary for the dialog. */
function runWeek(ss: Spreadsheet, settings: RhythmSettings): string {
  const read = readAll(ss);
  const company = read.workbook.settings.settings.company;
  const context: MailContext = { title: company === '' ? ss.getName() : company, url: ss.getUrl(), now: read.now };
  const done = snapshot(ss, read);
  let mail: MailOutcome;
  try {
    mail = sendWeekMail({ workbook: read.workbook, settings, activities: read.activities, context, snapshot: done });
  } catch (error) {
    console.error('Weekly rhythm: mail failed', error instanceof Error ? error.stack : error);
    throw new RunFailure(`the week's emails could not be prepared or sent: ${messageOf(error)}`, done);
  }
  if (mail.failures.length > 0) throw new RunFailure(`could not send ${mail.failures.join('; ')}`, done);
  return `${done} ${mail.summary[0]?.toUpperCase()}${mail.summary.slice(1)}.`;
}

/** One email to whoever set the rhythm up; if even that fails, the log is all that is left. */
function notifyFailure(ss: Spreadsheet, record: RhythmRecord, what: string, changed: string): void {
  try {
    const to = record.setUpBy !== '' ? record.setUpBy : Session.getEffectiveUser().getEmail();
    const context: MailContext = {
      title: ss.getName(),
      url: ss.getUrl(),
      now: serialInZone(new Date(), ss.getSpreadsheetTimeZone()),
    };
    send(to, failureEmail({ what, changed }, context));
  } catch (error) {
    console.error('Weekly rhythm: the failure email could not be sent', error instanceof Error ? error.stack : error);
  }
}

/** The trigger's entry point. */
export function weeklyRhythmRun(event?: GoogleAppsScript.Events.TimeDriven): void {
  // An add-on's trigger runs in the document it was created in; without one there is nothing
  // to read, nowhere to record the run, and no scope to open the spreadsheet by ID.
  const ss: Spreadsheet | null = SpreadsheetApp.getActiveSpreadsheet();
  if (ss === null) {
    console.error('Weekly rhythm: the trigger ran without its spreadsheet');
    return;
  }
  const { settings, record } = loadRhythm();
  const uid = typeof event?.triggerUid === 'string' ? event.triggerUid : null;
  // Only the rhythm's trigger runs it: a top-level function can also be called from a page
  // (google.script.run), which must not send anyone mail.
  if (uid === null) return;
  // A trigger that is no longer the rhythm's (turned off, or set up again by someone else) removes itself.
  if (!settings.enabled || record === null || record.triggerId !== uid) {
    retireTrigger(uid);
    return;
  }
  const at = new Date().toISOString();
  try {
    saveLastRun(record.triggerId, { at, ok: true, summary: runWeek(ss, settings) });
  } catch (error) {
    const failure = error instanceof RunFailure ? error : null;
    if (failure === null) console.error('Weekly rhythm failed', error instanceof Error ? error.stack : error);
    const what = failure?.message ?? `something went wrong: ${messageOf(error)}`;
    notifyFailure(ss, record, what, failure?.changed ?? NOTHING_CHANGED);
    saveLastRun(record.triggerId, { at, ok: false, summary: `Failed: ${what}` });
  }
}
