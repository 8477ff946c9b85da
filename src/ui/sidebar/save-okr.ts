/**
 * §5.1 Save: create or edit one objective or key result. Everything is checked
 * before anything is written: the typed values (§2), then the whole workbook as it
 * would be after the save (§4.3) — an error the save would introduce refuses it.
 * Only that row's edited input cells are written; Score, Expected, Status and the
 * user's own columns are never touched.
 */
import { UserError } from '../../actions/run';
import { normalizeId } from '../../core/rollup';
import { numberFormatFor } from '../../core/units';
import { type Finding, formatFinding } from '../../core/workbook/findings';
import { OKR_MEASURED } from '../../core/workbook/measures';
import type { OkrKind, OkrRow } from '../../core/workbook/okr-rows';
import { LEVELS, type Level, OKR_TAB_OF_LEVEL, type OkrColumn, shownHeader } from '../../core/workbook/schema';
import { validateWorkbook } from '../../core/workbook/validate';
import {
  EDIT_FIELDS,
  type EditField,
  FIELD_LABELS,
  type OkrFields,
  refusalMessage,
  type SaveOkrInput,
  type SaveOkrResult,
  type SaveProblem,
} from '../../shared/sidebar-api';
import { formatRowCells, growSheet, readRowBefore, writeRowCells } from '../../sheets/cells';
import { asText } from '../../sheets/io';
import type { Journal } from '../../sheets/journal';
import { changedSummaries, itemAt } from './context';
import { type CellInput, fieldsOf, parseField } from './fields';
import { generateId } from './ids';
import {
  GRID_OF_LEVEL,
  type GridPatch,
  lastDataRow,
  patchedState,
  rawCellsOf,
  type SidebarState,
  usableLevels,
} from './state';
import { type CellWrite, headerLabel } from './writes';

interface Plan {
  readonly tab: string;
  readonly row: number;
  readonly id: string;
  readonly created: boolean;
  /** Column → typed value to write ('id' only for a row that gets a new ID). */
  readonly values: Partial<Record<EditField | 'id', string>>;
}

/** Warnings every brand-new row has (no key results, no check-in yet): noise right after creating it. */
const NOT_YET: ReadonlySet<Finding['rule']> = new Set(['key-result-count', 'stale-check-in']);

const findingKey = (f: Finding): string => [f.severity, f.rule, f.tab, f.row, f.column ?? '', f.message].join('\u0000');

/** The row an edit is about: by row number if it still holds that ID, else wherever the ID moved. */
function findTarget(state: SidebarState, level: Level, ref: NonNullable<SaveOkrInput['target']>): OkrRow | undefined {
  const rows = state.workbook.okr.rows.filter((r) => r.level === level);
  const key = normalizeId(ref.id);
  const atRow = rows.find((r) => r.row === ref.row);
  if (atRow !== undefined && atRow.key === key) return atRow;
  return key === '' ? undefined : rows.find((r) => r.key === key);
}

function conflictMessage(row: OkrRow, fields: readonly EditField[], fresh: OkrFields): string {
  const what = fields.map((f) => `${FIELD_LABELS[f]} is now ${fresh[f] === '' ? 'blank' : `"${fresh[f]}"`}`);
  return (
    `${row.id || `${row.tab} row ${row.row}`} changed in the sheet since the sidebar loaded it: ${what.join('; ')}. ` +
    'Nothing was saved.'
  );
}

function planEdit(
  state: SidebarState,
  input: SaveOkrInput,
  level: Level,
): { plan: Plan } | { conflict: SaveOkrResult } {
  const ref = input.target as NonNullable<SaveOkrInput['target']>;
  const tab = OKR_TAB_OF_LEVEL[level];
  if (ref.tab !== tab) {
    throw new UserError(
      `An OKR stays on its level: ${ref.id || 'this row'} is on ${ref.tab}. To move it, create it on ${tab} and delete the old row.`,
    );
  }
  const row = findTarget(state, level, ref);
  if (row === undefined) {
    const message = `${ref.id || `Row ${ref.row}`} is no longer on ${tab}: it was deleted or its ID changed. Nothing was saved.`;
    return { conflict: { status: 'conflict', message, fresh: null } };
  }
  const fresh = fieldsOf(rawCellsOf(state, row), row.kind);
  const base = input.base ?? fresh;
  const changed = EDIT_FIELDS.filter((f) => input.fields[f].trim() !== base[f]);
  const conflicts = changed.filter((f) => fresh[f] !== base[f] && fresh[f] !== input.fields[f].trim());
  if (conflicts.length > 0) {
    const message = conflictMessage(row, conflicts, fresh);
    return { conflict: { status: 'conflict', message, fresh: itemAt(state, tab, row.row) ?? null } };
  }
  const values: Plan['values'] = {};
  for (const f of changed) values[f] = input.fields[f];
  let id = row.id;
  if (id === '') {
    id = generateId(state.workbook.okr.rows, level, input.fields.type as OkrKind, unitForId(state, input));
    values.id = id;
  }
  return { plan: { tab, row: row.row, id, created: false, values } };
}

