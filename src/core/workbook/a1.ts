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
