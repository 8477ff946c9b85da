import type { Result } from '../core/result';

/**
 * The shared argument rules of §3: any argument is a single value or a range
 * (a 2D array); ranges of one call must have the same shape; single values
 * broadcast; a range call returns a 2D array in which a bad row is its message
 * as text, while a single-value call throws `Error("NAME: …")`.
 */

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

/** What one cell of a custom function's answer may hold. */
export type CellOutput = number | string;
export type Output = CellOutput | CellOutput[][];

/** An argument as a grid. Sheets only sends 2D arrays; a 1D array from a script counts as a column. */
export interface Grid {
  readonly shape: Shape;
  readonly cell: (row: number, col: number) => unknown;
}

/** The grid of a range argument, or undefined for a single value (an empty array counts as a blank value). */
export function asGrid(arg: unknown): Grid | undefined {
  if (!Array.isArray(arg) || arg.length === 0) return undefined;
  if (!arg.every(Array.isArray)) {
    return { shape: { rows: arg.length, cols: 1 }, cell: (row) => arg[row] };
  }
  const rows = arg as readonly unknown[][];
  // Sheets never sends ragged arrays; from a script, missing cells read as blank.
  let cols = 0;
  for (const r of rows) cols = Math.max(cols, r.length);
  if (cols === 0) return undefined;
  return { shape: { rows: rows.length, cols }, cell: (row, col) => rows[row]?.[col] };
}

/** The cell of a single-value argument: an empty array is blank. */
function single(arg: unknown): unknown {
  return Array.isArray(arg) ? '' : arg;
}

export function formatShape(shape: Shape): string {
  return `${shape.rows}×${shape.cols}`;
}

export function sizeError(name: string, a: Shape, b: Shape): Error {
  return new Error(`${name}: ranges must be the same size (${formatShape(a)} vs ${formatShape(b)})`);
}

/** `NAME: message`, the form every error of a custom function takes. */
export function prefixed(name: string, message: string): string {
  return `${name}: ${message}`;
}

/** A single-value answer: blank is "", an error throws (Sheets shows #ERROR! with the message). */
export function singleOutput<T extends CellOutput>(name: string, result: Result<T | null>): CellOutput {
  if (!result.ok) throw new Error(prefixed(name, result.error));
  return result.value ?? '';
}

/** A cell of a range answer: an error becomes its text so that one bad row does not blank the others. */
export function rangeOutput<T extends CellOutput>(name: string, result: Result<T | null>): CellOutput {
  if (!result.ok) return prefixed(name, result.error);
  return result.value ?? '';
}

/**
 * Applies `compute` cell by cell over the arguments (§3 shared rules). The
 * cells array passed to compute lines up with `args`.
 */
export function mapCells<T extends CellOutput>(
  name: string,
  args: readonly unknown[],
  compute: (cells: readonly unknown[]) => Result<T | null>,
): Output {
  const grids = args.map(asGrid);
  let shape: Shape | undefined;
  for (const grid of grids) {
    if (!grid) continue;
    if (!shape) shape = grid.shape;
    else if (grid.shape.rows !== shape.rows || grid.shape.cols !== shape.cols) throw sizeError(name, shape, grid.shape);
  }
  if (!shape) return singleOutput(name, compute(args.map(single)));
  const singles = args.map(single);
  const out: CellOutput[][] = new Array(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const line: CellOutput[] = new Array(shape.cols);
    for (let c = 0; c < shape.cols; c++) {
      const cells = grids.map((grid, k) => (grid ? grid.cell(r, c) : singles[k]));
      line[c] = rangeOutput(name, compute(cells));
    }
    out[r] = line;
  }
  return out;
}

/**
 * Runs a custom function's body so that whatever goes wrong reaches the user
 * as `NAME: …`: the functions' own errors already are; anything else (a bug,
 * an engine limit) is wrapped rather than shown as a bare stack message.
 */
export function guarded<T>(name: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(`${name}:`)) throw error;
    const message = error instanceof Error ? error.message : 'unexpected failure';
    throw new Error(prefixed(name, `unexpected problem: ${message}`));
  }
}

/** Arguments read as row-aligned lists: each range flattened row by row, single values repeated. */
export interface AlignedLists {
  /** The shape of the first range, which a per-row answer takes; undefined when all are single values. */
  readonly shape: Shape | undefined;
  readonly length: number;
  /** Cell `index` of argument `arg`. */
  readonly cell: (arg: number, index: number) => unknown;
}

/**
 * For arguments that are lists of rows rather than grids (OKRROLLUP): a
 * stacked range from several tabs is one long column. Ranges must have the
 * same shape (§3), and are read row by row.
 */
export function alignLists(name: string, args: readonly unknown[]): AlignedLists {
  const grids = args.map(asGrid);
  let first: Shape | undefined;
  for (const grid of grids) {
    if (!grid) continue;
    if (!first) first = grid.shape;
    else if (grid.shape.rows !== first.rows || grid.shape.cols !== first.cols) throw sizeError(name, first, grid.shape);
  }
  const singles = args.map(single);
  return {
    shape: first,
    length: first ? first.rows * first.cols : 1,
    cell: (arg, index) => {
      const grid = grids[arg];
      return grid ? grid.cell(Math.floor(index / grid.shape.cols), index % grid.shape.cols) : singles[arg];
    },
  };
}

/** A per-row answer laid out in `shape`, row by row (the inverse of alignLists' flattening). */
export function reshape(name: string, shape: Shape, results: readonly Result<CellOutput | null>[]): CellOutput[][] {
  const out: CellOutput[][] = new Array(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const line: CellOutput[] = new Array(shape.cols);
    for (let c = 0; c < shape.cols; c++) {
      const result = results[r * shape.cols + c];
      line[c] = result ? rangeOutput(name, result) : '';
    }
    out[r] = line;
  }
  return out;
}
