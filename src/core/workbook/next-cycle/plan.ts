/**
 * §4.6 Start next cycle, as a plan: every check and every value is worked out here,
 * from the tabs' raw input cells, before the adapter writes anything. The adapter
 * then archives (copies, frozen), writes the few cells listed, and sets Settings.
 *
 * Rules (shown to the user in the confirmation and the summary):
 * - Nothing is deleted: every row stays on its tab.
 * - An unfinished key result (own score < 1) is carried over: Start := its last Current
 *   and Current is cleared, so it starts the new cycle at 0 ("not started", §2.3) until
 *   its first check-in; the old value stays visible as Start and in the archive. With no
 *   Current yet, Start stays. Without a Start column, Current is kept (it has nowhere to go).
 * - Finished key results (score 1) keep their values, so the team sees what was achieved
 *   until it replaces them; key results whose metric has an error keep theirs too and are
 *   listed. Objectives and key results scored by roll-up carry on unchanged.
 * - Per-row dates that lie before the new cycle (Start date before its start, Due date on
 *   or before it) are cleared on every row, finished ones included, so the row takes the
 *   new cycle's dates (§1.2: blank means the cycle's) instead of an Expected error. A date
 *   set beyond the old cycle stays.
 * - KPIs measured short of their target roll over the same way: Baseline := Actual, Actual
 *   cleared. A KPI at or past its target keeps its values (its target needs a new level,
 *   and a Baseline past the Target would be an error). Every KPI Due date before the new
 *   cycle moves to the new cycle's end, so the KPI stays Time-bound (§1.3; a blank Due date
 *   would fail SMART, unlike a blank OKR date).
 * - A cell holding a formula (the user's own lookup, say) is never overwritten.
 */

import { progress } from '../../metric';
import { err, ok, type Result } from '../../result';
import { isBlank, readDate } from '../../values';
import { formatFinding } from '../findings';
import { parseKpis } from '../kpis';
import { classifyMetricError } from '../metric-problems';
import { type OkrTabs, parseOkrTabs } from '../okr-rows';
import { columnLetter, KPI_SCHEMA, LEVELS, normalizeHeader, OKR_SCHEMA, shownHeader, TAB } from '../schema';
import { parseSettings, SETTING_LABELS, type SettingKey } from '../settings';
import type { Grid } from '../table';
import { archiveName, type Cycle, MAX_TAB_NAME, proposeNextCycle } from './cycle';

export const ARCHIVE_KEY = 'okr-cascade.archive';

export type ArchivedGrid = 'corporate' | 'department' | 'team' | 'kpis';
export type PlanGrid = ArchivedGrid | 'settings';

/** The tabs archived, in §1.1 order, keyed as in WorkbookGrids. */
export const ARCHIVED: readonly { readonly key: ArchivedGrid; readonly tab: string }[] = [
  { key: 'corporate', tab: TAB.corporate },
  { key: 'department', tab: TAB.department },
  { key: 'team', tab: TAB.team },
  { key: 'kpis', tab: TAB.kpis },
];

export interface NextCycleInput {
  /** Raw values per tab (Dates as serials); undefined for a tab that does not exist. */
  readonly grids: Readonly<Partial<Record<PlanGrid, Grid>>>;
  /** `getFormulas()` of the same ranges; "" where a cell holds no formula. */
  readonly formulas: Readonly<Partial<Record<PlanGrid, Grid>>>;
  /** Every tab name in the spreadsheet. */
  readonly sheetNames: readonly string[];
  /** Today, a Sheets serial. */
  readonly asOfDay: number;
  /** The OKR tabs of `grids` parsed already (the action reads the workbook anyway): parsed here if not. */
  readonly okr?: OkrTabs;
}

export interface CellChange {
  /** 1-based sheet row. */
  readonly row: number;
  /** "" clears; when `date`, a number is a serial to write as a date. */
  readonly value: unknown;
  readonly date: boolean;
}

