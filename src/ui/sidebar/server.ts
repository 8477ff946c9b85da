/**
 * The sidebar's google.script.run targets (SidebarApi). Each one reads the tabs it
 * needs once, checks everything again with core rules (the page is never trusted),
 * and writes under the document lock. Replies are plain objects: no Dates cross over,
 * and each carries what the sidebar shows, never the whole workbook (§6.1).
 */
import { UserError } from '../../actions/run';
import { normalizeId } from '../../core/rollup';
import { CHECK_IN_SCHEMA, TAB } from '../../core/workbook/schema';
import { pageOf } from '../../shared/okr-lists';
import type {
  CheckInHistory,
  CheckInResult,
  OkrPage,
  RowDetail,
  SaveOkrResult,
  SelectedRow,
  SidebarApi,
  SidebarContext,
} from '../../shared/sidebar-api';
import { indexSheets } from '../../sheets/generated';
import { LOG_KIND, readOwnLog } from '../../sheets/own-logs';
import { recordCheckInIn } from './check-in';
import { itemAt, okrSummaries, type Selection, selectedRowOf, sidebarContextOf, workbookDateFormat } from './context';
import { serve, serveWrite } from './guard';
import { checkInHistoryOf } from './history';
import { checkInInputFrom, detailRefFrom, queryFrom, saveInputFrom } from './input';
import { saveOkrIn } from './save-okr';
import { loadOkrState, loadState } from './state';

function selectionOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Selection | null {
  const range = ss.getActiveRange();
  return range === null ? null : { tab: range.getSheet().getName(), row: range.getRow() };
}

/** What the sidebar opens with: the selected row, the lists' first pages, the forms' suggestions. */
export function sidebarContext(): SidebarContext {
  return serve('sidebarContext', () => {
    const state = loadOkrState();
    return sidebarContextOf(state, selectionOf(state.ss), workbookDateFormat(state));
  });
}

/** "Load selected row": the OKR row under the selection, or why there is none. */
export function selectedRow(): SelectedRow {
  return serve('selectedRow', () => {
    const state = loadOkrState();
    return selectedRowOf(state, selectionOf(state.ss));
  });
}

/** One page of a list the sidebar does not hold whole: what the user typed, matched here. */
export function searchOkrs(query: Parameters<SidebarApi['searchOkrs']>[0]): OkrPage {
  return serve('searchOkrs', () => pageOf(okrSummaries(loadOkrState()), queryFrom(query)));
}

/** One row in full, at its row if it still holds that ID, else wherever the ID moved. */
export function rowDetail(ref: Parameters<SidebarApi['rowDetail']>[0]): RowDetail {
  return serve('rowDetail', () => {
    const { tab, row, id } = detailRefFrom(ref);
    const state = loadOkrState();
    const key = normalizeId(id);
    const rows = state.workbook.okr.rows.filter((r) => r.tab === tab);
    const found = rows.find((r) => r.row === row && r.key === key) ?? rows.find((r) => key !== '' && r.key === key);
    const item = found === undefined ? undefined : itemAt(state, tab, found.row);
    if (item === undefined) {
      throw new UserError(`${id || `${tab} row ${row}`} is no longer on ${tab}: it was deleted or its ID changed.`);
    }
    return { item };
  });
}

/** Creates or edits one objective or key result (§5.1). */
export function saveOkr(input: Parameters<SidebarApi['saveOkr']>[0]): SaveOkrResult {
  return serveWrite('saveOkr', (journal) => saveOkrIn(loadState(), saveInputFrom(input), journal));
}

/** An item's recent check-ins (§5.1, §5.2): the Check-ins log read when the sidebar shows the item. */
export function checkInHistory(ref: Parameters<SidebarApi['checkInHistory']>[0]): CheckInHistory {
  return serve('checkInHistory', () => {
    const id = typeof ref?.id === 'string' ? ref.id.slice(0, 1000) : '';
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    // The add-on's own log, found by its mark: a user's sheet named Check-ins is not read as it (§6.3).
    const log = readOwnLog(
      indexSheets(ss),
      TAB.checkIns,
      LOG_KIND.checkIns,
      CHECK_IN_SCHEMA,
      ss.getSpreadsheetTimeZone(),
    );
    return checkInHistoryOf(log.grid, id);
  });
}

/** Records a check-in on a key result (§5.2). */
export function recordCheckIn(input: Parameters<SidebarApi['recordCheckIn']>[0]): CheckInResult {
  return serveWrite('recordCheckIn', (journal) => recordCheckInIn(loadState(), checkInInputFrom(input), journal));
}
