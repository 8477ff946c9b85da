/**
 * The live formulas (§1.2, §1.3) go into the header cells of the computed columns, and the
 * cells below belong to their answers. On a user's tab a column may hold what was typed there
 * before (an old per-row formula, pasted values): set-up takes such a column over in an order
 * that never loses them (§6.3) — first a note on the header cell keeps every typed value, then
 * the formula goes in, then the cells below are cleared. Each step is in the journal with its
 * undo; if the note would be too long, the column is left as it is and the summary says so.
 * What an array formula in the header cell spilled below it was never typed: see spilledBelow.
 */
import { columnLetter, rangeA1 } from '../../core/workbook/a1';
import { type KpiColumn, normalizeHeader, type OkrColumn } from '../../core/workbook/schema';
import { cellInput } from '../cells';
import { sameFormula } from '../formula-text';
import type { Journal } from '../journal';
import {
  kpiProgressFormula,
  kpiSmartFormula,
  kpiStatusFormula,
  type OkrTabColumns,
  okrExpectedFormula,
  okrScoreFormula,
  okrStatusFormula,
  type SettingsCells,
} from '../live-formulas';
import type { SetupWrites } from './sheet-writes';
import type { TabRead } from './survey';
import type { PreparedTable } from './tables';

/** What a cell note holds at most, as a cell's text (Sheets' limit). */
const MAX_NOTE = 50_000;

/** The parts of a table the formulas are planned from (its sheet may not exist yet). */
export type FormulaTable = Pick<
  PreparedTable<string>,
  'name' | 'plan' | 'read' | 'headerValues' | 'headerFormulas' | 'created'
>;

/** A computed column's live formula, and what set-up must do to put it in. */
export interface FormulaPlan {
  readonly table: FormulaTable;
  /** 0-based column. */
  readonly column: number;
  /** The column's header, for messages. */
  readonly header: string;
  readonly formula: string;
  /** The header cell holds another formula (or none): it is written. */
  readonly changed: boolean;
  /** Cells below the header holding something (1-based rows), to keep in a note and clear. */
  readonly typed: readonly { readonly row: number; readonly value: unknown; readonly formula: string }[];
}

export function okrFormulas(
  tables: readonly Pick<PreparedTable<OkrColumn>, keyof FormulaTable>[],
  tabs: readonly OkrTabColumns[],
  settings: SettingsCells,
): FormulaPlan[] {
  return tables.flatMap((table, i) => {
    const tab = tabs[i] as OkrTabColumns;
    return [
      planFormula(table, tab.columns.score, 'Score', okrScoreFormula(tabs, i)),
      planFormula(table, tab.columns.expected, 'Expected', okrExpectedFormula(tab, settings)),
      planFormula(table, tab.columns.status, 'Status', okrStatusFormula(tab, settings)),
    ];
  });
}

export function kpiFormulas(
  table: Pick<PreparedTable<KpiColumn>, keyof FormulaTable>,
  okrTabs: readonly OkrTabColumns[],
  settings: SettingsCells,
): FormulaPlan[] {
  const kpi = { name: table.name, columns: table.plan.index };
  return [
    planFormula(table, kpi.columns.progress, 'Progress', kpiProgressFormula(kpi)),
    planFormula(table, kpi.columns.status, 'Status', kpiStatusFormula(kpi, settings)),
    planFormula(table, kpi.columns.smart, 'SMART', kpiSmartFormula(kpi, okrTabs, settings)),
  ];
}

function planFormula<K extends string>(
  table: Pick<PreparedTable<K>, keyof FormulaTable>,
  column: number,
  header: string,
  formula: string,
): FormulaPlan {
  const before = table.headerFormulas[column] ?? '';
  const changed = !sameFormula(before, formula);
  const typed: { row: number; value: unknown; formula: string }[] = [];
  const read = table.read;
  if (changed && read !== undefined) {
    let spilled = spilledBelow(before, table.headerValues[column], header);
    for (let r = 1; r < read.values.length; r++) {
      const value = read.values[r]?.[column] ?? '';
      const cellFormula = read.formulas[r]?.[column] ?? '';
      // A cell holding a formula would have stopped the spill: it ended above, and what follows was typed.
      if (cellFormula !== '') spilled = false;
      if (!spilled && (value !== '' || cellFormula !== '')) typed.push({ row: r + 1, value, formula: cellFormula });
    }
  }
  return { table: table as unknown as FormulaTable, column, header, formula, changed, typed };
}

