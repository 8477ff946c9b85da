/**
 * A tab's values as read in one call: a 2D array, row 1 the headers. This turns it
 * into rows of named cells, whatever order the user put the columns in.
 */
import { isBlank } from '../values';
import { type Finding, type Rule, type Severity, tabFinding } from './findings';
import { type HeaderMap, mapHeaders, shownHeader, type TableSchema } from './schema';

/** Raw cell values: numbers, strings, booleans, Dates (maybe from another realm), "" for empty. */
export type Grid = readonly (readonly unknown[])[];

export interface TableRow<K extends string> {
  /** 1-based sheet row. */
  readonly row: number;
  /** Every known column; "" for a column the tab does not have. */
  readonly cells: Readonly<Record<K, unknown>>;
}

export interface Table<K extends string> {
  readonly tab: string;
  readonly schema: TableSchema<K>;
  readonly header: HeaderMap<K>;
  /** Non-blank rows in sheet order; empty when the header is not usable. */
  readonly rows: readonly TableRow<K>[];
}

/**
 * Reads a table. A row whose input columns (all but the computed ones) are all blank is
 * skipped, wherever it stands: computed columns filled down past the data, or an
 * empty line between two units, are not rows.
 */
export function readTable<K extends string>(tab: string, grid: Grid, schema: TableSchema<K>): Table<K> {
  const header = mapHeaders(tab, grid[0] ?? [], schema);
  if (!header.usable) return { tab, schema, header, rows: [] };
  // Where each input column and each known column stands, worked out once, not per row.
  const inputColumns = schema.columns
    .filter((c) => !c.computed && header.index[c.key] !== undefined)
    .map((c) => header.index[c.key] as number);
  const keys = schema.columns.map((c) => c.key);
  const positions = keys.map((key) => header.index[key]);
  const rows: TableRow<K>[] = [];
  for (let r = 1; r < grid.length; r++) {
    const values = grid[r] ?? [];
    let blank = true;
    for (let k = 0; k < inputColumns.length && blank; k++) blank = isBlank(values[inputColumns[k] as number]);
    if (blank) continue;
    const cells = {} as Record<K, unknown>;
    for (let k = 0; k < keys.length; k++) {
      const i = positions[k];
      cells[keys[k] as K] = i === undefined ? '' : (values[i] ?? '');
    }
    rows.push({ row: r + 1, cells });
  }
  return { tab, schema, header, rows };
}

/** A finding about one cell, naming the column as the user's header shows it. */
export function cellFinding<K extends string>(
  table: Pick<Table<K>, 'tab' | 'schema' | 'header'>,
  row: number,
  key: K,
  severity: Severity,
  rule: Rule,
  id: string,
  message: string,
): Finding {
  const columnIndex = table.header.index[key];
  return tabFinding(severity, rule, table.tab, row, {
    id,
    column: shownHeader(table.header, table.schema, key),
    ...(columnIndex === undefined ? {} : { columnIndex }),
    message,
  });
}

/** Trimmed text of a cell; "" for blank. Numbers print as the user typed them. */
export function text(value: unknown): string {
  if (isBlank(value) || value === undefined || value === null) return '';
  try {
    return String(value).trim();
  } catch {
    return '';
  }
}