/** New values for some cells of one column: written as one block by the adapter. */
export interface ColumnChanges {
  readonly tab: string;
  readonly grid: PlanGrid;
  /** 0-based. */
  readonly column: number;
  /** The header as the user wrote it (for Settings: the key of the first change). */
  readonly header: string;
  readonly changes: readonly CellChange[];
}

export interface RowRef {
  readonly tab: string;
  readonly row: number;
  readonly id: string;
}

export interface NextCyclePlan {
  readonly oldCycle: Cycle;
  readonly newCycle: Cycle;
  readonly asOfDay: number;
  readonly archives: readonly { readonly key: ArchivedGrid; readonly tab: string; readonly name: string }[];
  /** Live OKR and KPI cells, then Settings value cells. */
  readonly columns: readonly ColumnChanges[];
  /** Settings keys missing from the tab: rows appended below it. */
  readonly appendSettings: readonly (readonly [string, unknown])[];
  readonly carried: readonly RowRef[];
  readonly finished: readonly RowRef[];
  readonly objectives: number;
  readonly rolledUp: number;
  /** Key results left alone because their metric has an error: one line each, naming the cell. */
  readonly broken: readonly string[];
  readonly datesCleared: number;
  readonly kpisRolled: readonly RowRef[];
  readonly kpisReached: readonly RowRef[];
  readonly kpisBroken: readonly string[];
  readonly kpiDatesMoved: number;
  /** Cells left alone because they hold a formula, like `Team OKRs!J7 (Current)`. */
  readonly formulaCells: readonly string[];
}

type Changes = Map<string, { grid: PlanGrid; tab: string; column: number; header: string; changes: CellChange[] }>;

/** Collects changes, skipping cells (or whole columns, from a header formula) that hold formulas. */
function changeSink(input: NextCycleInput, formulaCells: string[]) {
  const columns: Changes = new Map();
  const formulaAt = (grid: PlanGrid, row: number, column: number): string => {
    const cells = input.formulas[grid];
    const header = cells?.[0]?.[column];
    if (typeof header === 'string' && header !== '') return header;
    const own = cells?.[row - 1]?.[column];
    return typeof own === 'string' ? own : '';
  };
  const set = (
    grid: PlanGrid,
    tab: string,
    column: number | undefined,
    header: string,
    date: boolean,
    row: number,
    value: unknown,
  ): boolean => {
    if (column === undefined) return false;
    if (formulaAt(grid, row, column) !== '') {
      formulaCells.push(`${tab}!${columnLetter(column)}${row} (${header})`);
      return false;
    }
    const key = `${tab}\u0000${column}`;
    let entry = columns.get(key);
    if (entry === undefined) {
      entry = { grid, tab, column, header, changes: [] };
      columns.set(key, entry);
    }
    entry.changes.push({ row, value, date });
    return true;
  };
  return { columns, set };
}

const beforeDay = (value: unknown, day: number, orOn: boolean): boolean => {
  const read = readDate(value, 'date');
  if (!read.ok || read.value === null) return false;
  const d = Math.floor(read.value);
  return orOn ? d <= day : d < day;
};

function settingRows(grid: Grid): Map<SettingKey, number> {
  const rows = new Map<SettingKey, number>();
  const keys = Object.keys(SETTING_LABELS) as SettingKey[];
  grid.forEach((cells, r) => {
    const label = normalizeHeader(cells[0]);
    const key = keys.find((k) => normalizeHeader(SETTING_LABELS[k]) === label);
    if (key !== undefined && !rows.has(key)) rows.set(key, r + 1);
  });
  return rows;
}

const CYCLE_KEYS: readonly SettingKey[] = ['cycleName', 'cycleStart', 'cycleEnd'];