/** A key result with a blank Unit is named after its objective's unit. */
function unitForId(state: SidebarState, input: SaveOkrInput): string {
  const unit = input.fields.unit.trim();
  if (unit !== '' || input.fields.type !== 'Key Result') return unit;
  const parent = state.workbook.okr.rows.find((r) => r.key === normalizeId(input.fields.parentId));
  return parent?.unit ?? '';
}

function planNew(state: SidebarState, input: SaveOkrInput, level: Level): Plan {
  const kind = input.fields.type as OkrKind;
  const id = input.id.trim() || generateId(state.workbook.okr.rows, level, kind, unitForId(state, input));
  const values: Plan['values'] = { id };
  for (const f of EDIT_FIELDS) if (input.fields[f].trim() !== '') values[f] = input.fields[f];
  return { tab: OKR_TAB_OF_LEVEL[level], row: lastDataRow(state, level) + 1, id, created: true, values };
}

type Cells = { column: number; input: CellInput }[];

/** Each planned value parsed, with its column; every problem kept, at its field. */
function cellsOf(state: SidebarState, level: Level, plan: Plan): { cells: Cells; problems: SaveProblem[] } {
  const header = state.workbook.okr.tables[level].header;
  const problems: SaveProblem[] = [];
  const cells: Cells = [];
  for (const [key, typed] of Object.entries(plan.values) as [EditField | 'id', string][]) {
    const parsed: { ok: true; value: CellInput } | { ok: false; error: string } =
      key === 'id' ? { ok: true, value: { value: typed, write: asText(typed) } } : parseField(key, typed);
    if (!parsed.ok) {
      problems.push({ field: key, message: parsed.error });
      continue;
    }
    const column = header.index[key as OkrColumn];
    if (column === undefined) {
      if (parsed.value.value === '') continue;
      const name = shownHeader(header, state.workbook.okr.tables[level].schema, key as OkrColumn);
      problems.push({
        field: key,
        message: `${plan.tab} has no "${name}" column: add it to the header row to set ${FIELD_LABELS[key as EditField] ?? name}`,
      });
      continue;
    }
    cells.push({ column, input: parsed.value });
  }
  return { cells, problems };
}

function checkInput(input: SaveOkrInput, level: Level): SaveProblem[] {
  const problems: SaveProblem[] = [];
  if (!LEVELS.includes(level)) problems.push({ field: 'level', message: `Choose a level: ${LEVELS.join(', ')}` });
  if (input.fields.type !== 'Objective' && input.fields.type !== 'Key Result') {
    problems.push({ field: 'type', message: 'Choose whether it is an objective or a key result' });
  }
  if (input.fields.title.trim() === '') problems.push({ field: 'title', message: 'Give it a title' });
  return problems;
}

/** The form field a finding is about (by the column it names), or null for the row as a whole. */
function fieldOf(state: SidebarState, level: Level, finding: Finding): SaveProblem['field'] {
  if (finding.columnIndex === undefined) return null;
  const index = state.workbook.okr.tables[level].header.index as Partial<Record<OkrColumn, number>>;
  const key = (Object.keys(index) as OkrColumn[]).find((k) => index[k] === finding.columnIndex);
  if (key === 'id') return 'id';
  return key !== undefined && (EDIT_FIELDS as readonly string[]).includes(key) ? (key as EditField) : null;
}

function refused(problems: readonly SaveProblem[]): SaveOkrResult {
  return { status: 'invalid', message: refusalMessage(problems.length), problems };
}

