import { quoteSheetName } from '../spreadsheet/a1.js';

/**
 * The formula text Sheets stores for what was written, which `getFormula(s)` then returns:
 * - a sheet name is quoted only when it needs quotes (`='Settings'!B2` reads back
 *   `=Settings!B2`; `'Team OKRs'!A1` keeps them for the space) — the behaviour issue 9 reports
 *   from Sheets, with quoteSheetName's rule for which names need them;
 * - function names are upper-cased (`=sum(A1)` reads back `=SUM(A1)`), as Sheets is commonly
 *   observed to do.
 * Nothing else is changed: spacing, string literals, number spelling and the case of
 * references stay as written (whether Sheets changes them is unverified).
 */
export function normalizeFormula(text: string): string {
  if (!text.startsWith('=')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"' || ch === "'") {
      const end = closing(text, i);
      const literal = text.slice(i, end + 1);
      if (ch === "'" && text[end + 1] === '!') {
        out += quoteSheetName(literal.slice(1, -1).replace(/''/g, "'"));
      } else {
        out += literal;
      }
      i = end + 1;
      continue;
    }
    const word = /^[A-Za-z0-9_.$]+/.exec(text.slice(i))?.[0];
    if (word) {
      const isFunction = /^[A-Za-z_]/.test(word) && !word.includes('$') && text[i + word.length] === '(';
      out += isFunction ? word.toUpperCase() : word;
      i += word.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** The index of the quote closing the literal opened at `start` (doubled quotes escape one). */
function closing(text: string, start: number): number {
  const q = text[start];
  let j = start + 1;
  while (j < text.length) {
    if (text[j] === q) {
      if (text[j + 1] !== q) return j;
      j += 2;
    } else {
      j++;
    }
  }
  return text.length - 1;
}
