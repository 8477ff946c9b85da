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
  KpiSummary,
  OkrItem,
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
import {
  itemAt,
  kpiSummaries as kpiSummariesOf,
  okrSummaries,
  type Selection,
  selectedRowOf,
  sidebarContextOf,
  workbookDateFormat,
} from './context';
import { serve, serveWrite } from './guard';
import { checkInHistoryOf } from './history';
import { checkInInputFrom, detailRefFrom, queryFrom, saveInputFrom } from './input';
import { saveOkrIn } from './save-okr';
import { loadOkrState, loadState, type SidebarState } from './state';

function selectionOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Selection | null {
  const range = ss.getActiveRange();
  return range === null ? null : { tab: range.getSheet().getName(), row: range.getRow() };
}

/** A measured key result with its recent check-ins: the log is read only for such a row. */
function withHistory(state: SidebarState, item: OkrItem): OkrItem {
  if (!item.measured || item.id === '' || item.history !== undefined) return item;
  const grid = state.logs === undefined ? checkInLog(state.ss, state.timeZone) : state.grids.checkIns;
  return { ...item, history: checkInHistoryOf(grid, item.id) };
}

function selectedWithHistory<T extends SelectedRow>(state: SidebarState, shown: T): T {
  return shown.selected === null ? shown : { ...shown, selected: withHistory(state, shown.selected) };
}

/** What the sidebar opens with: the selected row, the lists' first pages, the forms' suggestions. */
export function sidebarContext(): SidebarContext {
  return serve('sidebarContext', () => {
    const state = loadOkrState();
    return selectedWithHistory(state, sidebarContextOf(state, selectionOf(state.ss), workbookDateFormat(state)));
  });
}

/** "Load selected row": the OKR row under the selection, or why there is none. */
export function selectedRow(): SelectedRow {
  return serve('selectedRow', () => {
    const state = loadOkrState();
    return selectedWithHistory(state, selectedRowOf(state, selectionOf(state.ss)));
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
    return { item: withHistory(state, item) };
  });
}

/** Creates or edits one objective or key result (§5.1). */
export function saveOkr(input: Parameters<SidebarApi['saveOkr']>[0]): SaveOkrResult {
  return serveWrite('saveOkr', (journal) => {
    const state = loadState();
    const result = saveOkrIn(state, saveInputFrom(input), journal);
    return result.status === 'saved' ? { ...result, saved: withHistory(state, result.saved) } : result;
  });
}

/** An item's recent check-ins (§5.1, §5.2): the Check-ins log read when the sidebar shows the item. */
export function checkInHistory(ref: Parameters<SidebarApi['checkInHistory']>[0]): CheckInHistory {
  return serve('checkInHistory', () => {
    const id = typeof ref?.id === 'string' ? ref.id.slice(0, 1000) : '';
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return checkInHistoryOf(checkInLog(ss, ss.getSpreadsheetTimeZone()), id);
  });
}

/** The add-on's own log, found by its mark: a user's sheet named Check-ins is not read as it (§6.3). */
function checkInLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string) {
  return readOwnLog(indexSheets(ss), TAB.checkIns, LOG_KIND.checkIns, CHECK_IN_SCHEMA, timeZone).grid;
}

/** The KPIs a check-in can update (§5.2), asked for when the Check-in panel lists KPIs. */
export function kpiSummaries(): readonly KpiSummary[] {
  return serve('kpiSummaries', () => kpiSummariesOf(loadState()));
}

/** Records a check-in on a key result (§5.2). */
export function recordCheckIn(input: Parameters<SidebarApi['recordCheckIn']>[0]): CheckInResult {
  return serveWrite('recordCheckIn', (journal) => recordCheckInIn(loadState(), checkInInputFrom(input), journal));
}