export function saveOkrIn(state: SidebarState, input: SaveOkrInput, journal: Journal): SaveOkrResult {
  const level = input.level as Level;
  const inputProblems = checkInput(input, level);
  if (inputProblems.some((p) => p.field === 'level' || p.field === 'type')) return refused(inputProblems);
  const tab = OKR_TAB_OF_LEVEL[level];
  if (!usableLevels(state).includes(level)) {
    throw new UserError(
      `Not saved: there is no usable "${tab}" tab. Run Set up workbook (or fix its header row) first.`,
    );
  }
  let plan: Plan;
  if (input.target === null) plan = planNew(state, input, level);
  else {
    const edit = planEdit(state, input, level);
    if ('conflict' in edit) return edit.conflict;
    plan = edit.plan;
  }
  const parsed = cellsOf(state, level, plan);
  const { cells } = parsed;
  if (cells.length === 0 && inputProblems.length + parsed.problems.length === 0) {
    const item = itemAt(state, tab, plan.row);
    if (item === undefined) throw new UserError('Not saved: nothing to save.');
    return { status: 'saved', message: 'No changes to save.', warnings: [], saved: item, changed: [] };
  }

  const patches: GridPatch[] = cells.map(({ column, input: cell }) => ({
    grid: GRID_OF_LEVEL[level],
    row: plan.row,
    column,
    value: cell.value,
  }));
  const after = patchedState(state, patches);
  const before = new Set(validateWorkbook(state.workbook).map(findingKey));
  const findings = validateWorkbook(after.workbook);
  const introduced = findings.filter((f) => f.severity === 'error' && !before.has(findingKey(f)));
  const sheet = state.ss.getSheetByName(tab) as GoogleAppsScript.Spreadsheet.Sheet;
  const writes: CellWrite[] = cells.map(({ column, input: cell }) => ({ column, value: cell.write }));
  // §1.2: the row's values show in its unit of measure.
  const written = after.workbook.okr.rows.find((r) => r.tab === tab && r.row === plan.row);
  const index = after.workbook.okr.tables[level].header.index;
  const measured =
    written === undefined ? [] : OKR_MEASURED.flatMap((key) => (index[key] === undefined ? [] : [index[key]]));
  // Everything that can change is read first (§6.3: each write below can be undone), and before
  // any refusal, which names a cell holding a formula with the rest.
  const size = { maxRows: sheet.getMaxRows(), maxColumns: sheet.getMaxColumns() };
  const touched = [...writes.map((w) => w.column), ...measured];
  const was = readRowBefore(sheet, tab, plan.row, touched, size.maxRows);
  const formulaAt = (column: number): string => was.span?.formulas[0]?.[column - was.first] ?? '';

  // Every problem at once: the typed values, then what the row would break (§4.3), each once per
  // field. A cell holding a formula (a Current linked to another sheet, a Target computed) is
  // changed in the sheet, never replaced by a save, as a check-in never replaces one.
  const problems = [...inputProblems, ...parsed.problems];
  const add = (problem: SaveProblem) => {
    if (problem.field === null || !problems.some((p) => p.field === problem.field)) problems.push(problem);
  };
  for (const { column } of writes) {
    const formula = formulaAt(column);
    if (formula === '') continue;
    const key = (Object.keys(index) as OkrColumn[]).find((k) => index[k] === column);
    const field: SaveProblem['field'] =
      key === 'id' ? 'id' : (EDIT_FIELDS as readonly string[]).includes(key ?? '') ? (key as EditField) : null;
    add({ field, message: `This cell holds a formula, ${formula}: change it in the sheet (or delete it there first)` });
  }
  for (const finding of introduced) add({ field: fieldOf(state, level, finding), message: finding.message });
  if (problems.length > 0) return refused(problems);

  // A Current that is a formula is never stale (by-formula.ts): the read above has it, no call more.
  const byFormula = index.current !== undefined && formulaAt(index.current) !== '';
  const warnings = findings
    .filter((f) => f.tab === tab && f.row === plan.row && !(plan.created && NOT_YET.has(f.rule)))
    .filter((f) => !(byFormula && f.rule === 'stale-check-in'))
    .map(formatFinding);
  const label = headerLabel(state.grids[GRID_OF_LEVEL[level]]);
  growSheet(journal, sheet, tab, size, plan.row, Math.max(...touched) + 1);
  writeRowCells(journal, was, writes, label);
  if (written !== undefined) {
    const format = numberFormatFor(written.uom, [written.start, written.target, written.current]);
    formatRowCells(journal, was, measured, format, label);
  }

  const saved = itemAt(after, tab, plan.row);
  if (saved === undefined) throw new Error(`${tab} row ${plan.row} did not read back as an OKR row`);
  const verb = plan.created ? 'Added' : 'Saved';
  return {
    status: 'saved',
    message: `${verb} ${plan.id} on ${tab}, row ${plan.row}.`,
    warnings,
    saved,
    changed: changedSummaries(state, after),
  };
}
