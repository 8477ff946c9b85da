/**
 * The Dashboard's data table: average score per unit and status counts per level,
 * the two ranges its charts draw. Pure layout over core's report.
 */
import { STATUSES } from '../../core/status';
import type { RollupReport, SummaryLine } from '../../core/workbook/report';
import type { Settings } from '../../core/workbook/settings';
import { type Cell, PERCENT_FORMAT, ReportGrid } from '../report-sheet';
import { STATUS_STYLE } from '../status-style';
import { HEADER_BACKGROUND, isoDay } from './style';

/** A block of the grid, 1-based, as a chart's data range. */
export interface Block {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export interface DashboardLayout {
  readonly grid: ReportGrid;
  /** Unit label and average score, with the header row. */
  readonly scoreByUnit: Block;
  /** Level and one column per status, with the header row. */
  readonly statusByLevel: Block;
}

/** Columns A–D hold the unit table, F–J the level table; charts sit from column L. */
const UNIT_COLUMNS = 4;
const LEVEL_COLUMN = UNIT_COLUMNS + 2;
export const DASHBOARD_WIDTH = LEVEL_COLUMN + STATUSES.length;
export const DASHBOARD_COLUMN_WIDTHS: readonly number[] = [180, 100, 90, 90, 24, 100, 70, 70, 70, 70];
export const CHART_COLUMN = DASHBOARD_WIDTH + 2;
const TABLE_ROW = 3;

/** A unit's score: its objectives' average, or its key results' when no objective has a score. */
function unitScore(line: SummaryLine): number | null {
  return line.objectives.averageScore ?? line.keyResults.averageScore;
}

function unitLabels(units: readonly SummaryLine[]): string[] {
  const levelsOf = new Map<string, number>();
  for (const u of units)
    levelsOf.set((u.unit ?? '').toLowerCase(), (levelsOf.get((u.unit ?? '').toLowerCase()) ?? 0) + 1);
  return units.map((u) => {
    const name = u.unit === '' || u.unit === null ? '(no unit)' : u.unit;
    return (levelsOf.get((u.unit ?? '').toLowerCase()) ?? 0) > 1 ? `${name} (${u.level})` : name;
  });
}

export function layoutDashboard(report: RollupReport, settings: Settings, asOfDay: number): DashboardLayout {
  const grid = new ReportGrid(DASHBOARD_WIDTH);
  const title = [settings.company, settings.cycleName, `OKR dashboard as of ${isoDay(asOfDay)}`]
    .filter((part) => part !== '')
    .join(' · ');
  grid.addRow([title], { bold: true });
  grid.addRow(["Average score: the unit's objectives (its key results when no objective has a score)."], {
    italic: true,
  });

  const units = report.byUnit;
  const labels = unitLabels(units);
  const levelHeader: Cell[] = ['Level', ...STATUSES.map((s) => ({ value: s, background: STATUS_STYLE[s].background }))];
  const rows = Math.max(units.length, report.byLevel.length);
  const header: Cell[] = [
    'Unit',
    'Average score',
    'Level',
    'Objectives',
    { value: '', background: null },
    ...levelHeader,
  ];
  grid.addRow(header, { bold: true, background: HEADER_BACKGROUND });
  for (let i = 0; i < rows; i++) {
    const unit = units[i];
    const level = report.byLevel[i];
    const unitCells: Cell[] =
      unit === undefined
        ? ['', '', '', '']
        : [
            labels[i] ?? '',
            unitScore(unit) === null ? '' : { value: unitScore(unit), format: PERCENT_FORMAT },
            unit.level,
            unit.objectives.count,
          ];
    const levelCells: Cell[] =
      level === undefined
        ? []
        : [level.level, ...STATUSES.map((s) => level.objectives.byStatus[s] + level.keyResults.byStatus[s])];
    grid.addRow([...unitCells, '', ...levelCells]);
  }
  return {
    grid,
    scoreByUnit: { row: TABLE_ROW, column: 1, numRows: units.length + 1, numColumns: 2 },
    statusByLevel: {
      row: TABLE_ROW,
      column: LEVEL_COLUMN,
      numRows: report.byLevel.length + 1,
      numColumns: STATUSES.length + 1,
    },
  };
}
