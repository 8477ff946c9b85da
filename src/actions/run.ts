/**
 * Every menu action runs through here: it holds the document lock while it
 * writes, and turns any failure into one readable alert (details to the log),
 * so users never see a stack trace. The action records each write in the journal
 * (§6.3); on failure what it wrote is undone, and the alert says exactly what
 * stayed changed, or that nothing was.
 */
import { changedText, Journal } from '../sheets/journal';

/** A problem the user can fix; its message is shown as it is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

const LOCK_WAIT_MS = 10_000;

/** An error's message, whatever made it (a service's exception may not be an Error of this script's own). */
export function errorMessage(error: unknown): string {
  if (error !== null && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

export function runAction(title: string, action: (journal: Journal) => string | undefined): void {
  const ui = SpreadsheetApp.getUi();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    ui.alert(
      title,
      'Another OKR Cascade action is still running in this spreadsheet. Try again in a moment.',
      ui.ButtonSet.OK,
    );
    return;
  }
  const journal = new Journal();
  let text: string | undefined;
  try {
    text = action(journal);
    SpreadsheetApp.flush();
  } catch (error) {
    // Undone under the lock; the alert waits for the user, so it comes after the lock is released.
    text = failureText(title, error, journal);
  } finally {
    lock.releaseLock();
  }
  if (text) ui.alert(title, text, ui.ButtonSet.OK);
}

/**
 * The alert after a failure: the error, then what the workbook holds after the journal's
 * roll-back. A UserError written before anything changed is shown as it is.
 */
export function failureText(title: string, error: unknown, journal: Journal): string {
  const message = errorMessage(error);
  if (!(error instanceof UserError)) console.error(`${title} failed`, error instanceof Error ? error.stack : error);
  const wrote = !journal.isEmpty;
  const left = journal.rollBack();
  if (error instanceof UserError && !wrote) return message;
  const lead = error instanceof UserError ? message : `Something went wrong: ${message.replace(/\.$/, '')}.`;
  return `${lead}\n\n${changedText(left)}`;
}
