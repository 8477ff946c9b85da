/**
 * Record snapshot (§4.5): today's Score, Expected and Status of every OKR row,
 * appended to History; a second snapshot the same day replaces that day's rows.
 * History belongs to the add-on, so its whole block is rewritten in one
 * setValues — with every earlier day's row in it, never fewer.
 */
import { HISTORY_SCHEMA, type HistoryColumn, TAB } from '../core/workbook/schema';
import { readWorkbook } from '../core/workbook/workbook';
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

export function recordSnapshot(): void {
  runAction('Record snapshot', () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = ss.getSpreadsheetTimeZone();
    const grids = readWorkbookGrids(ss, timeZone);
    const workbook = readWorkbook(grids, todaySerial(timeZone));
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

    const day = isoDay(workbook.asOfDay);
    const replaced = merged.replaced > 0 ? ` (replacing the ${merged.replaced} recorded earlier today)` : '';
    return `History: ${plural(merged.added, 'row')} recorded for ${day}${replaced}; ${plural(merged.kept, 'earlier row')} kept.`;
  });
}
