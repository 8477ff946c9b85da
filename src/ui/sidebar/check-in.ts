/**
 * §5.2 Check-in: update a key result's Current (and Confidence) and append the
 * check-in to the `Check-ins` log. If Current is not what the sidebar showed, the
 * check-in is refused with the fresh value: nothing is overwritten silently. What the user
 * typed is checked here again, whatever the page checked: every problem is returned at once,
 * each at its field of the Check-in panel, in plain words (§5).
 * §6.3: the log is the add-on's own sheet, found by its mark; every cell that can
 * change is read first, every write is recorded in the journal, and the log's row is
 * written last, in one call, after every check; a failure undoes the rest.
 */
import { UserError } from '../../actions/run';
import { type Metric, readMetric } from '../../core/metric';
import type { Result } from '../../core/result';
import { normalizeId } from '../../core/rollup';
import { scoreKeyResult } from '../../core/score';
import { formatInUnit, numberFormatFor } from '../../core/units';
import { isBlank, readDone, readNumber } from '../../core/values';
import { CHECK_IN_MEASURED, KPI_MEASURED, OKR_MEASURED } from '../../core/workbook/measures';
import type { OkrRow } from '../../core/workbook/okr-rows';
import { CHECK_IN_SCHEMA, type CheckInColumn, headerRow, mapHeaders, TAB } from '../../core/workbook/schema';
import { readTable } from '../../core/workbook/table';
import {
  type CellValue,
  type CheckInInput,
  type CheckInProblem,
  type CheckInResult,
  type KpiSummary,
  type OkrSummary,
  refusalMessage,
  showValue,
} from '../../shared/sidebar-api';
import {
  formatRowCells,
  growSheet,
  type RowBefore,
  readCellsBefore,
  readRowBefore,
  writeOver,
  writeRowCells,
} from '../../sheets/cells';
import { serialInZone } from '../../sheets/dates';
import { asText } from '../../sheets/io';
import type { Journal } from '../../sheets/journal';
import { createOwnLog, logMovedNote, type OwnLog } from '../../sheets/own-logs';
import { kpiSummaryAt, summaryAt } from './context';
import { type CellInput, parseCurrent, textInput, wireValue } from './fields';
import { GRID_OF_LEVEL, type GridPatch, patchedState, rawCellsOf, type SidebarState } from './state';
import { type CellWrite, headerLabel } from './writes';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A cell holds 50,000 characters; a check-in comment needs far fewer. */
const MAX_COMMENT = 5_000;

/** A value in the key result's unit (§1.2): `2.4%`, not 0.024. */
function inUnit(value: CellValue, uom: string): string {
  return value === '' || typeof value === 'boolean' ? showValue(value) : formatInUnit(value, uom);
}

/** What a check-in updates: a key result's Current, or a KPI's Actual (§5.2), and where. */
interface Subject {
  readonly id: string;
  readonly tab: string;
  readonly row: number;
  readonly uom: string;
  readonly grid: GridPatch['grid'];
  /** "Current", or "Actual" for a KPI. */
  readonly valueLabel: string;
  readonly valueColumn: number;
  readonly confidenceColumn: number | undefined;
  readonly measuredColumns: readonly number[];
  readonly cells: {
    readonly start: unknown;
    readonly target: unknown;
    readonly current: unknown;
    readonly type: unknown;
  };
  /** Where its metric is fixed, for a message. */
  readonly fixIn: string;
  summary(state: SidebarState): OkrSummary | KpiSummary;
}

const columnsOf = (index: Readonly<Partial<Record<string, number>>>, keys: readonly string[]): number[] =>
  keys.flatMap((key) => (index[key] === undefined ? [] : [index[key] as number]));

/** The item a check-in is about, or why there is none, in words for the item's field. */
type Found = { readonly subject: Subject } | { readonly problem: string };

function keyResultSubject(state: SidebarState, id: string): Found {
  const kr = keyResultOf(state, id);
  if (typeof kr === 'string') return { problem: kr };
  const index = state.workbook.okr.tables[kr.level].header.index;
  if (index.current === undefined)
    throw new UserError(`Not saved: ${kr.tab} has no "Current" column. Add it to the header row.`);
  const cells = rawCellsOf(state, kr);
  const subject: Subject = {
    id: kr.id,
    tab: kr.tab,
    row: kr.row,
    uom: kr.uom,
    grid: GRID_OF_LEVEL[kr.level],
    valueLabel: 'Current',
    valueColumn: index.current,
    confidenceColumn: index.confidence,
    measuredColumns: columnsOf(index, OKR_MEASURED),
    cells: { start: cells.start, target: cells.target, current: cells.current, type: cells.metricType },
    fixIn: 'Fix its metric in the Edit panel first',
    summary: (after) => summaryAt(after, kr.tab, kr.row) as OkrSummary,
  };
  return { subject };
}

