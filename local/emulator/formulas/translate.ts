import { columnToLetters, lettersToColumn } from '../spreadsheet/a1.js';
import { expandLet } from './let.js';

/**
 * Rewrites Sheets formula syntax that HyperFormula reads differently. Open-ended ranges
 * (`A2:A`, `'Team OKRs'!C2:C`, `A:A`, `2:2`) are bounded by the referenced sheet's size,
 * which is what Sheets means by them.
 */

export interface SheetSize {
  rows: number;
  cols: number;
}

const REF =
  /('(?:[^']|'')+'!|[A-Za-z_][A-Za-z0-9_.]*!)?(\$?[A-Za-z]{1,3}\$?[0-9]*:\$?[A-Za-z]{1,3}\$?[0-9]*|\$?[0-9]+:\$?[0-9]+)(?![A-Za-z0-9_(])/g;

function unquote(prefix: string): string {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

function rewriteRef(ref: string, size: SheetSize): string {
  const [a = '', b = ''] = ref.split(':');
  const rowOnly = /^\$?[0-9]+$/;
  if (rowOnly.test(a) && rowOnly.test(b))
    return `A${a.replace('$', '')}:${columnToLetters(size.cols)}${b.replace('$', '')}`;
  const hasRow = (s: string) => /[0-9]$/.test(s);
  if (hasRow(a) && hasRow(b)) return ref;
  const fix = (s: string, row: number) => (hasRow(s) ? s : `${s}${row}`);
  return `${fix(a, 1)}:${fix(b, size.rows)}`;
}

/** `=SUM(A2:A)` → `=SUM(A2:A1000)`; string literals are left alone. */
export function translateFormula(
  formula: string,
  ownSheet: string,
  sizeOf: (sheet: string) => SheetSize | undefined,
): string {
  let out = '';
  let i = 0;
  const segments = expandLet(formula).split(/("(?:[^"]|"")*")/);
  for (const seg of segments) {
    if (i++ % 2 === 1) {
      out += seg;
      continue;
    }
    const refs = seg.replace(
      REF,
      (match: string, prefix: string | undefined, ref: string, offset: number, whole: string) => {
        const before = whole[offset - 1];
        if (before && /[A-Za-z0-9_.$]/.test(before)) return match;
        const size = sizeOf(prefix ? unquote(prefix) : ownSheet);
        if (!size) return match;
        return (prefix ?? '') + rewriteRef(ref, size);
      },
    );
    // Sheets' TRUE/FALSE literals are functions in HyperFormula.
    out += refs.replace(
      /(^|[^A-Za-z0-9_.'!])(TRUE|FALSE)(?![A-Za-z0-9_.(!])/gi,
      (_m, pre: string, word: string) => `${pre}${word}()`,
    );
  }
  return out;
}

const CELL = /('(?:[^']|'')+'!|[A-Za-z_][A-Za-z0-9_.]*!)?(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(!])/g;

/**
 * Moves the relative parts of cell references by (dr, dc): what a conditional-format or
 * validation formula means at another cell of its range, relative to the range's top-left.
 */
export function shiftRelative(formula: string, dr: number, dc: number): string {
  const segments = formula.split(/("(?:[^"]|"")*")/);
  return segments
    .map((seg, i) =>
      i % 2 === 1
        ? seg
        : seg.replace(
            CELL,
            (
              match,
              prefix: string | undefined,
              cAbs: string,
              col: string,
              rAbs: string,
              row: string,
              offset: number,
              whole: string,
            ) => {
              const before = whole[offset - 1];
              if (before && /[A-Za-z0-9_.$]/.test(before)) return match;
              const c = cAbs ? lettersToColumn(col) : lettersToColumn(col) + dc;
              const r = rAbs ? Number(row) : Number(row) + dr;
              if (c < 1 || r < 1) return '#REF!';
              return `${prefix ?? ''}${cAbs}${columnToLetters(c)}${rAbs}${r}`;
            },
          ),
    )
    .join('');
}

/**
 * Sheets rewrites references to a renamed sheet inside every formula. The rewrite is made once
 * for a rename and applied to each formula: a workbook's thousands of formulas mostly do not
 * name the sheet and are returned as they are.
 */
export function sheetRenamer(oldName: string, newName: string, quote: (n: string) => string): (f: string) => string {
  const escaped = oldName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const quotedOld = oldName.replace(/'/g, "''").replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(^|[^A-Za-z0-9_'.])(?:'${quotedOld}'|${escaped})!`, 'gi');
  const lowerOld = oldName.toLowerCase();
  const lowerQuoted = oldName.replace(/'/g, "''").toLowerCase();
  return (formula) => {
    const lower = formula.toLowerCase();
    if (!lower.includes(lowerOld) && !lower.includes(lowerQuoted)) return formula;
    const segments = formula.split(/("(?:[^"]|"")*")/);
    return segments
      .map((seg, i) => (i % 2 === 1 ? seg : seg.replace(re, (_m, pre: string) => `${pre}${quote(newName)}!`)))
      .join('');
  };
}
