/**
 * §4.2 the Roll-up sheet as a grid: a title line, the summary per level and per unit
 * (its own header row, each of its columns on a column wide enough for its label), then
 * every objective and key result in tree order — indented by depth, Current and Target
 * in the row's unit, Score, Expected, the gap to expected, Status, a progress bar in the
 * status colour with a mark at Expected, the trend in percentage points, Confidence and
 * days since the last check-in — then the Unaligned section. Each objective's rows form
 * a row group, so its subtree collapses; the rows down to the tree's header are frozen.
 * Pure layout over core's report; writing is report-sheet's.
 */

import { STATUSES } from '../../core/status';
import type { ReportRow, RollupReport, SummaryLine, Tally } from '../../core/workbook/report';
import type { Workbook } from '../../core/workbook/workbook';
import { type Cell, ReportGrid, type RowGroup } from '../report-sheet';
import { STATUS_STYLE } from '../status-style';
import {
  BY_FORMULA_CELL,
  barCell,
  checkInCell,
  gapCell,
  MUTED_COLOR,
  measureCell,
  percentCell,
  statusCell,
  trendCell,
} from './cells';
import { HEADER_BACKGROUND, isoDay, SECTION_BACKGROUND } from './style';

export const TREE_HEADERS = [
  'Level',
  'Title',
  'ID',
  'Type',
  'Unit',
  'Owner',
  'Current',
  'Target',
  'Score',
  'Expected',
  'Gap',
  'Status',
  'Progress',
  'Trend',
  'Confidence',
  'Last check-in',
  'Problem',
] as const;

export type TreeColumn = (typeof TREE_HEADERS)[number];

/** 0-based column of each tree header. */
export const TREE_COLUMN: Readonly<Record<TreeColumn, number>> = Object.fromEntries(
  TREE_HEADERS.map((h, i) => [h, i]),
) as Record<TreeColumn, number>;

/** Few distinct widths, so that they take few calls (width-plan.ts): most columns are 90 px. */
export const ROLLUP_COLUMN_WIDTHS: readonly number[] = [
  100, 380, 90, 90, 125, 125, 110, 110, 90, 90, 90, 90, 160, 90, 90, 90, 320,
];

/**
 * The summary's columns, each placed on a tree column at least as wide as its label needs
 * (Unit on Title's wide column), so no label is cut off.
 */
export const SUMMARY_HEADERS = [
  'Level',
  'Unit',
  'Objectives',
  'Key results',
  'Objective score',
  'Key result score',
  ...STATUSES,
  'No score',
] as const;

const INDENT = '    ';
/** Deeper than this the indent stops growing: a long chain stays readable. */
const MAX_INDENT = 12;
const NO_UNIT = '(no unit)';

export interface RollupLayout {
  readonly grid: ReportGrid;
  /** The tree's header row (1-based): the rows down to it stay frozen. */
  readonly frozenRows: number;
  /** Each objective's rows under it, collapsible. */
  readonly rowGroups: readonly RowGroup[];
  readonly alignedRows: number;
  readonly unalignedRows: number;
}

function noScore(t: Tally): number {
  return t.count - STATUSES.reduce((sum, s) => sum + t.byStatus[s], 0);
}

interface Totals {
  objectives: Tally;
  keyResults: Tally;
}

function summaryCells(level: string, unit: string, { objectives: o, keyResults: k }: Totals): Cell[] {
  const count = (n: number): Cell => (n === 0 ? { value: 0, fontColor: MUTED_COLOR } : n);
  return [
    level,
    unit,
    o.count,
    k.count,
    percentCell(o.averageScore),
    percentCell(k.averageScore),
    ...STATUSES.map((s) => count(o.byStatus[s] + k.byStatus[s])),
    count(noScore(o) + noScore(k)),
  ];
}

function sumTallies(tallies: readonly Tally[]): Tally {
  const byStatus = { Done: 0, 'On track': 0, Behind: 0, 'At risk': 0 };
  let count = 0;
  let scored = 0;
  let sum = 0;
  let errors = 0;
  for (const t of tallies) {
    count += t.count;
    scored += t.scored;
    sum += (t.averageScore ?? 0) * t.scored;
    errors += t.errors;
    for (const s of STATUSES) byStatus[s] += t.byStatus[s];
  }
  return { count, scored, averageScore: scored === 0 ? null : sum / scored, byStatus, errors };
}

function addSummary(grid: ReportGrid, report: RollupReport): void {
  grid.addRow(['Summary by level and unit'], { bold: true, background: SECTION_BACKGROUND });
  const header: Cell[] = SUMMARY_HEADERS.map((h) =>
    (STATUSES as readonly string[]).includes(h)
      ? { value: h, background: STATUS_STYLE[h as (typeof STATUSES)[number]].background }
      : h,
  );
  grid.addRow(header, { bold: true, background: HEADER_BACKGROUND });
  for (const line of report.byLevel) {
    grid.addRow(summaryCells(line.level, 'All units', line), { bold: true });
    const units = report.byUnit.filter((u: SummaryLine) => u.level === line.level);
    for (const u of units) grid.addRow(summaryCells('', u.unit === '' ? NO_UNIT : (u.unit ?? ''), u));
  }
  const all: Totals = {
    objectives: sumTallies(report.byLevel.map((l) => l.objectives)),
    keyResults: sumTallies(report.byLevel.map((l) => l.keyResults)),
  };
  grid.addRow(summaryCells('All levels', '', all), { bold: true, background: HEADER_BACKGROUND });
}

