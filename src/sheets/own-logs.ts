/**
 * §6.3 the add-on's own logs, History and Check-ins, are recognised by their mark
 * (developer metadata, as generated reports are), never by name alone. A log made before
 * logs were marked is still the add-on's when it holds the name and the log's header row
 * (the rule Set up applies, src/sheets/setup/tables.ts); a sheet of the name holding
 * anything else is a user's, left alone, and the log goes on `History (OKR Cascade)`.
 */
import { mapHeaders, type TableSchema } from '../core/workbook/schema';
import { withSerialDates } from './dates';
import { GENERATED_KEY, NEW_SHEET_SIZE, type SheetsIndex } from './generated';

export { NEW_SHEET_SIZE };

import type { Journal } from './journal';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const LOG_KIND = { history: 'history', checkIns: 'check-ins' } as const;
export type LogKind = (typeof LOG_KIND)[keyof typeof LOG_KIND];

export interface OwnLog {
  readonly tab: string;
  readonly kind: LogKind;
  /** The log's sheet, or null when there is none yet. */
  readonly sheet: Sheet | null;
  /** Its name: the sheet's as read, else the name a new log gets. */
  readonly name: string;
  /** Found by its mark (false for a log recognised by its name and header row, or none). */
  readonly marked: boolean;
  /** Its cells as read (dates as serials), undefined without a sheet. */
  readonly grid: unknown[][] | undefined;
  /** Its size as read, for growing it without reading it again after a write. */
  readonly maxRows: number;
  readonly maxColumns: number;
  /** Where a new log goes: the tab's name, or `History (OKR Cascade)` when a user's sheet has it. */
  readonly newName: string;
  /** Set when a user's sheet holds the tab's name. */
  readonly nameTakenByUser?: string;
}

function readLog(sheet: Sheet, timeZone: string): unknown[][] {
  return withSerialDates(sheet.getDataRange().getValues(), timeZone);
}

/** Is this grid a log of ours made before logs were marked: its header row is the log's? */
function isUnmarkedLog(tab: string, grid: readonly unknown[][], schema: TableSchema<string>): boolean {
  const header = grid[0];
  return header !== undefined && mapHeaders(tab, header, schema).usable;
}

function freeName(index: SheetsIndex, tab: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${tab} (OKR Cascade)` : `${tab} (OKR Cascade ${n})`;
    if (!index.names.has(name.toLowerCase())) return name;
  }
}

/** Finds and reads the log (each sheet once); a user's sheet of its name is neither read as it nor written. */
export function readOwnLog(
  index: SheetsIndex,
  tab: string,
  kind: LogKind,
  schema: TableSchema<string>,
  timeZone: string,
): OwnLog {
  const marked = index.marked.get(kind);
  const named = index.byName.get(tab.toLowerCase());
  const found = (sheet: Sheet, grid: unknown[][]): OwnLog => ({
    tab,
    kind,
    sheet,
    marked: sheet === marked,
    name: index.nameOf.get(sheet) ?? sheet.getName(),
    grid,
    maxRows: sheet.getMaxRows(),
    maxColumns: sheet.getMaxColumns(),
    newName: tab,
  });
  if (marked !== undefined) {
    const log = found(marked, readLog(marked, timeZone));
    // A user's sheet holds the name: messages say where the log is.
    return named !== undefined && named !== marked ? { ...log, nameTakenByUser: tab } : log;
  }
  if (named !== undefined) {
    const grid = readLog(named, timeZone);
    if (isUnmarkedLog(tab, grid, schema)) return found(named, grid);
    const newName = freeName(index, tab);
    const none = { tab, kind, sheet: null, marked: false, name: newName, grid: undefined, maxRows: 0, maxColumns: 0 };
    return { ...none, newName, nameTakenByUser: tab };
  }
  return {
    tab,
    kind,
    sheet: null,
    marked: false,
    name: tab,
    grid: undefined,
    maxRows: 0,
    maxColumns: 0,
    newName: tab,
  };
}

/** Marks a sheet as the add-on's log of `kind` (Set up marks the logs it creates with this too). */
export function markOwnLog(sheet: Sheet, kind: LogKind): void {
  sheet.addDeveloperMetadata(GENERATED_KEY, kind);
}

/**
 * Creates the log's sheet (named as `log.newName`), marked and with its header row frozen and
 * bold; recorded in the journal, whose undo deletes it with whatever was written in it.
 */
export function createOwnLog(ss: Spreadsheet, journal: Journal, log: OwnLog, width: number): Sheet {
  const sheet = ss.insertSheet(log.newName);
  journal.record(`a new sheet "${log.newName}", with what was written in it`, () => ss.deleteSheet(sheet));
  markOwnLog(sheet, log.kind);
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  return sheet;
}

/** `A sheet of yours is named "History", so it was left alone and the log is on "History (OKR Cascade)".`, or ''. */
export function logMovedNote(log: OwnLog): string {
  if (log.nameTakenByUser === undefined) return '';
  const where = log.sheet === null ? log.newName : log.name;
  return `A sheet of yours is named "${log.nameTakenByUser}", so it was left alone and the log is on "${where}".`;
}
