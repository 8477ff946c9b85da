import { HyperFormula } from 'hyperformula';
import type { SheetData, Workbook } from '../spreadsheet/model.js';
import { type Endpoint, findReferences, formatEndpoint, type Reference, replaceReferences } from './references.js';

/**
 * Inserting or deleting rows or columns moves every reference into them, in every formula of
 * the workbook, as Sheets does: a reference below an inserted row moves down (`X2:X` becomes
 * `X3:X` when a row goes in above row 2), a range with rows inserted inside grows, a range with
 * rows deleted shrinks, and a reference whose every cell was deleted becomes `#REF!`. Whole
 * columns (`X:X`) stay whole under row edits, open-ended ranges stay open-ended (the Sheets API:
 * "Missing indexes indicate the range is unbounded on that side",
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#GridRange).
 * Google's help pages the search tool finds do not spell the moving rule out; it is what
 * Sheets is observed to do, and what issue 9 reports for `'Tab'!X2:X`.
 *
 * HyperFormula does the moving (its addRows/removeRows/addColumns/removeColumns), not
 * hand-written A1 arithmetic. Each formula's references into the edited sheet go to a
 * HyperFormula instance as one `=COUNT(…)` of absolute references (so it needs no evaluation,
 * parses whatever the formula's other syntax is, and the formula's own position does not
 * matter); what HyperFormula makes of each reference is written back in the form it had:
 * sheet prefix as written, `$` as written, open ends left open.
 */

export type Axis = 'row' | 'col';

/** A formula stored as text somewhere in the workbook. */
interface Site {
  text: string;
  /** The sheet an unprefixed reference points to. */
  sheet: SheetData;
  write(text: string): void;
}

function sites(wb: Workbook): Site[] {
  const out: Site[] = [];
  const seen = new Set<object>();
  for (const sheet of wb.sheets) {
    // Indexed: a structural edit scans every cell of the workbook, a million at 50,000 rows; a
    // sheet holding no formula and no custom-formula validation has nothing to move.
    if (sheet.formulaCount > 0) sheet.eachFormula((text, write) => out.push({ text, sheet, write }));
    // Validations live on cells only (a compact row holds none).
    for (const row of sheet.customValidations ? sheet.rows : []) {
      if (!Array.isArray(row)) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        // A data-validation rule is shared by the cells it was set on: rewrite it once.
        const dv = cell.dv;
        if (dv?.criteria === 'CUSTOM_FORMULA' && typeof dv.values[0] === 'string' && !seen.has(dv)) {
          seen.add(dv);
          out.push({
            text: dv.values[0],
            sheet,
            write: (t) => {
              dv.values[0] = t;
            },
          });
        }
      }
    }
    // A conditional-format formula reads as if it stood in the top-left cell of its range
    // (https://support.google.com/docs/answer/78413); its references move like a cell's.
    for (const rule of sheet.cfRules) {
      const f = rule.condition.values[0];
      if (rule.condition.type === 'CUSTOM_FORMULA' && typeof f === 'string') {
        out.push({
          text: f,
          sheet,
          write: (t) => {
            rule.condition.values[0] = t;
          },
        });
      }
    }
  }
  return out;
}

/** The reference as HyperFormula reads it on sheet `T`: absolute, open ends bounded by the sheet. */
function bounded(ref: Reference, target: SheetData): string {
  const abs = (e: Endpoint): Endpoint => ({ ...e, colAbs: true, rowAbs: true });
  const { a, b } = ref;
  if (!b) return `T!${formatEndpoint(abs(a))}`;
  const wholeRows = a.col === undefined && b.col === undefined;
  const wholeCols = a.row === undefined && b.row === undefined;
  // HyperFormula reads `A:C` and `2:5` natively; `A2:A` it needs bounded.
  if (wholeRows || wholeCols) return `T!${formatEndpoint(abs(a))}:${formatEndpoint(abs(b))}`;
  const start = { ...abs(a), col: a.col ?? 1, row: a.row ?? 1 };
  const end = {
    ...abs(b),
    col: b.col ?? Math.max(target.maxCols, start.col),
    row: b.row ?? Math.max(target.maxRows, start.row),
  };
  return `T!${formatEndpoint(start)}:${formatEndpoint(end)}`;
}

