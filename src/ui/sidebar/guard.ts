/**
 * How a google.script.run call fails: the page's failure handler gets an Error and
 * shows its message, so every message here is one a PMO leader can act on. A
 * UserError's message goes as it is; anything else is logged with its stack and
 * reported in one line with what was (not) changed — never a stack trace.
 */
import { UserError } from '../../actions/run';
import type { WriteLog } from './writes';

const LOCK_WAIT_MS = 10_000;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function serve<T>(name: string, call: () => T, log?: WriteLog): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof UserError) throw new Error(error.message);
    console.error(`${name} failed`, error instanceof Error ? error.stack : error);
    const changed = log === undefined ? '' : ` ${log.summary()}`;
    throw new Error(`Something went wrong: ${messageOf(error).replace(/\.$/, '')}.${changed}`);
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