function kpiSubject(state: SidebarState, id: string): Found {
  const key = normalizeId(id);
  const result = state.workbook.kpiResults.find((k) => k.row.key === key);
  if (result === undefined) {
    return {
      problem: `There is no KPI with ID "${id}" any more: it was deleted or its ID changed. Reload the sidebar`,
    };
  }
  const { row } = result;
  const index = state.workbook.kpis.table.header.index;
  if (index.actual === undefined)
    throw new UserError(`Not saved: ${TAB.kpis} has no "Actual" column. Add it to the header row.`);
  const subject: Subject = {
    id: row.id,
    tab: TAB.kpis,
    row: row.row,
    uom: row.uom,
    grid: 'kpis',
    valueLabel: 'Actual',
    valueColumn: index.actual,
    confidenceColumn: undefined,
    measuredColumns: columnsOf(index, KPI_MEASURED),
    cells: { start: row.baseline, target: row.target, current: row.actual, type: row.directionCell },
    fixIn: `Fix its Baseline, Target or Direction on ${TAB.kpis} first`,
    summary: (after) => kpiSummaryAt(after, row.key) as KpiSummary,
  };
  return { subject };
}

/** The key result with this ID, or why there is none. */
function keyResultOf(state: SidebarState, id: string): OkrRow | string {
  const { rows } = state.workbook.okr;
  const index = state.workbook.scores.rollup.nodeIndex.get(normalizeId(id));
  const row = index === undefined ? undefined : rows[index];
  if (row === undefined) {
    return `There is no OKR with ID "${id}" any more: it was deleted or its ID changed. Reload the sidebar`;
  }
  if (row.kind !== 'Key Result') return `${row.id} is an objective: check-ins update key results`;
  return row;
}

function subjectOf(state: SidebarState, input: CheckInInput): Found {
  if (input.id.trim() === '') return { problem: input.kind === 'KPI' ? 'Choose a KPI' : 'Choose a key result' };
  return input.kind === 'KPI' ? kpiSubject(state, input.id) : keyResultSubject(state, input.id);
}

/**
 * Who is checking in, for the log's User column. Google gives a blank email where policy withholds
 * it (https://developers.google.com/apps-script/reference/base/session#getActiveUser()), and a user
 * may decline the email scope at the consent screen, which makes the call throw: either way the
 * check-in is still saved, with the User cell blank.
 */
function checkingInUser(): string {
  try {
    return Session.getActiveUser().getEmail() ?? '';
  } catch (error) {
    console.warn('Check-in saved without its user: the email is not available', error);
    return '';
  }
}

/** The typed Confidence (blank for none), or null after adding its problem. */
function confidenceOf(typed: string, problems: CheckInProblem[]): number | '' | null {
  const read = readNumber(typed.trim(), 'Confidence');
  if (!read.ok || (read.value !== null && (read.value < 0 || read.value > 10))) {
    problems.push({ field: 'confidence', message: `Confidence must be a number from 0 to 10, not "${typed.trim()}"` });
    return null;
  }
  return read.value ?? '';
}

/**
 * Why `typed` is not a value the item's metric takes, in words for the New value field, or
 * null when it is: the cell value it becomes is then `parsed`.
 */
function valueProblem(kr: Subject, metric: Metric, typed: string, parsed: Result<CellInput>): string | null {
  if (metric.type === 'binary') {
    const done = readDone(typed, 'New value');
    return done.ok ? null : done.error;
  }
  if (!parsed.ok || typeof parsed.value.value !== 'number') {
    return `New value must be a number (like 42, 1,200 or 45%), not "${typed}"`;
  }
  const { start, target, type } = kr.cells;
  const scored = scoreKeyResult({ start, target, type, current: parsed.value.value }, kr.uom);
  if (scored.ok) return null;
  return metric.type === 'milestone'
    ? `New value must be a fraction from 0 to 1 for a milestone, like 45% or 0.45 (not ${showValue(parsed.value.value)})`
    : `New value: ${scored.error}`;
}

/**
 * The typed new value as the item's cell will hold it, or null after adding its problems: the
 * value's own (blank, not a number, not one the item's metric takes) at the value's field; an
 * item that cannot be scored whatever is typed, at the item's.
 */
