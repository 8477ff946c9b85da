const letterCache: string[] = [];

/** 0 → A, 25 → Z, 26 → AA: the column part of an A1 reference (Validate asks for one per finding). */
export function columnLetter(index: number): string {
  const known = letterCache[index];
  if (known !== undefined) return known;
  const letters = lettersOf(index);
  if (index >= 0 && index < 1000) letterCache[index] = letters;
  return letters;
}

function lettersOf(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** `H2:J1001`, or `H2` for one cell: 1-based row and column and a size. */
export function rangeA1(row: number, column: number, numRows: number, numColumns: number): string {
  const first = `${columnLetter(column - 1)}${row}`;
  if (numRows === 1 && numColumns === 1) return first;
  return `${first}:${columnLetter(column + numColumns - 2)}${row + numRows - 1}`;
}
