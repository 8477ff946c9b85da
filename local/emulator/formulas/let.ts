/**
 * LET for HyperFormula, which lacks it: `LET(name, value, …, expression)` becomes the
 * expression with each name replaced by its (parenthesised) value, later values seeing
 * earlier names, as Sheets scopes them (https://support.google.com/docs/answer/13190535).
 * Substitution evaluates a value once per use: a custom function inside a LET value
 * would run (and be counted) once per use here, once in Sheets, so the add-on's own
 * formulas keep custom functions out of LET values.
 */

const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** Splits `a, f(b, c), "x,y"` at its top-level commas. */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let quoted: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === quoted) quoted = null;
      continue;
    }
    if (ch === '"' || ch === "'") quoted = ch;
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** Index of the `)` closing the `(` at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  let quoted: string | null = null;
  for (let i = open; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === quoted) quoted = null;
      continue;
    }
    if (ch === '"' || ch === "'") quoted = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Replaces the name `name` (not a function call, sheet name or part of a longer name) outside strings. */
function substitute(text: string, name: string, value: string): string {
  const escaped = name.replace(/[.]/g, '\\.');
  const re = new RegExp(`(?<![A-Za-z0-9_.$!'])${escaped}(?![A-Za-z0-9_.(!])`, 'gi');
  return text
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((seg, i) => (i % 2 === 1 ? seg : seg.replace(re, `(${value})`)))
    .join('');
}

export function expandLet(formula: string): string {
  const re = /(?<![A-Za-z0-9_.])LET\s*\(/gi;
  for (let guard = 0; guard < 1000; guard++) {
    re.lastIndex = 0;
    let match: RegExpExecArray | null = null;
    // Innermost first: the last LET( in the text has no LET inside it.
    for (let m = re.exec(formula); m; m = re.exec(formula)) if (!insideString(formula, m.index)) match = m;
    if (!match) return formula;
    const open = match.index + match[0].length - 1;
    const close = closing(formula, open);
    if (close < 0) return formula;
    const args = splitArgs(formula.slice(open + 1, close)).map((a) => a.trim());
    if (args.length < 3 || args.length % 2 === 0) return formula;
    let body = args[args.length - 1] as string;
    const pairs: [string, string][] = [];
    for (let i = 0; i < args.length - 1; i += 2) {
      const name = args[i] as string;
      if (!NAME.test(name)) return formula;
      let value = args[i + 1] as string;
      for (const [n, v] of pairs) value = substitute(value, n, v);
      pairs.push([name, value]);
    }
    for (const [n, v] of pairs) body = substitute(body, n, v);
    formula = `${formula.slice(0, match.index)}(${body})${formula.slice(close + 1)}`;
  }
  return formula;
}

function insideString(text: string, index: number): boolean {
  let quoted: string | null = null;
  for (let i = 0; i < index; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === quoted) quoted = null;
    } else if (ch === '"') quoted = ch;
  }
  return quoted !== null;
}