function newValueOf(kr: Subject | null, typed: string, problems: CheckInProblem[]): CellInput | null {
  const metric = kr === null ? null : readMetric(kr.cells.start, kr.cells.target, kr.cells.type, kr.uom);
  if (kr !== null && metric !== null && !metric.ok) {
    problems.push({ field: 'item', message: `${kr.id} cannot be scored (${metric.error}). ${kr.fixIn}` });
  }
  const shown = typed.trim();
  const parsed = parseCurrent(shown, 'New value');
  let problem: string | null;
  if (shown === '') problem = 'Enter the new value';
  else if (kr === null || metric === null || !metric.ok) {
    // No metric to check it against: only whether it can be a value at all.
    problem = parsed.ok ? null : parsed.error;
  } else problem = valueProblem(kr, metric.value, shown, parsed);
  if (problem !== null) problems.push({ field: 'value', message: problem });
  return problem === null && parsed.ok && metric?.ok === true ? parsed.value : null;
}

/** The comment as the log will hold it, or null after adding its problem. */
function commentOf(typed: string, problems: CheckInProblem[]): CellInput | null {
  const comment = textInput(typed);
  const length = String(comment.value).length;
  if (length <= MAX_COMMENT) return comment;
  const limit = MAX_COMMENT.toLocaleString('en-US');
  problems.push({
    field: 'comment',
    message: `Keep the comment to ${limit} characters (it has ${length.toLocaleString('en-US')})`,
  });
  return null;
}

interface LogTab {
  readonly log: OwnLog;
  readonly index: Readonly<Partial<Record<CheckInColumn, number>>>;
  readonly row: number;
  /** The header row written with the check-in when the log is new or empty. */
  readonly header: readonly string[] | null;
}

/** Where the check-in goes in the Check-ins log (§1.1: the add-on's own log); nothing is written here. */
function logTab(state: SidebarState): LogTab {
  const log = state.logs?.checkIns;
  if (log === undefined) throw new Error('the Check-ins log was not read');
  const grid = log.grid;
  const empty = grid === undefined || grid.every((r) => r.every(isBlank));
  if (empty) {
    const header = headerRow(CHECK_IN_SCHEMA);
    const index = mapHeaders(TAB.checkIns, header, CHECK_IN_SCHEMA).index;
    return { log, index, row: 2, header };
  }
  const table = readTable(TAB.checkIns, grid, CHECK_IN_SCHEMA);
  if (!table.header.usable) {
    const problems = table.header.problems.map((p) => p.message).join('; ');
    throw new UserError(`Not saved: the ${log.name} tab's header row cannot be read (${problems}).`);
  }
  const last = table.rows[table.rows.length - 1]?.row ?? 1;
  return { log, index: table.header.index, row: last + 1, header: null };
}

/**
 * The log's new row (with the header when the log is new or empty) as one block from its
 * first to its last column; the columns between are blank, as the row after the last is.
 */
function logBlock(target: LogTab, entry: readonly CellWrite[]): { row: number; first: number; values: unknown[][] } {
  const lines: CellWrite[][] =
    target.header === null ? [] : [target.header.map((value, column) => ({ column, value }))];
  lines.push([...entry]);
  const columns = lines.flat().map((c) => c.column);
  const first = Math.min(...columns);
  const width = Math.max(...columns) - first + 1;
  const values = lines.map((line) => {
    const row: unknown[] = new Array(width).fill('');
    for (const cell of line) row[cell.column - first] = cell.value;
    return row;
  });
  return { row: target.header === null ? target.row : 1, first, values };
}

