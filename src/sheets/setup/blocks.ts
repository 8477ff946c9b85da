/**
 * Set-up's writes of whole blocks (§6.1): a tab that held nothing gets its header row, live
 * formulas and first rows in one write; rows go under a header in one write; each row's values
 * get the number format of their unit. Each write on a tab that was not new is in the journal.
 */
import { columnLetter, rangeA1 } from '../../core/workbook/a1';
import { measureFormats, type TabFormats } from '../../core/workbook/measures';
import { type CheckInColumn, type KpiColumn, LEVELS, type OkrColumn } from '../../core/workbook/schema';
import { asText } from '../io';
import type { Journal } from '../journal';
import { measureFormatBlocks } from '../measure-formats';
import type { SetupWrites } from './sheet-writes';
import { type FirstRows, prepared, type Rows, type Slot } from './slots';
import type { Survey } from './survey';
import { type PreparedTable, tableBlock } from './tables';

export function writeHeaderBlock<K extends string>(
  journal: Journal,
  writes: SetupWrites,
  slot: Slot<K>,
  table: PreparedTable<K>,
  formulas: ReadonlyMap<number, string>,
  rows: Rows,
): void {
  const block = tableBlock(
    slot.layout,
    table.plan,
    formulas,
    rows.map((row) => row.map(asText)),
  );
  const width = block[0]?.length ?? 0;
  const where = `${table.name}!A1:${columnLetter(width - 1)}${block.length}`;
  writes.at(table.sheet, rangeA1(1, 1, block.length, width), (range) => {
    range.setValues(block);
    const change = table.newSheet
      ? undefined
      : journal.record(`${where}: headers${rows.length > 0 ? ' and rows' : ''}`, () => range.clearContent());
    if (!table.styled) {
      range.setFontWeights(
        block.map((_, r) =>
          new Array<GoogleAppsScript.Spreadsheet.FontWeight>(width).fill(r === 0 ? 'bold' : 'normal'),
        ),
      );
      if (change) change.what += ', the header row in bold';
    }
  });
  if (rows.length > 0 && !table.newSheet) writeRowFormats(journal, writes, slot, table, rows.length);
}

/** Rows under the header of a tab that holds only the header (Insert sample). */
export function writeRowsBelow<K extends string>(
  journal: Journal,
  writes: SetupWrites,
  slot: Slot<K>,
  table: PreparedTable<K>,
  rows: Rows,
): void {
  const block = tableBlock(
    slot.layout,
    table.plan,
    new Map(),
    rows.map((row) => row.map(asText)),
  ).slice(1);
  const width = block[0]?.length ?? 0;
  writes.at(table.sheet, rangeA1(2, 1, block.length, width), (range) => {
    range.setValues(block);
    journal.record(`${table.name}!A2:${columnLetter(width - 1)}${block.length + 1}: rows`, () => range.clearContent());
  });
  writeRowFormats(journal, writes, slot, table, rows.length);
}

/** The layout's number formats (dates, percents) on rows written into a tab that was not new. */
function writeRowFormats<K extends string>(
  journal: Journal,
  writes: SetupWrites,
  slot: Slot<K>,
  table: PreparedTable<K>,
  count: number,
) {
  for (const c of slot.layout.schema.columns) {
    const format = slot.layout.columns[c.key].format;
    if (!format || c.computed) continue;
    const column = table.plan.index[c.key];
    writes.at(table.sheet, rangeA1(2, column + 1, count, 1), (range) => {
      range.setNumberFormat(format);
      journal.record(`${table.name}!${columnLetter(column)}2:${columnLetter(column)}${count + 1}: number format`);
    });
  }
}

const LEVEL_GRID = { Corporate: 'corporate', Department: 'department', Team: 'team' } as const;

/**
 * §1.2 each row's values in its unit of measure: the rows that were there (from the survey) and
 * the first rows written now. One setNumberFormats per run of measured columns.
 */
export function measureFormatsOf(
  journal: Journal,
  writes: SetupWrites,
  survey: Survey,
  slots: {
    okr: readonly Slot<OkrColumn>[];
    kpis: Slot<KpiColumn>;
    checkIns: Slot<CheckInColumn> | undefined;
  },
  rows: FirstRows,
): void {
  const grids = {
    corporate: survey.okr.Corporate?.values,
    department: survey.okr.Department?.values,
    team: survey.okr.Team?.values,
    kpis: survey.kpis?.values,
    checkIns: survey.checkIns.tab?.values,
  };
  const existing = measureFormats(grids as Parameters<typeof measureFormats>[0]);
  const write = <K extends string>(slot: Slot<K> | undefined, before?: TabFormats<K>, added?: TabFormats<K>) => {
    if (slot === undefined) return;
    const table = prepared(slot);
    const queue = (columns: readonly number[], formats: readonly string[], done?: () => void) => {
      for (const block of measureFormatBlocks(columns, formats)) {
        writes.at(table.sheet, rangeA1(block.row, block.column, block.numRows, block.numColumns), (range) => {
          range.setNumberFormats(block.formats);
          done?.();
        });
      }
    };
    if (added !== undefined) {
      queue(
        added.keys.flatMap((key) => (table.plan.index[key] === undefined ? [] : [table.plan.index[key] as number])),
        added.formats,
      );
    } else if (before !== undefined && before.formats.length > 0) {
      const what = `${table.name}: number formats of ${before.keys.length} value columns (rows 2–${before.formats.length + 1}) in each row's unit`;
      let recorded = false;
      queue(before.columns, before.formats, () => {
        if (recorded) return;
        journal.record(what);
        recorded = true;
      });
    }
  };
  LEVELS.forEach((level, i) => {
    write(slots.okr[i], existing[LEVEL_GRID[level]], rows.formats?.okr?.[level]);
  });
  write(slots.kpis, existing.kpis, rows.formats?.kpis);
  write(slots.checkIns, existing.checkIns, rows.formats?.checkIns);
}