/** The moved reference in its original form: HyperFormula's coordinates, the original's shape. */
function restore(original: Reference, moved: Reference): string | null {
  if (moved.broken) return '#REF!';
  const keep = (o: Endpoint, m: Endpoint): Endpoint => ({
    colAbs: o.colAbs,
    rowAbs: o.rowAbs,
    ...(o.col === undefined ? {} : { col: m.col }),
    ...(o.row === undefined ? {} : { row: m.row }),
  });
  const a = keep(original.a, moved.a);
  const b = original.b ? keep(original.b, moved.b ?? moved.a) : undefined;
  const same = (x: Endpoint, y: Endpoint | undefined) => !!y && x.col === y.col && x.row === y.row;
  if (same(a, original.a) && (!b || same(b, original.b))) return null;
  return original.prefix + formatEndpoint(a) + (b ? `:${formatEndpoint(b)}` : '');
}

/**
 * Rewrites the workbook's formulas for `count` rows/columns inserted (count > 0) or deleted
 * (count < 0) at 1-based index `at` of `target`, before the cells themselves move.
 */
export function moveReferences(wb: Workbook, target: SheetData, axis: Axis, at: number, count: number): void {
  const size = axis === 'row' ? target.maxRows : target.maxCols;
  // Growing the sheet at its end moves no reference (open-ended ones stay open-ended).
  if (count === 0 || (count > 0 && at > size)) return;
  const targetName = target.name.toLowerCase();
  const jobs = sites(wb).flatMap((site) => {
    const refs = findReferences(site.text).filter(
      (r) => (r.sheet === undefined ? site.sheet === target : r.sheet.toLowerCase() === targetName) && !r.broken,
    );
    return refs.length ? [{ site, refs }] : [];
  });
  if (jobs.length === 0) return;
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', maxRows: 2_000_000, maxColumns: 18_278 });
  try {
    hf.suspendEvaluation();
    const t = hf.getSheetId(hf.addSheet('T')) as number;
    const s = hf.getSheetId(hf.addSheet('S')) as number;
    // HyperFormula moves nothing beyond the cells a sheet holds: give T the sheet's full size.
    hf.setCellContents({ sheet: t, row: target.maxRows - 1, col: target.maxCols - 1 }, [[0]]);
    hf.setSheetContent(
      s,
      jobs.map(({ refs }) => [`=COUNT(${refs.map((r) => bounded(r, target)).join(',')})`]),
    );
    const span: [number, number] = [at - 1, Math.abs(count)];
    if (axis === 'row') count > 0 ? hf.addRows(t, span) : hf.removeRows(t, span);
    else count > 0 ? hf.addColumns(t, span) : hf.removeColumns(t, span);
    const formulas = hf.getSheetFormulas(s);
    for (const [i, { site, refs }] of jobs.entries()) {
      const text = formulas[i]?.[0] ?? '';
      const moved = findReferences(text, { broken: true });
      if (moved.length !== refs.length) {
        throw new Error(`Emulator: could not move the references of ${site.text} (HyperFormula gave ${text})`);
      }
      const replacements = refs.flatMap((ref, k) => {
        const out = restore(ref, moved[k] as Reference);
        return out === null ? [] : [{ ref, text: out }];
      });
      if (replacements.length) site.write(replaceReferences(site.text, replacements));
    }
  } finally {
    hf.destroy();
  }
}

/**
 * Deleting a sheet turns each reference to it, in every formula left, into `#REF!` — what
 * Sheets shows in their place — and the text keeps no name to link back by: a sheet added
 * later under the same name leaves them `#REF!`. Called once the sheet is out of the workbook.
 * No Google page states it for formulas; it is observed behaviour, as for a named range of a
 * deleted sheet, which Sheets lists as `#REF` (https://gist.github.com/tanaikech/f9b993c4a178291324e03eeb5c161c1d).
 */
export function breakReferences(wb: Workbook, deleted: SheetData): void {
  const name = deleted.name.toLowerCase();
  const quoted = name.replace(/'/g, "''");
  for (const site of sites(wb)) {
    const lower = site.text.toLowerCase();
    if (!lower.includes(name) && !lower.includes(quoted)) continue;
    const broken = findReferences(site.text)
      .filter((ref) => ref.sheet?.toLowerCase() === name)
      .map((ref) => ({ ref, text: '#REF!' }));
    if (broken.length > 0) site.write(replaceReferences(site.text, broken));
  }
}
