/**
 * §4.5 the History tab after a snapshot, as one block from row 1: the header,
 * every earlier row as it was, then today's rows. Rows already dated today are
 * replaced (a second snapshot the same day), nothing else is dropped but blank
 * rows. Columns are found by header, so a reordered History keeps its order.
 */
import { isBlank, readDate } from '../../core/values';
import { HISTORY_SCHEMA, type HistoryColumn, headerRow, mapHeaders, TAB } from '../../core/workbook/schema';
import type { Grid } from '../../core/workbook/table';
import type { Workbook } from '../../core/workbook/workbook';
import { asText } from '../io';

export interface HistoryMerge {
  /** Header row, kept rows, today's rows; every row `width` wide. */
  readonly rows: unknown[][];
  readonly width: number;
  /** 0-based column of each History column in `rows`. */
  readonly columns: Readonly<Record<HistoryColumn, number>>;
  readonly kept: number;
  readonly replaced: number;
  readonly added: number;
}

function columnsOf(grid: Grid | undefined): { header: unknown[]; columns: Record<HistoryColumn, number> } {
  const first = grid?.[0] ?? [];
  if (first.every(isBlank)) {
    const header = headerRow(HISTORY_SCHEMA);
    const columns = {} as Record<HistoryColumn, number>;
    HISTORY_SCHEMA.columns.forEach((c, i) => {
      columns[c.key] = i;
    });
    return { header: [...header, ...first.slice(header.length)], columns };
  }
  const map = mapHeaders(TAB.history, first, HISTORY_SCHEMA);
  const header = [...first];
  const columns = {} as Record<HistoryColumn, number>;
  for (const c of HISTORY_SCHEMA.columns) {
    const at = map.index[c.key];
    if (at !== undefined) columns[c.key] = at;
    else {
      // A History column someone deleted comes back at the right end.
      columns[c.key] = header.length;
      header.push(c.header);
    }
  }
  return { header, columns };
}

/** Today's Score, Expected and Status of every OKR row with an ID (the first row of a duplicate ID). */
function todaysRows(workbook: Workbook, columns: Record<HistoryColumn, number>, width: number): unknown[][] {
  const { rows, rollup } = workbook.scores;
  const out: unknown[][] = [];
  rows.forEach(({ row, score, expected, status }, i) => {
    if (row.key === '' || rollup.nodeIndex.get(row.key) !== i) return;
    const cells: unknown[] = Array(width).fill('');
    cells[columns.date] = workbook.asOfDay;
    cells[columns.level] = row.level;
    cells[columns.id] = row.id;
    cells[columns.title] = row.title;
    cells[columns.score] = score.ok && score.value !== null ? score.value : '';
    cells[columns.expected] = expected.ok ? expected.value : '';
    cells[columns.status] = status.ok && status.value !== null ? status.value : '';
    out.push(cells);
  });
  return out;
}

export function mergeHistory(grid: Grid | undefined, workbook: Workbook): HistoryMerge {
  const { header, columns } = columnsOf(grid);
  const width = Math.max(header.length, ...(grid ?? []).map((r) => r.length));
  const pad = (row: readonly unknown[]): unknown[] => {
    const cells = [...row];
    while (cells.length < width) cells.push('');
    return cells;
  };
  const ours = new Set(Object.values(columns));
  const today = Math.floor(workbook.asOfDay);
  const kept: unknown[][] = [];
  let replaced = 0;
  for (const row of (grid ?? []).slice(1)) {
    if (row.every(isBlank)) continue;
    const date = readDate(row[columns.date]);
    if (date.ok && date.value !== null && Math.floor(date.value) === today) {
      replaced++;
      continue;
    }
    // Our columns are plain text or numbers; any other column's text must not turn into a formula.
    kept.push(pad(row).map((v, c) => (ours.has(c) ? v : asText(v))));
  }
  const added = todaysRows(workbook, columns, width);
  return {
    rows: [pad(header), ...kept, ...added],
    width,
    columns,
    kept: kept.length,
    replaced,
    added: added.length,
  };
}