function checkTabs(input: NextCycleInput, okr: OkrTabs): Result<void> {
  if (input.grids.settings === undefined) {
    return err('There is no Settings tab to record the new cycle in: run Set up workbook first. Nothing was changed.');
  }
  if (!ARCHIVED.some((a) => a.key !== 'kpis' && input.grids[a.key] !== undefined)) {
    return err('There are no OKR tabs to archive: run Set up workbook first. Nothing was changed.');
  }
  for (const level of LEVELS) {
    const problem = okr.tables[level].header.problems.find((p) => p.rule === 'missing-column');
    if (input.grids[keyOfLevel(level)] !== undefined && problem !== undefined) {
      return err(`${formatFinding(problem)}. Fix the header row, then start the next cycle. Nothing was changed.`);
    }
  }
  return ok(undefined);
}

const keyOfLevel = (level: (typeof LEVELS)[number]): ArchivedGrid =>
  level === 'Corporate' ? 'corporate' : level === 'Department' ? 'department' : 'team';

/**
 * Everything Start next cycle will do, or the reason it must not run (a message for the
 * user; nothing has been written yet when it is returned).
 */
export function planNextCycle(input: NextCycleInput): Result<NextCyclePlan> {
  const okr = input.okr ?? parseOkrTabs(input.grids);
  const checked = checkTabs(input, okr);
  if (!checked.ok) return checked;
  const settingsGrid = input.grids.settings ?? [];
  const parsed = parseSettings(settingsGrid, input.asOfDay);
  // A bad cycle value would archive under a guessed name; a repeated key (column A) only warns.
  const badCycle = parsed.problems.find((p) => p.columnIndex === 1 && /cycle/i.test(p.column ?? ''));
  if (badCycle !== undefined) {
    return err(`${formatFinding(badCycle)}. Fix the cycle in Settings first. Nothing was changed.`);
  }
  const { settings } = parsed;
  const oldCycle: Cycle = { name: settings.cycleName.trim(), start: settings.cycleStart, end: settings.cycleEnd };
  const newCycle = proposeNextCycle(oldCycle);

  const taken = new Set(input.sheetNames.map((n) => n.trim().toLowerCase()));
  const archives = ARCHIVED.filter((a) => input.grids[a.key] !== undefined).map((a) => ({
    ...a,
    name: archiveName(a.tab, oldCycle.name),
  }));
  for (const archive of archives) {
    if (archive.name.length > MAX_TAB_NAME) {
      return err(
        `The tab name "${archive.name}" would be longer than ${MAX_TAB_NAME} characters: shorten Cycle name in Settings. Nothing was changed.`,
      );
    }
    if (taken.has(archive.name.toLowerCase())) {
      return err(
        `A tab named "${archive.name}" already exists, so ${oldCycle.name} looks archived already. ` +
          `If it is an old copy, rename or delete it; if the cycle has moved on, check Cycle name, Cycle start and Cycle end in Settings. Nothing was changed.`,
      );
    }
  }

  const formulaCells: string[] = [];
  const sink = changeSink(input, formulaCells);
  const carried: RowRef[] = [];
  const finished: RowRef[] = [];
  const broken: string[] = [];
  let objectives = 0;
  let rolledUp = 0;
  let datesCleared = 0;

  for (const row of okr.rows) {
    const level = row.level;
    const table = okr.tables[level];
    const grid = keyOfLevel(level);
    const col = (key: 'start' | 'current' | 'startDate' | 'dueDate') => table.header.index[key];
    const header = (key: 'start' | 'current' | 'startDate' | 'dueDate') => shownHeader(table.header, OKR_SCHEMA, key);
    const ref: RowRef = { tab: row.tab, row: row.row, id: row.id };
    if (row.kind === 'Objective') objectives++;
    else if (!row.ownScore.ok) {
      const field = classifyMetricError(row.ownScore.error).field;
      const key = field === 'type' ? 'metricType' : field;
      const index = table.header.index[key];
      const cell = index === undefined ? `${row.tab} row ${row.row}` : `${row.tab}!${columnLetter(index)}${row.row}`;
      broken.push(`${cell} (${shownHeader(table.header, OKR_SCHEMA, key)}): ${row.ownScore.error}`);
    } else if (row.ownScore.value === null) rolledUp++;
    else if (row.ownScore.value >= 1) finished.push(ref);
    else {
      carried.push(ref);
      if (!isBlank(row.current) && col('start') !== undefined) {
        const moved = sink.set(grid, row.tab, col('start'), header('start'), false, row.row, row.current);
        // Current is cleared only once its value has a place in Start.
        if (moved) sink.set(grid, row.tab, col('current'), header('current'), false, row.row, '');
      }
    }
    // Dates belong to a cycle: on EVERY row (finished ones too), a date before the new
    // cycle would make Expected an error ("end date must be after the start date").
    if (beforeDay(row.startDate.ok ? row.startDate.value : null, newCycle.start, false)) {
      if (sink.set(grid, row.tab, col('startDate'), header('startDate'), true, row.row, '')) datesCleared++;
    }
    if (beforeDay(row.dueDate.ok ? row.dueDate.value : null, newCycle.start, true)) {
      if (sink.set(grid, row.tab, col('dueDate'), header('dueDate'), true, row.row, '')) datesCleared++;
    }
  }

  const kpis = parseKpis(input.grids.kpis);
  const kpiCol = (key: 'baseline' | 'actual' | 'dueDate') => kpis.table.header.index[key];
  const kpiHeader = (key: 'baseline' | 'actual' | 'dueDate') => shownHeader(kpis.table.header, KPI_SCHEMA, key);
  const kpisRolled: RowRef[] = [];
  const kpisReached: RowRef[] = [];
  const kpisBroken: string[] = [];
  let kpiDatesMoved = 0;
  if (input.grids.kpis !== undefined && kpis.table.header.usable) {
    for (const kpi of kpis.rows) {
      const ref: RowRef = { tab: TAB.kpis, row: kpi.row, id: kpi.id };
      const p = progress({ start: kpi.baseline, target: kpi.target, current: kpi.actual, type: kpi.directionCell });
      if (!p.ok) kpisBroken.push(`${TAB.kpis} row ${kpi.row} (${kpi.id || 'no ID'}): ${p.error}`);
      else if (p.value !== null && p.value >= 1) kpisReached.push(ref);
      else if (p.value !== null && kpiCol('baseline') !== undefined) {
        if (sink.set('kpis', TAB.kpis, kpiCol('baseline'), kpiHeader('baseline'), false, kpi.row, kpi.actual)) {
          sink.set('kpis', TAB.kpis, kpiCol('actual'), kpiHeader('actual'), false, kpi.row, '');
          kpisRolled.push(ref);
        }
      }
      if (beforeDay(kpi.dueDate.ok ? kpi.dueDate.value : null, newCycle.start, false)) {
        if (sink.set('kpis', TAB.kpis, kpiCol('dueDate'), kpiHeader('dueDate'), true, kpi.row, newCycle.end))
          kpiDatesMoved++;
      }
    }
  }

  const rows = settingRows(settingsGrid);
  const appendSettings: (readonly [string, unknown])[] = [];
  const newValues: Record<string, unknown> = {
    cycleName: newCycle.name,
    cycleStart: newCycle.start,
    cycleEnd: newCycle.end,
  };
  for (const key of CYCLE_KEYS) {
    const row = rows.get(key);
    if (row === undefined) appendSettings.push([SETTING_LABELS[key], newValues[key]]);
    else sink.set('settings', TAB.settings, 1, SETTING_LABELS[key], key !== 'cycleName', row, newValues[key]);
  }

  return ok({
    oldCycle,
    newCycle,
    asOfDay: input.asOfDay,
    archives,
    columns: [...sink.columns.values()],
    appendSettings,
    carried,
    finished,
    objectives,
    rolledUp,
    broken,
    datesCleared,
    kpisRolled,
    kpisReached,
    kpisBroken,
    kpiDatesMoved,
    formulaCells,
  });
}
