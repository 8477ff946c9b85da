/**
 * Set-up's writes into cells, queued per sheet and made together, so that a sheet's ranges cost
 * two service calls however many blocks are written there (§6.1: Set up has a budget of 150
 * calls): Sheet.getRangeList takes every A1 notation at once
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String))
 * and RangeList.getRanges returns their ranges
 * (https://developers.google.com/apps-script/reference/spreadsheet/range-list#getRanges()); a
 * sheet with one range takes it from Sheet.getRange. Writes run in the order they were queued,
 * each recording itself in the journal as it runs (§6.3). Writes that change a sheet's shape
 * (rows and columns added) are made at once, before any range is fetched.
 */
import { columnLetter } from '../../core/workbook/a1';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * `P2:Q`: 0-based columns from `row` to the sheet's last row, open-ended (a range with no end
 * row covers every row the sheet has:
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#GridRange).
 */
export function openA1(row: number, first: number, last: number): string {
  return `${columnLetter(first)}${row}:${columnLetter(last)}`;
}

/**
 * The size of a tab that set-up grows. The survey reads it for every tab that may need rows or
 * columns it lacks (survey.ts); elsewhere it is left unread, and growing there is a bug.
 */
export function knownSize(read: { readonly name: string; readonly maxRows?: number; readonly maxColumns?: number }): {
  maxRows: number;
  maxColumns: number;
} {
  if (read.maxRows === undefined || read.maxColumns === undefined) {
    throw new Error(`Set up: the size of "${read.name}" was not read`);
  }
  return { maxRows: read.maxRows, maxColumns: read.maxColumns };
}

interface Queued {
  readonly a1: string;
  readonly write: (range: Range) => void;
}

/** One sheet's queued writes. */
class SheetQueue {
  readonly queued: Queued[] = [];
  constructor(readonly sheet: Sheet) {}

  make(): void {
    const queued = this.queued.splice(0);
    if (queued.length === 0) return;
    const a1s = [...new Set(queued.map((q) => q.a1))];
    const ranges =
      a1s.length === 1 ? [this.sheet.getRange(a1s[0] as string)] : this.sheet.getRangeList(a1s).getRanges();
    const byA1 = new Map(a1s.map((a1, i) => [a1, ranges[i] as Range]));
    for (const { a1, write } of queued) write(byA1.get(a1) as Range);
  }
}

export class SetupWrites {
  private readonly queues = new Map<Sheet, SheetQueue>();

  /** Queues `write` on the range `a1` of `sheet`. */
  at(sheet: Sheet, a1: string, write: (range: Range) => void): void {
    let queue = this.queues.get(sheet);
    if (queue === undefined) {
      queue = new SheetQueue(sheet);
      this.queues.set(sheet, queue);
    }
    queue.queued.push({ a1, write });
  }

  /** Makes the writes queued on `sheet` (a sheet about to be copied), or on every sheet. */
  make(sheet?: Sheet): void {
    if (sheet !== undefined) this.queues.get(sheet)?.make();
    else for (const queue of this.queues.values()) queue.make();
  }
}
