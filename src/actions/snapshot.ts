/**
 * Record snapshot (§4.5): today's Score, Expected and Status of every OKR row,
 * appended to History; a second snapshot the same day replaces that day's rows.
 * History belongs to the add-on, so its whole block is rewritten in one
 * setValues — with every earlier day's row in it, never fewer.
 */
import { HISTORY_SCHEMA, type HistoryColumn, TAB } from '../core/workbook/schema';
import { readWorkbook, type Workbook, type WorkbookGrids } from '../core/workbook/workbook';
import { todaySerial } from '../sheets/dates';
import { DATE_FORMAT, ensureColumns, fitRows, PERCENT_FORMAT, TEXT_FORMAT } from '../sheets/report-sheet';
import { mergeHistory } from '../sheets/reports/history';
import { noOkrRowsMessage } from '../sheets/reports/okr-guard';
import { isoDay, plural } from '../sheets/reports/style';
import { readWorkbookGrids } from '../sheets/workbook';
import { runAction, UserError } from './run';

const HISTORY_FORMATS: Readonly<Record<HistoryColumn, string>> = {
  date: DATE_FORMAT,
  level: TEXT_FORMAT,
  id: TEXT_FORMAT,
  title: TEXT_FORMAT,
  score: PERCENT_FORMAT,
  expected: PERCENT_FORMAT,
  status: TEXT_FORMAT,
};

export interface SnapshotWritten {
  /** The snapshot's day, a Sheets serial. */
  readonly day: number;
  readonly added: number;
  readonly kept: number;
  readonly replaced: number;
}

/**
 * Writes today's rows into History from the tabs as read. It shows nothing (the weekly
 * run calls it from a trigger, which has no UI) and throws a UserError when there is
 * nothing to record, before writing anything.
 */
export function writeSnapshot(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  grids: WorkbookGrids,
  workbook: Workbook,
): SnapshotWritten {
  const nothing = noOkrRowsMessage(workbook);
  if (nothing !== undefined) throw new UserError(nothing);
  const merged = mergeHistory(grids.history, workbook);
  if (merged.added === 0)
    throw new UserError('No OKR row has an ID, so there is nothing to record: give each row an ID.');
  const sheet = ss.getSheetByName(TAB.history) ?? ss.insertSheet(TAB.history);
  const total = merged.rows.length;
  fitRows(sheet, total);
  ensureColumns(sheet, merged.width);
  // Formats first, so that IDs and titles stay text and dates show as dates.
  for (const c of HISTORY_SCHEMA.columns) {
    sheet.getRange(2, merged.columns[c.key] + 1, total - 1, 1).setNumberFormat(HISTORY_FORMATS[c.key]);
  }
  sheet.getRange(1, 1, total, merged.width).setValues(merged.rows);
  sheet.getRange(1, 1, 1, merged.width).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return { day: workbook.asOfDay, added: merged.added, kept: merged.kept, replaced: merged.replaced };
}

/** `History: 37 rows recorded for 2027-02-15; 0 earlier rows kept.` */
export function snapshotSummary(written: SnapshotWritten): string {
  const replaced = written.replaced > 0 ? ` (replacing the ${written.replaced} recorded earlier today)` : '';
  return `History: ${plural(written.added, 'row')} recorded for ${isoDay(written.day)}${replaced}; ${plural(written.kept, 'earlier row')} kept.`;
}

export function recordSnapshot(): void {
  runAction('Record snapshot', () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = ss.getSpreadsheetTimeZone();
    const grids = readWorkbookGrids(ss, timeZone);
    const workbook = readWorkbook(grids, todaySerial(timeZone));
    return snapshotSummary(writeSnapshot(ss, grids, workbook));
  });
}
