/**
 * The Dashboard sheet (§4.2): a small data table and two embedded charts drawn
 * from it: average score per unit, and status counts per level. It is built aside
 * on a fresh sheet (§6.3), so its charts never pile up and a failure leaves the
 * previous dashboard as it was; the caller swaps it in.
 */
import { STATUSES } from '../core/status';
import type { RollupReport } from '../core/workbook/report';
import { TAB } from '../core/workbook/schema';
import type { Workbook } from '../core/workbook/workbook';
import { type AsideSheet, type SheetsIndex, startAside } from '../sheets/generated';
import type { Journal } from '../sheets/journal';
import { writeReport } from '../sheets/report-sheet';
import { type Block, CHART_COLUMN, DASHBOARD_COLUMN_WIDTHS, layoutDashboard } from '../sheets/reports/dashboard-layout';
import { STATUS_STYLE } from '../sheets/status-style';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const CHART_WIDTH = 600;
const CHART_HEIGHT = 360;
/** Rows a chart covers at the default row height, so the second one sits below the first. */
const CHART_ROWS = 19;
const FIRST_CHART_ROW = 3;

export interface DashboardResult {
  readonly aside: AsideSheet;
  readonly charts: number;
}

const rangeOf = (sheet: Sheet, b: Block) => sheet.getRange(b.row, b.column, b.numRows, b.numColumns);

export function writeDashboard(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  index: SheetsIndex,
  journal: Journal,
  report: RollupReport,
  workbook: Workbook,
): DashboardResult {
  const layout = layoutDashboard(report, workbook.settings.settings, workbook.asOfDay);
  const aside = startAside(ss, index, journal, TAB.dashboard);
  const { sheet } = aside;
  writeReport(sheet, layout.grid, {
    frozenRows: 1,
    columnWidths: DASHBOARD_COLUMN_WIDTHS,
    minRows: FIRST_CHART_ROW + 2 * CHART_ROWS + 2,
  });

  const byUnit = sheet
    .newChart()
    .addRange(rangeOf(sheet, layout.scoreByUnit))
    .setNumHeaders(1)
    .setPosition(FIRST_CHART_ROW, CHART_COLUMN, 0, 0)
    .setOption('width', CHART_WIDTH)
    .setOption('height', CHART_HEIGHT)
    .setOption('vAxis.format', 'percent')
    .setOption('vAxis.viewWindow.min', 0)
    .setOption('vAxis.viewWindow.max', 1)
    .asColumnChart()
    .setTitle('Average score by unit')
    .setLegendPosition(Charts.Position.NONE)
    .build();
  const byLevel = sheet
    .newChart()
    .addRange(rangeOf(sheet, layout.statusByLevel))
    .setNumHeaders(1)
    .setPosition(FIRST_CHART_ROW + CHART_ROWS + 1, CHART_COLUMN, 0, 0)
    .setOption('width', CHART_WIDTH)
    .setOption('height', CHART_HEIGHT)
    .asBarChart()
    .setTitle('Objectives and key results by status, per level')
    .setStacked()
    .setColors(STATUSES.map((s) => STATUS_STYLE[s].chart))
    .setLegendPosition(Charts.Position.RIGHT)
    .build();
  sheet.insertChart(byUnit);
  sheet.insertChart(byLevel);
  return { aside, charts: 2 };
}
