/**
 * Formula text as Google Sheets stores it, so the add-on can tell whether a cell already holds
 * the formula it would write. Sheets does not keep the text verbatim: `getFormula()` returns a
 * sheet name without quotes it does not need (`='Settings'!B2` reads back `=Settings!B2`, while
 * `'Team OKRs'!A1` keeps them for the space) and function names in capitals (`=sum(A1)` reads
 * back `=SUM(A1)`). Comparing through this one normalisation makes a second Set up find
 * nothing to rewrite. Pure: no Apps Script or Node API.
 */

/** Whether Sheets prints `name` quoted in a reference: anything but a plain identifier that is not a cell. */
function needsQuotes(name: string): boolean {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
  const looksLikeCell = /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^R[0-9]*C[0-9]*$/i.test(name);
  return !plain || looksLikeCell;
}

/** Where the quoted text opened at `start` ends (a doubled quote is part of the text). */
function endOfQuoted(text: string, start: number): number {
  const quote = text.charAt(start);
  let i = start + 1;
  while (i < text.length) {
    if (text.charAt(i) !== quote) i++;
    else if (text.charAt(i + 1) === quote) i += 2;
    else return i;
  }
  return text.length - 1;
}

/** `text` as Sheets would store it; text that is not a formula is returned unchanged. */
export function normalizeFormulaText(text: string): string {
  if (text.charAt(0) !== '=') return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '"' || ch === "'") {
      const end = endOfQuoted(text, i);
      const quoted = text.slice(i, end + 1);
      const name = quoted.slice(1, -1).replace(/''/g, "'");
      const isSheetName = ch === "'" && text.charAt(end + 1) === '!';
      out += isSheetName && !needsQuotes(name) ? name : quoted;
      i = end + 1;
      continue;
    }
    const word = /^[A-Za-z0-9_.$]+/.exec(text.slice(i));
    if (word) {
      const w = word[0];
      const isFunctionName = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(w) && text.charAt(i + w.length) === '(';
      out += isFunctionName ? w.toUpperCase() : w;
      i += w.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Whether two formulas are the same once Sheets has stored them. */
export function sameFormula(a: string, b: string): boolean {
  return normalizeFormulaText(a) === normalizeFormulaText(b);
}
