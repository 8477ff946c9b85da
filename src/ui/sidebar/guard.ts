/**
 * How a google.script.run call fails: the page's failure handler gets an Error and
 * shows its message, so every message here is one a PMO leader can act on. A
 * UserError's message goes as it is; anything else is logged with its stack and
 * reported in one line with what was (not) changed — never a stack trace. A call
 * that writes records its writes in a journal; on failure they are undone under the
 * lock, and the message says exactly what stayed changed (§6.3).
 */
import { errorMessage, UserError } from '../../actions/run';
import { changedText, Journal, type RolledBack } from '../../sheets/journal';

const LOCK_WAIT_MS = 10_000;

const messageOf = errorMessage;

/** A failed write, after its roll-back: the cause, and what the workbook holds now. */
class UndoneFailure extends Error {
  constructor(
    readonly original: unknown,
    readonly left: RolledBack,
  ) {
    super(messageOf(original));
  }
}

export function serve<T>(name: string, call: () => T): T {
  try {
    return call();
  } catch (thrown) {
    const failure = thrown instanceof UndoneFailure ? thrown : null;
    const error = failure === null ? thrown : failure.original;
    const changed = failure === null ? '' : changedText(failure.left);
    if (error instanceof UserError) {
      throw new Error(changed === '' ? error.message : `${error.message} ${changed}`);
    }
    console.error(`${name} failed`, error instanceof Error ? error.stack : error);
    const lead = `Something went wrong: ${messageOf(error).replace(/\.$/, '')}.`;
    throw new Error(changed === '' ? lead : `${lead} ${changed}`);
  }
}

/** Runs `write` holding the document lock (§6.2), so reading, checking and writing are one step. */
export function withDocumentLock<T>(write: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new UserError('Another OKR Cascade action is still running in this spreadsheet. Try again in a moment.');
  }
  try {
    const result = write();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}

/**
 * A call that writes: under the lock, with a journal; a failure is undone before the lock
 * is released, and serve reports what stayed changed.
 */
export function serveWrite<T>(name: string, write: (journal: Journal) => T): T {
  return serve(name, () =>
    withDocumentLock(() => {
      const journal = new Journal();
      try {
        return write(journal);
      } catch (error) {
        if (journal.isEmpty) throw error;
        throw new UndoneFailure(error, journal.rollBack());
      }
    }),
  );
}
