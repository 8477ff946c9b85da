/**
 * §4.2 the Roll-up sheet as a grid: a title line, the summary per level and per
 * unit, every objective and key result in tree order indented by depth, then the
 * Unaligned section. Pure layout over core's report; writing is report-sheet's.
 */

import { STATUSES } from '../../core/status';
import type { ReportRow, RollupReport, SummaryLine, Tally } from '../../core/workbook/report';
import type { Workbook } from '../../core/workbook/workbook';
import { type Cell, PERCENT_FORMAT, ReportGrid } from '../report-sheet';
import { STATUS_STYLE } from '../status-style';
import { ERROR_BACKGROUND, HEADER_BACKGROUND, isoDay, progressBar, SECTION_BACKGROUND } from './style';

export const TREE_HEADERS = [
  'Level',
  'Type',
  'ID',
  'Title',
  'Unit',
  'Owner',
  'Score',
  'Expected',
  'Status',
  'Progress',
  'Trend',
  'Problem',
] as const;

export const SUMMARY_HEADERS = [
  'Level',
  'Unit',
  'Objectives',
  'Key results',
  'Avg objective score',
  'Avg key result score',
  ...STATUSES,
  'No score',
] as const;

export const ROLLUP_COLUMN_WIDTHS: readonly number[] = [90, 80, 80, 420, 130, 130, 70, 80, 80, 100, 80, 320];

const INDENT = '    ';
/** Deeper than this the indent stops growing: a long chain stays readable. */
const MAX_INDENT = 12;
const NO_UNIT = '(no unit)';

export interface RollupLayout {
  readonly grid: ReportGrid;
  readonly alignedRows: number;
  readonly unalignedRows: number;
}

const percent = (value: number | null): Cell => (value === null ? '' : { value, format: PERCENT_FORMAT });

function noScore(t: Tally): number {
  return t.count - STATUSES.reduce((sum, s) => sum + t.byStatus[s], 0);
}

interface Totals {
  objectives: Tally;
  keyResults: Tally;
}

function summaryCells(level: string, unit: string, { objectives: o, keyResults: k }: Totals): Cell[] {
  return [
    level,
    unit,
    o.count,
    k.count,
    percent(o.averageScore),
    percent(k.averageScore),
    ...STATUSES.map((s) => o.byStatus[s] + k.byStatus[s]),
    noScore(o) + noScore(k),
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
  grid.addRow(['Summary'], { bold: true, background: SECTION_BACKGROUND });
  grid.addRow([...SUMMARY_HEADERS], { bold: true, background: HEADER_BACKGROUND });
  for (const line of report.byLevel) {
    grid.addRow(summaryCells(line.level, 'All units', line), { bold: true });
    const units = report.byUnit.filter((u: SummaryLine) => u.level === line.level);
    for (const u of units) grid.addRow(summaryCells(u.level, u.unit === '' ? NO_UNIT : (u.unit ?? ''), u));
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
function trendText(row: ReportRow, report: RollupReport): string {
  if (row.trend !== null) return row.trend.text;
  if (report.previousSnapshot === null || !row.score.ok || row.score.value === null) return '';
  return 'new';
}

function addOkrRow(grid: ReportGrid, row: ReportRow, report: RollupReport, reason: string): void {
  const score = row.score.ok ? row.score.value : null;
  const failed = !row.score.ok || !row.status.ok;
  const status = row.status.ok ? row.status.value : null;
  const statusCell: Cell = failed
    ? { value: 'Error', background: ERROR_BACKGROUND }
    : { value: status ?? '', background: status === null ? null : STATUS_STYLE[status].background };
  grid.addRow(
    [
      row.level,
      row.kind,
      row.id,
      INDENT.repeat(Math.min(row.depth, MAX_INDENT)) + row.title,
      row.unit,
      row.owner,
      percent(score),
      percent(row.expected.ok ? row.expected.value : null),
      statusCell,
      progressBar(score),
      trendText(row, report),
      problems(row, reason),
    ],
    { bold: row.kind === 'Objective' },
  );
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
        : `Trend: change in score since the snapshot of ${isoDay(report.previousSnapshot)}.`,
    ],
    { italic: true },
  );
  grid.blankRow();
  addSummary(grid, report);
  grid.blankRow();

  grid.addRow([`Objectives and key results (${report.rows.length})`], { bold: true, background: SECTION_BACKGROUND });
  grid.addRow([...TREE_HEADERS], { bold: true, background: HEADER_BACKGROUND });
  for (const row of report.rows) addOkrRow(grid, row, report, '');
  if (report.rows.length === 0) grid.addRow(['No corporate objective yet: nothing is aligned.'], { italic: true });
  grid.blankRow();

  grid.addRow([`Unaligned (${report.unaligned.length})`], { bold: true, background: SECTION_BACKGROUND });
  if (report.unaligned.length === 0) {
    grid.addRow(['None: every row is under a corporate objective.'], { italic: true });
  } else {
    grid.addRow(
      ['Rows not under a corporate objective: a blank or unknown Parent ID, a cycle, or a missing or duplicate ID.'],
      {
        italic: true,
      },
    );
    grid.addRow([...TREE_HEADERS], { bold: true, background: HEADER_BACKGROUND });
    for (const row of report.unaligned) addOkrRow(grid, row, report, unalignedReason(row, workbook));
  }
  return { grid, alignedRows: report.rows.length, unalignedRows: report.unaligned.length };
}
