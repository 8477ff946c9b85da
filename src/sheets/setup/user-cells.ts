/**
 * §6.3 Insert sample OKRs writes only into tabs that hold no cell of the user's. Judged by the
 * raw cells read (values and formulas), never by whether a table is recognised: a title row
 * above the headers, a header the add-on does not know, a per-row formula, or one typed value
 * anywhere makes the tab the user's. What set-up writes is not the user's: its headers (or
 * their aliases), the live formulas in the header cells and the answers they spill below.
 */
import { columnLetter } from '../../core/workbook/a1';
import { mapHeaders, normalizeHeader, type TableSchema } from '../../core/workbook/schema';
import { sameFormula } from '../formula-text';
import {
  liveFormulaHeader,
  SETTINGS_IN_USE_COLUMN,
  SETTINGS_IN_USE_HEADER,
  settingsInUseFormulas,
} from '../live-formulas';
import type { SettingsPlan } from './settings';
import type { TabRead } from './survey';

/** The first cell (A1 notation, row by row) holding something set-up did not write, if any. */
export function firstUserCell<K extends string>(read: TabRead | undefined, schema: TableSchema<K>): string | undefined {
  if (read === undefined) return undefined;
  const header = read.values[0] ?? [];
  const headerFormulas = read.formulas[0] ?? [];
  const known = new Set(Object.values<number | undefined>(mapHeaders(read.name, header, schema).index));
  const computed = new Set(schema.columns.filter((c) => c.computed).map((c) => normalizeHeader(c.header)));
  const live = new Set<number>();
  const spilled = new Set<number>();
  headerFormulas.forEach((formula, c) => {
    const answers = formula === '' ? undefined : liveFormulaHeader(formula);
    if (answers === undefined || !computed.has(normalizeHeader(answers))) return;
    live.add(c);
    // Its answers fill the column only when it shows its header: a value typed in its way stops
    // it (Sheets shows #REF! in its cell), and that value is the user's.
    if (normalizeHeader(String(header[c] ?? '')) === normalizeHeader(answers)) spilled.add(c);
  });
  for (let r = 0; r < read.values.length; r++) {
    const row = read.values[r] ?? [];
    const formulas = read.formulas[r] ?? [];
    for (let c = 0; c < Math.max(row.length, formulas.length); c++) {
      const value = row[c] ?? '';
      const formula = formulas[c] ?? '';
      if (value === '' && formula === '') continue;
      const ours = r === 0 ? live.has(c) || (formula === '' && known.has(c)) : spilled.has(c) && formula === '';
      if (!ours) return `${columnLetter(c)}${r + 1}`;
    }
  }
  return undefined;
}

/**
 * Does Settings hold only what set-up writes: its header, the keys with their defaults for
 * `defaults` (label → value), =TODAY(), and the In use formulas? Any value of the user's
 * (a company, a changed threshold) makes it theirs.
 */
export function settingsUntouched(plan: SettingsPlan, defaults: ReadonlyMap<string, unknown>): boolean {
  const read = plan.read;
  if (read === undefined) return true;
  const wanted = settingsInUseFormulas(plan.cells) as Readonly<Record<string, string>>;
  const keyOfRow = new Map(Object.entries(plan.rows).map(([key, row]) => [row, key]));
  const header = ['Setting', 'Value', SETTINGS_IN_USE_HEADER];
  for (let r = 0; r < read.values.length; r++) {
    const row = read.values[r] ?? [];
    const formulas = read.formulas[r] ?? [];
    const key = keyOfRow.get(r + 1);
    for (let c = 0; c < Math.max(row.length, formulas.length); c++) {
      const value = row[c] ?? '';
      const formula = formulas[c] ?? '';
      if (value === '' && formula === '') continue;
      let ours = false;
      if (r === 0 && key === undefined) ours = formula === '' && value === header[c];
      else if (key !== undefined && c === 0) ours = formula === '';
      else if (key !== undefined && c === 1) {
        ours =
          key === 'today'
            ? sameFormula(formula, '=TODAY()')
            : formula === '' && value === (defaults.get(String(read.values[r]?.[0] ?? '')) ?? '');
      } else if (key !== undefined && c === SETTINGS_IN_USE_COLUMN - 1) {
        ours = key !== 'today' && sameFormula(formula, wanted[key] ?? '');
      }
      if (!ours) return false;
    }
  }
  return true;
}
