/**
 * Writing a few cells of one row without touching its neighbours: the cells are
 * grouped into runs of adjacent columns and each run is one setValues, so Score
 * formulas and the user's own columns between them are never overwritten, and the
 * number of calls depends on the header layout, never on the row count (§6.1).
 * Every write is recorded, so a failure can say exactly what changed (§6.2).
 */
import { columnLetter } from '../../core/workbook/a1';
import { writeBlock } from '../../sheets/io';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface CellWrite {
  /** 0-based column index. */
  readonly column: number;
  readonly value: unknown;
}

export class WriteLog {
  readonly written: string[] = [];

  /** One setValues per run of adjacent columns, on 1-based `row` of `tab` (the sheet's name). */
  writeRow(sheet: Sheet, tab: string, row: number, cells: readonly CellWrite[]): void {
    const sorted = [...cells].sort((a, b) => a.column - b.column);
    let i = 0;
    while (i < sorted.length) {
      let j = i + 1;
      while (j < sorted.length && (sorted[j] as CellWrite).column === (sorted[j - 1] as CellWrite).column + 1) j++;
      const run = sorted.slice(i, j);
      const first = (run[0] as CellWrite).column;
      writeBlock(sheet, row, first + 1, [run.map((c) => c.value)]);
      const last = first + run.length - 1;
      const a1 = `${columnLetter(first)}${row}${last > first ? `:${columnLetter(last)}${row}` : ''}`;
      this.written.push(`${tab}!${a1}`);
      i = j;
    }
  }

  /** After the writes were undone: the workbook is as it was. */
  forget(): void {
    this.written.length = 0;
  }

  /** For a message after a failure: what this call had already written. */
  summary(): string {
    return this.written.length === 0 ? 'Nothing was changed.' : `Already written: ${this.written.join(', ')}.`;
  }
}
