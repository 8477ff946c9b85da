/**
 * §4.2 the Dashboard as a grid, top to bottom: the headline (company score against
 * expected, share on track or done, counts at risk and behind, as of when); what needs
 * attention, each item linked to its row; score over time against expected per level;
 * status counts per level in the status colours; average score per unit grouped by
 * level; KPI health. The tables the charts draw are Blocks; the charts sit side by side in
 * a band of empty rows under the headline, seen first. Pure layout over core's dashboard data.
 */
import { STATUSES, type Status } from '../../core/status';
import { formatPercent, SCORE_FORMAT } from '../../core/units';
import { type DashboardData, KPI_STATUSES } from '../../core/workbook/dashboard';
import { LEVELS } from '../../core/workbook/schema';
import type { Settings } from '../../core/workbook/settings';
import { type Cell, COUNT_FORMAT, DATE_FORMAT, ReportGrid } from '../report-sheet';
import { STATUS_STYLE } from '../status-style';
import { MUTED_COLOR, measureCell, percentCell, progressBarText, rowLink, statusCell } from './cells';
import { HEADER_BACKGROUND, isoDay, plural, SECTION_BACKGROUND } from './style';

/** A block of the grid, 1-based, as a chart's data range. */
export interface Block {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export interface DashboardLayout {
  readonly grid: ReportGrid;
  /** The first of CHART_BAND_ROWS empty rows under the headline where the charts sit side by side. */
  readonly chartRow: number;
  /** Date, one column per level, Expected; header row first. */
  readonly scoreOverTime: Block;
  /** Level and one column per status, with the header row. */
  readonly statusByLevel: Block;
  /** Unit and one column per level (a unit's score in its level's column), with the header row. */
  readonly scoreByUnit: Block;
}

export const DASHBOARD_WIDTH = 8;
export const DASHBOARD_COLUMN_WIDTHS: readonly number[] = [120, 120, 100, 300, 130, 100, 100, 280];
/** Rows kept empty under the headline for the three charts (320 px at 21 px a row). */
export const CHART_BAND_ROWS = 17;
/** A colour per level for the charts of levels: corporate, department, team. */
export const LEVEL_COLORS: readonly string[] = ['#1a73e8', '#12b5cb', '#9334e6'];
export const EXPECTED_COLOR = '#9aa0a6';

const section = (grid: ReportGrid, title: string): number =>
  grid.addRow([title], { bold: true, background: SECTION_BACKGROUND });
const header = (grid: ReportGrid, cells: readonly Cell[]): number =>
  grid.addRow([...cells], { bold: true, background: HEADER_BACKGROUND });
const statusHeader = (status: Status | 'No data'): Cell =>
  status === 'No data'
    ? status
    : { value: status, background: STATUS_STYLE[status].background, fontColor: STATUS_STYLE[status].font };
/** A count in its status colour when there is something to count. */
const statusCount = (n: number, status: Status | 'No data'): Cell =>
  n === 0 || status === 'No data'
    ? { value: n, format: COUNT_FORMAT, ...(n === 0 ? { fontColor: MUTED_COLOR } : {}) }
    : {
        value: n,
        format: COUNT_FORMAT,
        background: STATUS_STYLE[status].background,
        fontColor: STATUS_STYLE[status].font,
      };

function addHeadline(grid: ReportGrid, data: DashboardData): void {
  const h = data.headline;
  const share = h.graded === 0 ? null : h.onTrackOrDone / h.graded;
  const score =
    h.companyScore === null
      ? 'No corporate objective has a score yet.'
      : `Company score ${formatPercent(h.companyScore)}${h.companyExpected === null ? '' : ` against ${formatPercent(h.companyExpected)} expected by today`}${h.companyStatus === null ? '' : ` (${h.companyStatus})`}.`;
  const counts =
    h.graded === 0
      ? ''
      : ` ${h.onTrackOrDone} of ${h.graded} objectives and key results on track or done; ${h.atRisk} at risk, ${h.behind} behind.`;
  grid.addRow([`${score}${counts}`], { bold: true });
  header(grid, ['Company score', 'Expected', 'On track or done', '', 'At risk', 'Behind', 'As of']);
  const status = h.companyStatus;
  grid.addRow([
    {
      ...(percentCell(h.companyScore) as object),
      ...(status === null ? {} : { background: STATUS_STYLE[status].background, fontColor: STATUS_STYLE[status].font }),
      bold: true,
    },
    percentCell(h.companyExpected),
    share === null ? '' : { value: share, format: SCORE_FORMAT, bold: true },
    h.graded === 0 ? '' : { value: `${h.onTrackOrDone} of ${h.graded}`, fontColor: MUTED_COLOR },
    statusCount(h.atRisk, 'At risk'),
    statusCount(h.behind, 'Behind'),
    { value: isoDay(h.asOfDay) },
  ]);
}

function addAttention(grid: ReportGrid, data: DashboardData, sheetIds: ReadonlyMap<string, number>): void {
  section(grid, `Needs attention (${data.attentionTotal})`);
  if (data.attentionTotal === 0) {
    grid.addRow(['Nothing at risk or behind, and no check-in overdue.'], {
      italic: true,
    });
    return;
  }
  header(grid, ['Status', 'Level', 'ID', 'Title', 'Owner', 'Score', 'Expected', 'Why']);
  for (const item of data.attention) {
    grid.addRow([
      statusCell(item.status),
      item.level ?? '',
      rowLink(item.id, item.tab, item.row, sheetIds),
      item.kind === 'KPI' ? `KPI: ${item.title}` : item.title,
      item.owner === '' ? { value: 'no owner', italic: true, fontColor: MUTED_COLOR } : item.owner,
      percentCell(item.score === null ? null : Math.min(Math.max(item.score, 0), 1)),
      percentCell(item.expected),
      item.reasons.join('; '),
    ]);
  }
  if (data.attentionTotal > data.attention.length) {
    grid.addRow([`… and ${data.attentionTotal - data.attention.length} more: the Roll-up lists every row.`], {
      italic: true,
    });
  }
}

function addTrend(grid: ReportGrid, data: DashboardData): Block {
  section(grid, 'Score over time against expected (objectives’ average per level, from History)');
  const first = header(grid, ['Date', ...LEVELS, 'Expected']);
  for (const point of data.trend) {
    grid.addRow([
      { value: point.day, format: DATE_FORMAT },
      ...LEVELS.map((l) => percentCell(point.byLevel[l])),
      percentCell(point.expected),
    ]);
  }
  if (data.trend.length < 2) {
    grid.addRow(['Record snapshot (or the weekly rhythm) adds a point a week.'], { italic: true });
  }
  return { row: first, column: 1, numRows: data.trend.length + 1, numColumns: LEVELS.length + 2 };
}

function addStatusByLevel(grid: ReportGrid, data: DashboardData): Block {
  section(grid, 'Objectives and key results by status, per level');
  const first = header(grid, ['Level', ...STATUSES.map(statusHeader)]);
  for (const line of data.statusByLevel) {
    grid.addRow([
      line.level,
      ...STATUSES.map((s) => statusCount(line.objectives.byStatus[s] + line.keyResults.byStatus[s], s)),
    ]);
  }
  return { row: first, column: 1, numRows: data.statusByLevel.length + 1, numColumns: STATUSES.length + 1 };
}

/** A unit's score: its objectives' average, or its key results' when no objective has a score. */
function addUnits(grid: ReportGrid, data: DashboardData): Block {
  section(grid, 'Average score per unit, grouped by level');
  const first = header(grid, ['Unit', ...LEVELS, 'Objectives', 'Key results']);
  for (const unit of data.units) {
    const score = unit.objectives.averageScore ?? unit.keyResults.averageScore;
    grid.addRow([
      unit.unit === '' || unit.unit === null ? '(no unit)' : unit.unit,
      ...LEVELS.map((l) => (l === unit.level ? percentCell(score) : '')),
      { value: unit.objectives.count, format: COUNT_FORMAT },
      { value: unit.keyResults.count, format: COUNT_FORMAT },
    ]);
  }
  return { row: first, column: 1, numRows: data.units.length + 1, numColumns: LEVELS.length + 1 };
}

function addKpis(grid: ReportGrid, data: DashboardData, sheetIds: ReadonlyMap<string, number>): void {
  section(grid, `KPI health (${plural(data.kpis.length, 'KPI')})`);
  if (data.kpis.length === 0) {
    grid.addRow(['No KPIs yet: the KPIs tab lists them.'], { italic: true });
    return;
  }
  header(grid, KPI_STATUSES.map(statusHeader));
  grid.addRow(KPI_STATUSES.map((s) => statusCount(data.kpiStatusCounts[s], s)));
  header(grid, ['Status', 'Level', 'ID', 'KPI', 'Owner', 'Actual', 'Target', 'Progress']);
  for (const { result, progress, status } of data.kpis) {
    const { row } = result;
    const values = [row.actual, row.target, row.baseline];
    const bar = progressBarText(progress === null ? null : Math.min(Math.max(progress, 0), 1), null, 10);
    grid.addRow([
      statusCell(status, !result.status.ok),
      row.level ?? '',
      rowLink(row.id, 'KPIs', row.row, sheetIds),
      row.kpi,
      row.owner,
      measureCell(row.actual, row.uom, values),
      measureCell(row.target, row.uom, values),
      progress === null
        ? { value: 'no data', italic: true, fontColor: MUTED_COLOR }
        : {
            value: `${bar} ${formatPercent(progress)}`,
            fontColor: status === null ? MUTED_COLOR : STATUS_STYLE[status].chart,
          },
    ]);
  }
}

export function layoutDashboard(
  data: DashboardData,
  settings: Settings,
  sheetIds: ReadonlyMap<string, number>,
): DashboardLayout {
  const grid = new ReportGrid(DASHBOARD_WIDTH);
  const title = [settings.company, settings.cycleName, `OKR dashboard as of ${isoDay(data.headline.asOfDay)}`]
    .filter((part) => part !== '')
    .join(' · ');
  grid.addRow([title], { bold: true });
  addHeadline(grid, data);
  grid.blankRow();
  const chartRow = grid.rowCount + 1;
  for (let i = 0; i < CHART_BAND_ROWS; i++) grid.blankRow();
  addAttention(grid, data, sheetIds);
  grid.blankRow();
  const scoreOverTime = addTrend(grid, data);
  grid.blankRow();
  const statusByLevel = addStatusByLevel(grid, data);
  grid.blankRow();
  const scoreByUnit = addUnits(grid, data);
  grid.blankRow();
  addKpis(grid, data, sheetIds);
  return { grid, chartRow, scoreOverTime, statusByLevel, scoreByUnit };
}
