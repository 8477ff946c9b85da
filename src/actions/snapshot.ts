/**
 * Record snapshot (§4.5): today's Score, Expected and Status of every OKR row,
 * appended to History; a second snapshot the same day replaces that day's rows.
 * History is the add-on's own log, found by its mark (§6.3; a user's sheet named
 * History is left alone). Its rows are written in one setValues after every check,
 * from the first row that changes (usually just today's rows); the few calls before
 * it (room for the rows, their number formats) are undone if anything fails.
 */
import { fitCell } from '../core/cell-text';
import { HISTORY_SCHEMA, type HistoryColumn } from '../core/workbook/schema';
import { readWorkbook, type Workbook } from '../core/workbook/workbook';
import { a1Of, growSheet, readCellsBefore, restoreFormats } from '../sheets/cells';
import { todaySerial } from '../sheets/dates';
import type { Journal } from '../sheets/journal';
import { createOwnLog, logMovedNote, NEW_SHEET_SIZE, type OwnLog } from '../sheets/own-logs';
import { DATE_FORMAT, NO_FORMAT, PERCENT_FORMAT, TEXT_FORMAT } from '../sheets/report-sheet';
import { mergeHistory } from '../sheets/reports/history';
import { noOkrRowsMessage } from '../sheets/reports/okr-guard';
import { isoDay, plural } from '../sheets/reports/style';
import { colourNewSheetStatuses, colourStatusesOver } from '../sheets/setup/colours';
import { type ReadWorkbook, readWorkbookSheets } from '../sheets/workbook';
import { runAction, UserError } from './run';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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
  /** The log as it was found (its name, or the user's sheet that holds the name). */
  readonly log: OwnLog;
}

const sameCell = (a: unknown, b: unknown) => (a ?? '') === (b ?? '');

/** 0-based index of the first row of `next` that differs from `grid` (their length when none does). */
function firstChangedRow(grid: readonly (readonly unknown[])[], next: readonly (readonly unknown[])[]): number {
  const rows = Math.max(grid.length, next.length);
  for (let r = 0; r < rows; r++) {
    const a = grid[r] ?? [];
    const b = next[r] ?? [];
    const width = Math.max(a.length, b.length);
    for (let c = 0; c < width; c++) if (!sameCell(a[c], b[c])) return r;
  }
  return rows;
}

/**
 * Writes today's rows into History from the tabs as read. It shows nothing (the weekly
 * run calls it from a trigger, which has no UI) and throws a UserError when there is
 * nothing to record, before writing anything. Every write is recorded in `journal`.
 */
export function writeSnapshot(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  read: Pick<ReadWorkbook, 'sheets'>,
  workbook: Workbook,
  journal: Journal,
): SnapshotWritten {
  const nothing = noOkrRowsMessage(workbook);
  if (nothing !== undefined) throw new UserError(nothing);
  const log = read.sheets.history;
  const merged = mergeHistory(log.grid, workbook);
  if (merged.added === 0)
    throw new UserError('No OKR row has an ID, so there is nothing to record: give each row an ID.');
  const { width } = merged;
  const rows = merged.rows.map((row) => row.map(fitCell));
  const total = rows.length;
  const formatRow = Array.from({ length: width }, () => '');
  for (const c of HISTORY_SCHEMA.columns) formatRow[merged.columns[c.key]] = HISTORY_FORMATS[c.key];

  let sheet: Sheet;
  let first: number;
  let end: number;
  let rulesBefore: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] | undefined;
  if (log.sheet === null) {
    sheet = createOwnLog(ss, journal, log, width);
    // §2.5 colours on Status, open-ended so that later snapshots' rows are coloured too.
    colourNewSheetStatuses(sheet, merged.columns.status);
    // Rows and columns a new sheet gets go with it when its creation is undone.
    if (total > NEW_SHEET_SIZE.maxRows) sheet.insertRowsAfter(NEW_SHEET_SIZE.maxRows, total - NEW_SHEET_SIZE.maxRows);
    if (width > NEW_SHEET_SIZE.maxColumns)
      sheet.insertColumnsAfter(NEW_SHEET_SIZE.maxColumns, width - NEW_SHEET_SIZE.maxColumns);
    sheet
      .getRange(2, 1, total - 1, width)
      .setNumberFormats(rows.slice(1).map(() => formatRow.map((f) => f || NO_FORMAT)));
    first = 0;
    end = total;
  } else {
    sheet = log.sheet;
    const grid = log.grid ?? [];
    // §2.5 A History holding no row yet gets its Status colours with its first rows: Set up
    // leaves them to this snapshot (survey.ts). Its rules are read before anything is written.
    rulesBefore = grid.length <= 1 ? sheet.getConditionalFormatRules() : undefined;
    first = firstChangedRow(grid, rows);
    end = Math.max(total, grid.length);
    // Formats of the rows about to be written, read before any write, so they can be put back.
    const from = Math.max(first, 1);
    const existingRows = Math.min(total, log.maxRows) - from;
    const existingColumns = Math.min(width, log.maxColumns);
    const before =
      existingRows > 0 ? readCellsBefore(sheet, log.tab, from + 1, 1, existingRows, existingColumns) : null;
    growSheet(journal, sheet, log.tab, log, total, width);
    // One call formats every row about to be written: those that existed are put back from
    // `before` if anything fails; rows and columns just added go with their deletion.
    if (total > from) {
      const formats = Array.from({ length: total - from }, (_, r) =>
        formatRow.map((f, c) => f || before?.formats[r]?.[c] || NO_FORMAT),
      );
      const range = sheet.getRange(from + 1, 1, total - from, width);
      range.setNumberFormats(formats);
      if (before !== null) {
        const where = a1Of(log.name, from + 1, 1, existingRows, existingColumns);
        journal.record(`${where} (History columns): number format`, () => restoreFormats(before));
      }
    }
  }
  if (rulesBefore !== undefined && colourStatusesOver(sheet, merged.columns.status, rulesBefore)) {
    const before = rulesBefore;
    journal.record(`${log.name}: Status colours (conditional formatting)`, () =>
      sheet.setConditionalFormatRules([...before]),
    );
  }
  // The snapshot itself: one call, the last one (§6.3). Rows past the new end are blanked.
  const block = Array.from({ length: end - first }, (_, k) => rows[first + k] ?? Array(width).fill(''));
  if (block.length > 0) sheet.getRange(first + 1, 1, block.length, width).setValues(block);
  return { day: workbook.asOfDay, added: merged.added, kept: merged.kept, replaced: merged.replaced, log };
}

/** `History: 37 rows recorded for 2027-02-15; 0 earlier rows kept.` */
export function snapshotSummary(written: SnapshotWritten): string {
  const replaced = written.replaced > 0 ? ` (replacing the ${written.replaced} recorded earlier today)` : '';
  return (
    `${written.log.name}: ${plural(written.added, 'row')} recorded for ${isoDay(written.day)}${replaced}; ${plural(written.kept, 'earlier row')} kept.` +
    (written.log.nameTakenByUser === undefined ? '' : `\n${logMovedNote(written.log)}`)
  );
}

export function recordSnapshot(): void {
  runAction('Record snapshot', (journal) => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = ss.getSpreadsheetTimeZone();
    const read = readWorkbookSheets(ss, timeZone);
    const workbook = readWorkbook(read.grids, todaySerial(timeZone));
    return snapshotSummary(writeSnapshot(ss, read, workbook, journal));
  });
}
