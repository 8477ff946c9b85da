/** A1 notation: column letters, cell and range parsing, formatting. */

export interface GridRect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  /**
   * Open-ended at the bottom (`C2:C`, `C:C`): a GridRange without an end row, which covers
   * rows added later ("Missing indexes indicate the range is unbounded on that side":
   * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#GridRange).
   */
  toLastRow?: boolean;
}

export function columnToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * `'Team OKRs'` or `Sheet1`, as Sheets prints sheet names in references: quoted unless the name
 * is letters, digits and underscores, starts with a letter or underscore, and cannot be read
 * as a cell (`Q1`, `R1C1`).
 */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^R[0-9]*C[0-9]*$/i.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function rectToA1(r: GridRect): string {
  const start = `${columnToLetters(r.col)}${r.row}`;
  if (r.numRows === 1 && r.numCols === 1) return start;
  return `${start}:${columnToLetters(r.col + r.numCols - 1)}${r.row + r.numRows - 1}`;
}

/** Splits `'My Sheet'!A1:B2` into sheet name (unquoted) and the range part. */
export function splitSheet(a1: string): { sheet?: string; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { ref: a1.trim() };
  let sheet = a1.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: a1.slice(bang + 1).trim() };
}

interface Endpoint {
  col?: number;
  row?: number;
}

function parseEndpoint(s: string): Endpoint | undefined {
  const m = /^\$?([A-Za-z]*)\$?([0-9]*)$/.exec(s);
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  const ep: Endpoint = {};
  if (m[1]) ep.col = lettersToColumn(m[1]);
  if (m[2]) ep.row = Number(m[2]);
  if (ep.row === 0) return undefined;
  return ep;
}

/**
 * Parses `B2`, `A1:C3`, open-ended `A2:A` / `A2:C` / `A:A` / `2:2` into a rectangle bounded
 * by the sheet's size, as Sheets resolves them.
 */
export function parseA1(ref: string, maxRows: number, maxCols: number): GridRect {
  const parts = ref.split(':');
  const bad = () => new Error(`Range not found`);
  if (parts.length > 2 || parts.length === 0) throw bad();
  const a = parseEndpoint(parts[0] ?? '');
  if (!a) throw bad();
  if (parts.length === 1) {
    if (a.col === undefined || a.row === undefined) throw bad();
    return { row: a.row, col: a.col, numRows: 1, numCols: 1 };
  }
  const b = parseEndpoint(parts[1] ?? '');
  if (!b) throw bad();
  const r1 = a.row ?? 1;
  const c1 = a.col ?? 1;
  const r2 = b.row ?? maxRows;
  const c2 = b.col ?? maxCols;
  // `A:A` and `2:2` need both ends open the same way.
  if ((a.row === undefined) !== (b.row === undefined) && a.row === undefined) throw bad();
  if ((a.col === undefined) !== (b.col === undefined) && a.col === undefined) throw bad();
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  const rect: GridRect = { row, col, numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
  if (b.row === undefined) rect.toLastRow = true;
  return rect;
}
