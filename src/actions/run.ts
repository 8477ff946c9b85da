/**
 * Every menu action runs through here: it holds the document lock while it
 * writes, and turns any failure into one readable alert (details to the log),
 * so users never see a stack trace.
 */

/** A problem the user can fix; its message is shown as it is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

const LOCK_WAIT_MS = 10_000;

export function runAction(title: string, action: () => string | undefined): void {
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
  try {
    const summary = action();
    SpreadsheetApp.flush();
    if (summary) ui.alert(title, summary, ui.ButtonSet.OK);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof UserError)) console.error(`${title} failed`, error instanceof Error ? error.stack : error);
    const text = error instanceof UserError ? message : `Something went wrong: ${message}\n\nNothing else was changed.`;
    ui.alert(title, text, ui.ButtonSet.OK);
  } finally {
    lock.releaseLock();
  }
}
