/**
 * The sidebar's google.script.run targets (SidebarApi). Each one reads every tab
 * once, checks everything again with core rules (the page is never trusted), and
 * writes under the document lock. Replies are plain objects: no Dates cross over.
 */
import type { CheckInResult, SaveOkrResult, SidebarApi, SidebarContext } from '../../shared/sidebar-api';
import { recordCheckInIn } from './check-in';
import { type Selection, sidebarContextOf } from './context';
import { serve, withDocumentLock } from './guard';
import { checkInInputFrom, saveInputFrom } from './input';
import { saveOkrIn } from './save-okr';
import { loadState } from './state';
import { WriteLog } from './writes';

function selectionOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Selection | null {
  const range = ss.getActiveRange();
  return range === null ? null : { tab: range.getSheet().getName(), row: range.getRow() };
}

/** Everything the sidebar shows, with the OKR row under the selection loaded. */
export function sidebarContext(): SidebarContext {
  return serve('sidebarContext', () => {
    const state = loadState();
    return sidebarContextOf(state, selectionOf(state.ss));
  });
}

/** Creates or edits one objective or key result (§5.1). */
export function saveOkr(input: Parameters<SidebarApi['saveOkr']>[0]): SaveOkrResult {
  const log = new WriteLog();
  return serve('saveOkr', () => withDocumentLock(() => saveOkrIn(loadState(), saveInputFrom(input), log)), log);
}

/** Records a check-in on a key result (§5.2). */
export function recordCheckIn(input: Parameters<SidebarApi['recordCheckIn']>[0]): CheckInResult {
  const log = new WriteLog();
  return serve(
    'recordCheckIn',
    () => withDocumentLock(() => recordCheckInIn(loadState(), checkInInputFrom(input), log)),
    log,
  );
}