/** An array formula: ARRAYFORMULA (all our live formulas, of every version), an array literal, or a function answering an array. */
const ARRAY_FORMULA =
  /^=\s*(?:\{|(?:ARRAYFORMULA|VSTACK|FILTER|SORT|SORTN|UNIQUE|QUERY|SEQUENCE|FLATTEN|MAP|BYROW|MAKEARRAY)\s*\()/i;

/**
 * Are the formula-less values below a header cell what its formula spilled, not typed
 * (getFormulas() reads "" for both)? Sheets spreads an array formula only over empty cells: with
 * a value in its way it fills nothing and shows #REF! ("Array result was not expanded because it
 * would overwrite data") in its own cell. So an array formula showing its header text has filled
 * the cells below, and replacing it loses nothing. One showing an error, or Loading... (its spill
 * blank meanwhile), may have typed values below it.
 *
 * How far it filled is not read. Ours fill the whole column (SEQUENCE(ROWS(own A:A))), but an
 * older or a user's array formula may stop short (the first live formulas read open-ended ranges
 * like H2:H, which a row inserted under the header turns into H3:H), and a value typed below
 * where it stopped is taken for an answer. Telling where would mean sizing the arrays it
 * computes, from the data and the sheet's row count (a call per tab, read only where set-up needs
 * it, §6.1). Nothing is lost that way: nothing below a replaced formula is cleared, and the live
 * formula stops at the value with Sheets' #REF! naming its cell until it is cleared (user guide,
 * "The live formulas"). What the survey does show is used: a cell holding a formula would have
 * blocked the spill, so from the first one down the values are typed (planFormula).
 */
function spilledBelow(formula: string, value: unknown, header: string): boolean {
  return ARRAY_FORMULA.test(formula) && normalizeHeader(value) === normalizeHeader(header);
}

function shown(value: unknown): string {
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).toISOString();
  return String(value);
}

/** The note that keeps a column's typed values: what was in the note before, then each cell. */
export function keepingNote(plan: FormulaPlan, before: string, day: string): string {
  const lines = plan.typed.map(
    ({ row, value, formula }) => `${columnLetter(plan.column)}${row}: ${formula !== '' ? formula : shown(value)}`,
  );
  const text = `Set up workbook put the live formula of "${plan.header}" here on ${day}. What was typed below it:\n${lines.join('\n')}`;
  return before === '' ? text : `${before}\n\n${text}`;
}

export interface TakeOver {
  /** Typed values the formula replaced, kept in the header cell's note (A1 of the note). */
  readonly replaced: readonly {
    readonly tab: string;
    readonly header: string;
    readonly count: number;
    readonly note: string;
  }[];
  /** Columns left as they were: their typed values would not fit in a note. */
  readonly left: readonly string[];
}

/**
 * Writes the formulas of columns on a user's tab (one that was read) that need one, each in the safe order. `notes`
 * are the header cells' notes as read before any write (by column), for the columns with typed values.
 */
export function takeOverColumns(
  journal: Journal,
  writes: SetupWrites,
  plans: readonly FormulaPlan[],
  notes: ReadonlyMap<FormulaPlan, string>,
  day: string,
): TakeOver {
  const replaced: { tab: string; header: string; count: number; note: string }[] = [];
  const left: string[] = [];
  // Columns with nothing typed below take their formulas in one write per run of adjacent ones.
  const plain = plans.filter((plan) => plan.typed.length === 0);
  for (const run of adjacentRuns(plain)) writeFormulaRun(journal, writes, run);
  for (const plan of plans) {
    if (plan.typed.length === 0) continue;
    const { table, column, header } = plan;
    const sheet = (table.read as TabRead).sheet;
    const a1 = `${table.name}!${columnLetter(column)}1`;
    const before = notes.get(plan) ?? '';
    const note = keepingNote(plan, before, day);
    if (note.length > MAX_NOTE) {
      left.push(
        `"${header}" on "${table.name}" holds ${plan.typed.length} typed values, too many to keep in a note, so it was left as it is. Move them elsewhere and run Set up workbook again to get its live formula.`,
      );
      continue;
    }
    const oldValue = table.headerValues[column] ?? '';
    const oldFormula = table.headerFormulas[column] ?? '';
    writes.at(sheet, rangeA1(1, column + 1, 1, 1), (headerCell) => {
      headerCell.setNote(note);
      journal.record(`${a1}: a note keeping the ${plan.typed.length} typed values under "${header}"`, () =>
        headerCell.setNote(before),
      );
      headerCell.setFormula(plan.formula);
      journal.record(`${a1} (${header}): its live formula`, () =>
        headerCell.setValues([[cellInput(oldValue, oldFormula)]]),
      );
    });
    const last = Math.max(...plan.typed.map((t) => t.row));
    const typedBefore = Array.from({ length: last - 1 }, (_, k) => {
      const cell = plan.typed.find((t) => t.row === k + 2);
      return [cell === undefined ? '' : cellInput(cell.value, cell.formula)];
    });
    writes.at(sheet, rangeA1(2, column + 1, last - 1, 1), (body) => {
      body.clearContent();
      journal.record(
        `${table.name}!${columnLetter(column)}2:${columnLetter(column)}${last} (${header}): ${plan.typed.length} typed values cleared, kept in the note on ${columnLetter(column)}1`,
        () => body.setValues(typedBefore),
      );
    });
    replaced.push({ tab: table.name, header, count: plan.typed.length, note: a1 });
  }
  return { replaced, left };
}

/** Plans on one tab whose columns follow each other, in column order. */
function adjacentRuns(plans: readonly FormulaPlan[]): FormulaPlan[][] {
  const sorted = [...plans].sort((a, b) => a.table.name.localeCompare(b.table.name) || a.column - b.column);
  const runs: FormulaPlan[][] = [];
  for (const plan of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && last.table === plan.table && last.column + 1 === plan.column) run.push(plan);
    else runs.push([plan]);
  }
  return runs;
}

/** Live formulas into adjacent header cells in one call; the undo puts back what they held. */
function writeFormulaRun(journal: Journal, writes: SetupWrites, run: readonly FormulaPlan[]): void {
  const first = run[0] as FormulaPlan;
  const { table } = first;
  const before = [
    run.map((plan) => cellInput(table.headerValues[plan.column] ?? '', table.headerFormulas[plan.column] ?? '')),
  ];
  const last = run[run.length - 1] as FormulaPlan;
  const where =
    run.length === 1
      ? `${columnLetter(first.column)}1`
      : `${columnLetter(first.column)}1:${columnLetter(last.column)}1`;
  const names = run.map((plan) => plan.header).join(', ');
  writes.at((table.read as TabRead).sheet, rangeA1(1, first.column + 1, 1, run.length), (cells) => {
    cells.setFormulas([run.map((plan) => plan.formula)]);
    journal.record(`${table.name}!${where} (${names}): live formulas`, () => cells.setValues(before));
  });
}