export function recordCheckInIn(state: SidebarState, input: CheckInInput, journal: Journal): CheckInResult {
  const found = subjectOf(state, input);
  const problems: CheckInProblem[] = 'problem' in found ? [{ field: 'item', message: found.problem }] : [];
  const subject = 'subject' in found ? found.subject : null;
  if (subject !== null) {
    const fresh = wireValue(subject.cells.current);
    if (fresh !== input.seen) {
      const { id, valueLabel, uom } = subject;
      const message =
        `${id}'s ${valueLabel} changed to ${inUnit(fresh, uom)} since the sidebar loaded it (you saw ${inUnit(input.seen, uom)}). ` +
        'Nothing was saved: check the new value, then record your check-in again.';
      return { status: 'stale', message, fresh: subject.summary(state) };
    }
  }
  // Every problem at once (§5): the item, then each field in the panel's order.
  const value = newValueOf(subject, input.value, problems);
  const confidence = confidenceOf(input.confidence, problems);
  const comment = commentOf(input.comment, problems);
  const sheet = subject === null ? null : (state.ss.getSheetByName(subject.tab) as Sheet);
  if (subject !== null && sheet !== null) {
    const formula = sheet.getRange(subject.row, subject.valueColumn + 1).getFormula();
    if (formula !== '') {
      const { valueLabel, id, tab, row } = subject;
      const message = `${valueLabel} of ${id} (${tab} row ${row}) is a formula, ${formula}. Update the cells it reads instead`;
      problems.push({ field: 'item', message });
    }
  }
  if (problems.length > 0) return { status: 'invalid', message: refusalMessage(problems.length), problems };
  if (subject === null || sheet === null || value === null || confidence === null || comment === null) {
    throw new Error('a check-in was refused without a problem to show');
  }
  const kr = subject;
  const currentColumn = kr.valueColumn;
  const cells = kr.cells;

  const confidenceColumn = kr.confidenceColumn;
  const okrWrites: CellWrite[] = [{ column: currentColumn, value: value.write }];
  const okrPatches: GridPatch[] = [{ grid: kr.grid, row: kr.row, column: currentColumn, value: value.value }];
  if (confidenceColumn !== undefined && confidence !== '') {
    okrWrites.push({ column: confidenceColumn, value: confidence });
    okrPatches.push({ grid: kr.grid, row: kr.row, column: confidenceColumn, value: confidence });
  }

  const target = logTab(state);
  const now = new Date();
  const entry: Record<CheckInColumn, { write: unknown; value: unknown }> = {
    timestamp: { write: now, value: serialInZone(now, state.timeZone) },
    id: { write: asText(kr.id), value: kr.id },
    oldValue: { write: asText(cells.current), value: cells.current },
    newValue: { write: value.write, value: value.value },
    confidence: { write: confidence, value: confidence },
    comment: { write: comment.write, value: comment.value },
    user: textInput(checkingInUser()),
  };
  const logWrites: CellWrite[] = [];
  const logPatches: GridPatch[] = [];
  for (const [key, cell] of Object.entries(entry) as [CheckInColumn, { write: unknown; value: unknown }][]) {
    const column = target.index[key];
    if (column === undefined) continue;
    logWrites.push({ column, value: cell.write });
    logPatches.push({ grid: 'checkIns', row: target.row, column, value: cell.value });
  }
  if (target.header !== null) {
    for (const [column, value] of target.header.entries()) logPatches.push({ grid: 'checkIns', row: 1, column, value });
  }

  // §1.2: the new value shows in the key result's unit, on its row and in the log.
  const measured = [cells.start, cells.target, value.value, cells.current];
  const format = numberFormatFor(kr.uom, measured);
  const okrMeasured = [...kr.measuredColumns];
  const logMeasured = CHECK_IN_MEASURED.flatMap((key) => {
    const column = target.index[key];
    return column === undefined ? [] : [column];
  });
  const block = logBlock(target, logWrites);

  // Everything that can change is read before the first write (§6.3).
  const okrLabel = headerLabel(state.grids[kr.grid]);
  const okrBefore = readRowBefore(sheet, kr.tab, kr.row, [...okrWrites.map((w) => w.column), ...okrMeasured], kr.row);
  const { log } = target;
  const logLabel = headerLabel(target.header === null ? log.grid : [target.header]);
  const blockRows = block.values.length;
  const blockWidth = block.values[0]?.length ?? 0;
  const existing = log.sheet !== null && block.row + blockRows - 1 <= log.maxRows;
  const blockBefore =
    existing && log.sheet !== null
      ? readCellsBefore(log.sheet, log.name, block.row, block.first + 1, blockRows, blockWidth)
      : null;
  const entryBefore =
    log.sheet === null ? null : readRowBefore(log.sheet, log.name, target.row, logMeasured, log.maxRows);
  const width = block.first + blockWidth;

  const logSheet = log.sheet ?? createOwnLog(state.ss, journal, log, width);
  if (log.sheet !== null) growSheet(journal, logSheet, log.name, log, target.row, width);
  writeRowCells(journal, okrBefore, okrWrites, okrLabel);
  formatRowCells(journal, okrBefore, okrMeasured, format, okrLabel);
  const entryRow: RowBefore = entryBefore ?? { sheet: logSheet, tab: log.name, row: target.row, span: null, first: 0 };
  formatRowCells(journal, entryRow, logMeasured, format, logLabel);
  // The check-in itself: one call, after every check and every other write.
  if (blockBefore !== null) writeOver(journal, blockBefore, block.values, 'check-in');
  else logSheet.getRange(block.row, block.first + 1, blockRows, blockWidth).setValues(block.values);

  const after = patchedState(state, [...okrPatches, ...logPatches]);
  return {
    status: 'saved',
    message:
      `Checked in ${kr.id}: ${inUnit(wireValue(cells.current), kr.uom)} → ${inUnit(wireValue(value.value), kr.uom)}.` +
      (log.nameTakenByUser === undefined ? '' : ` ${logMovedNote(log)}`),
    saved: kr.summary(after),
    entry: {
      at: now.toISOString(),
      id: kr.id,
      oldValue: wireValue(entry.oldValue.value),
      newValue: wireValue(entry.newValue.value),
      confidence,
      comment: String(entry.comment.value),
      user: String(entry.user.value),
    },
  };
}
