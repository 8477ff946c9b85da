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
  /** One of them, without making the record (readTable's rows). */
  cell?(key: K): unknown;
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
  const rows: TableRow<K>[] = [];
  for (let r = 1; r < grid.length; r++) {
    const values = grid[r] ?? [];
    let blank = true;
    for (let k = 0; k < inputColumns.length && blank; k++) blank = isBlank(values[inputColumns[k] as number]);
    if (blank) continue;
    rows.push(new RowView(r + 1, values, header.index, keys));
  }
  return { tab, schema, header, rows };
}

/**
 * A row of the grid seen through the header: `cell(key)` reads one cell, and the `cells`
 * record is made only if asked for (50,000 rows of 19 named cells would each be an object).
 */
class RowView<K extends string> implements TableRow<K> {
  private record: Record<K, unknown> | undefined;

  constructor(
    readonly row: number,
    private readonly values: readonly unknown[],
    private readonly index: Readonly<Partial<Record<K, number>>>,
    private readonly keys: readonly K[],
  ) {}

  cell(key: K): unknown {
    const i = this.index[key];
    return i === undefined ? '' : (this.values[i] ?? '');
  }

  get cells(): Readonly<Record<K, unknown>> {
    if (this.record === undefined) {
      const record = {} as Record<K, unknown>;
      for (const key of this.keys) record[key] = this.cell(key);
      this.record = record;
    }
    return this.record;
  }
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
  // Most cells are strings: one trim, no String() and no try (half a million calls at 50,000 rows).
  if (typeof value === 'string') return value.trim();
  if (isBlank(value) || value === undefined || value === null) return '';
  try {
    return String(value).trim();
  } catch {
    return '';
  }
}