/** Why a row is in the Unaligned section; "" below the root of its subtree. */
function unalignedReason(row: ReportRow, workbook: Workbook): string {
  if (row.depth > 0) return '';
  const { rollup } = workbook.scores;
  const key = workbook.okr.rows[row.index]?.key ?? '';
  if (key === '') return 'row has no ID: it is left out of scores';
  if (rollup.nodeIndex.get(key) !== row.index) return '';
  if (rollup.unknownParent[row.index]) return `Parent ID "${row.parentId}" names no row`;
  if (row.parentId === '') {
    return row.kind === 'Key Result' ? 'key result has no Parent ID' : 'objective has no Parent ID: not aligned';
  }
  return '';
}

function problems(row: ReportRow, reason: string): string {
  const messages: string[] = [];
  for (const result of [row.score, row.expected, row.status]) {
    if (!result.ok && !messages.includes(result.error)) messages.push(result.error);
  }
  if (reason !== '' && !messages.includes(reason)) messages.unshift(reason);
  return messages.join('; ');
}

/** "new" when the row has a score now and had none (or was absent) at the previous snapshot. */
function trendOf(row: ReportRow, report: RollupReport): Cell {
  if (row.trend !== null) return trendCell(row.trend.text, row.trend.delta);
  if (report.previousSnapshot === null || !row.score.ok || row.score.value === null) return '';
  return trendCell('new', null);
}

/** Objectives are scored by what is under them: only key results are checked in, and not one measured by formula. */
function lastCheckInCell(row: ReportRow): Cell {
  if (!row.measured) return '';
  return row.byFormula ? BY_FORMULA_CELL : checkInCell(row.daysSinceCheckIn, row.overdueCheckIn !== null);
}

function addOkrRow(grid: ReportGrid, row: ReportRow, report: RollupReport, reason: string): number {
  const score = row.score.ok ? row.score.value : null;
  const expected = row.expected.ok ? row.expected.value : null;
  const failed = !row.score.ok || !row.status.ok;
  const status = row.status.ok ? row.status.value : null;
  const objective = row.kind === 'Objective';
  const measured = [row.current, row.target];
  return grid.addRow(
    [
      row.level,
      INDENT.repeat(Math.min(row.depth, MAX_INDENT)) + row.title,
      row.id,
      row.kind,
      row.unit,
      row.owner,
      objective ? '' : measureCell(row.current, row.uom, measured, row.notStarted),
      objective ? '' : measureCell(row.target, row.uom, measured),
      percentCell(score),
      percentCell(expected),
      gapCell(row.gap),
      statusCell(status, failed),
      barCell(score, expected, failed ? null : status),
      trendOf(row, report),
      row.confidence === null ? '' : row.confidence,
      lastCheckInCell(row),
      problems(row, reason),
    ],
    { bold: objective },
  );
}

/**
 * Adds rows in tree order and returns their groups: each objective's following rows of
 * greater depth collapse under it.
 */
function addTree(rows: readonly ReportRow[], add: (row: ReportRow) => number): RowGroup[] {
  const groups: RowGroup[] = [];
  const open: { depth: number; first: number; last: number }[] = [];
  const close = (depth: number) => {
    while (open.length > 0 && (open[open.length - 1] as { depth: number }).depth >= depth) {
      const group = open.pop() as { first: number; last: number };
      if (group.last >= group.first) groups.push({ first: group.first, last: group.last });
    }
  };
  for (const row of rows) {
    close(row.depth);
    const sheetRow = add(row);
    for (const o of open) o.last = sheetRow;
    if (row.kind === 'Objective') open.push({ depth: row.depth, first: sheetRow + 1, last: sheetRow });
  }
  close(Number.NEGATIVE_INFINITY);
  return groups;
}

export function layoutRollup(report: RollupReport, workbook: Workbook): RollupLayout {
  const { settings } = workbook.settings;
  const grid = new ReportGrid(TREE_HEADERS.length);
  const title = [settings.company, settings.cycleName, `OKR roll-up as of ${isoDay(workbook.asOfDay)}`]
    .filter((part) => part !== '')
    .join(' · ');
  grid.addRow([title], { bold: true });
  grid.addRow(
    [
      report.previousSnapshot === null
        ? 'Trend: History has no snapshot before today yet; Record snapshot starts one.'
        : `Trend: change in score since the snapshot of ${isoDay(report.previousSnapshot)}, in percentage points. Gap: score against the progress expected by today.`,
    ],
    { italic: true },
  );
  addSummary(grid, report);
  grid.blankRow();

  grid.addRow([`Objectives and key results (${report.rows.length})`], { bold: true, background: SECTION_BACKGROUND });
  const frozenRows = grid.addRow([...TREE_HEADERS], { bold: true, background: HEADER_BACKGROUND });
  const rowGroups = addTree(report.rows, (row) => addOkrRow(grid, row, report, ''));
  if (report.rows.length === 0) grid.addRow(['', 'No corporate objective yet: nothing is aligned.'], { italic: true });
  grid.blankRow();

  grid.addRow([`Unaligned (${report.unaligned.length})`], { bold: true, background: SECTION_BACKGROUND });
  if (report.unaligned.length === 0) {
    grid.addRow(['', 'None: every row is under a corporate objective.'], { italic: true });
  } else {
    grid.addRow(
      [
        '',
        'Rows not under a corporate objective: a blank or unknown Parent ID, a cycle, or a missing or duplicate ID.',
      ],
      { italic: true },
    );
    grid.addRow([...TREE_HEADERS], { bold: true, background: HEADER_BACKGROUND });
    rowGroups.push(...addTree(report.unaligned, (row) => addOkrRow(grid, row, report, unalignedReason(row, workbook))));
  }
  return {
    grid,
    frozenRows,
    rowGroups,
    alignedRows: report.rows.length,
    unalignedRows: report.unaligned.length,
  };
}
