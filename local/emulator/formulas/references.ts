import { columnToLetters, lettersToColumn } from '../spreadsheet/a1.js';

/**
 * Finds the cell and range references in Sheets formula text (outside string literals), so
 * structural edits can move them and put each back in the form it was written in:
 * `A1`, `$B$2`, `A2:C9`, open-ended `A2:A`, whole columns `A:C`, whole rows `2:5`, each with an
 * optional sheet prefix (`Settings!`, `'Team OKRs'!`).
 */

export interface Endpoint {
  col?: number;
  row?: number;
  colAbs: boolean;
  rowAbs: boolean;
}

export interface Reference {
  /** Offsets of the whole reference (prefix included) in the formula text. */
  start: number;
  end: number;
  /** The sheet prefix as written, `!` included; '' for the formula's own sheet. */
  prefix: string;
  /** The prefix's sheet name, unquoted. */
  sheet?: string;
  a: Endpoint;
  /** The far corner of a range; absent for a single cell. */
  b?: Endpoint;
  /** `#REF!`, what a reference becomes when what it pointed to was deleted. */
  broken?: true;
}

const NAME = String.raw`(?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!`;
const POINT = String.raw`\$?[A-Za-z]{1,3}\$?[0-9]+|\$?[A-Za-z]{1,3}|\$?[0-9]+`;
const REF = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.$!'#])(${NAME})?(?:(#REF!)|(${POINT})(?::(${POINT}))?)(?![\p{L}\p{N}_.(!$'])`,
  'gu',
);

function endpoint(text: string): Endpoint {
  const m = /^(\$?)([A-Za-z]*)(\$?)([0-9]*)$/.exec(text);
  if (!m) throw new Error(`Emulator: not a reference endpoint: ${text}`);
  const [, cAbs = '', letters = '', rAbs = '', digits = ''] = m;
  const ep: Endpoint = { colAbs: false, rowAbs: false };
  if (letters) {
    ep.col = lettersToColumn(letters);
    ep.colAbs = cAbs === '$';
  }
  if (digits) {
    ep.row = Number(digits);
    ep.rowAbs = (letters ? rAbs : cAbs) === '$';
  }
  return ep;
}

function unquote(prefix: string): string {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** A reference is a whole cell, or a range whose ends are both rows or both not rows. */
function isReference(a: Endpoint, b: Endpoint | undefined): boolean {
  if (!b) return a.col !== undefined && a.row !== undefined;
  if (a.row === 0 || b.row === 0) return false;
  const rowsOnly = (e: Endpoint) => e.col === undefined;
  return rowsOnly(a) === rowsOnly(b) && (!rowsOnly(a) || (a.row !== undefined && b.row !== undefined));
}

/** Every reference in `formula`, in order; `#REF!` ones only when `broken` is set. */
export function findReferences(formula: string, options: { broken?: boolean } = {}): Reference[] {
  const out: Reference[] = [];
  const parts = formula.split(/("(?:[^"]|"")*")/);
  let offset = 0;
  for (const [i, part] of parts.entries()) {
    if (i % 2 === 0) {
      for (const m of part.matchAll(REF)) {
        const [whole, prefix = '', broken, first, second] = m;
        const start = offset + (m.index ?? 0);
        const base = { start, end: start + whole.length, prefix, ...(prefix ? { sheet: unquote(prefix) } : {}) };
        if (broken) {
          if (options.broken) out.push({ ...base, a: { colAbs: false, rowAbs: false }, broken: true });
          continue;
        }
        const a = endpoint(first ?? '');
        const b = second === undefined ? undefined : endpoint(second);
        if (isReference(a, b)) out.push({ ...base, a, ...(b ? { b } : {}) });
      }
    }
    offset += part.length;
  }
  return out;
}

export function formatEndpoint(e: Endpoint): string {
  const col = e.col === undefined ? '' : `${e.colAbs ? '$' : ''}${columnToLetters(e.col)}`;
  const row = e.row === undefined ? '' : `${e.rowAbs ? '$' : ''}${e.row}`;
  return col + row;
}

export function formatReference(ref: Pick<Reference, 'prefix' | 'a' | 'b' | 'broken'>): string {
  if (ref.broken) return '#REF!';
  return ref.prefix + formatEndpoint(ref.a) + (ref.b ? `:${formatEndpoint(ref.b)}` : '');
}

/** Replaces references in `formula` by offset (as `findReferences` found them). */
export function replaceReferences(formula: string, replacements: { ref: Reference; text: string }[]): string {
  let out = formula;
  for (const { ref, text } of [...replacements].sort((x, y) => y.ref.start - x.ref.start)) {
    out = out.slice(0, ref.start) + text + out.slice(ref.end);
  }
  return out;
}

/**
 * Moves the relative parts of every reference by (dr, dc), as copying a formula from one cell
 * to another does; a reference pushed above row 1 or left of column A becomes `#REF!`.
 */
export function shiftReferences(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  const move = (e: Endpoint): Endpoint | null => {
    const col = e.col === undefined || e.colAbs ? e.col : e.col + dc;
    const row = e.row === undefined || e.rowAbs ? e.row : e.row + dr;
    if ((col !== undefined && col < 1) || (row !== undefined && row < 1)) return null;
    return { ...e, ...(col === undefined ? {} : { col }), ...(row === undefined ? {} : { row }) };
  };
  const replacements = findReferences(formula).flatMap((ref) => {
    const a = move(ref.a);
    const b = ref.b ? move(ref.b) : undefined;
    const text = a && b !== null ? formatReference({ prefix: ref.prefix, a, ...(b ? { b } : {}) }) : '#REF!';
    return text === formatReference(ref) ? [] : [{ ref, text }];
  });
  return replaceReferences(formula, replacements);
}
