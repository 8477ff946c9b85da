/**
 * The Dashboard sheet (§4.2): the headline, what needs attention, and the tables of
 * dashboard-layout.ts, with three embedded charts drawn from them: score over time
 * against expected per level (from History), status counts per level in the status
 * colours, and average score per unit coloured by level. It is built aside on a fresh
 * sheet (§6.3), so its charts never pile up and a failure leaves the previous dashboard
 * as it was; the caller swaps it in.
 */
import { STATUSES } from '../core/status';
import { buildDashboard } from '../core/workbook/dashboard';
import type { RollupReport } from '../core/workbook/report';
import { LEVELS, OKR_TAB_OF_LEVEL, TAB } from '../core/workbook/schema';
import type { Workbook } from '../core/workbook/workbook';
import { type AsideSheet, type SheetsIndex, startAside } from '../sheets/generated';
import type { Journal } from '../sheets/journal';
import { writeReport } from '../sheets/report-sheet';
import {
  type Block,
  DASHBOARD_COLUMN_WIDTHS,
  EXPECTED_COLOR,
  LEVEL_COLORS,
  layoutDashboard,
} from '../sheets/reports/dashboard-layout';
import { STATUS_STYLE } from '../sheets/status-style';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Three charts side by side across the tables' width, in the band the layout keeps empty. */
const CHART_WIDTH = 405;
const CHART_HEIGHT = 330;
const CHART_GAP = 12;
const CHARTS = 3;

/** The column and pixel offset where `x` pixels from the sheet's left edge fall. */
function anchorAt(x: number): { column: number; offset: number } {
  let left = 0;
  for (let c = 0; c < DASHBOARD_COLUMN_WIDTHS.length; c++) {
    const width = DASHBOARD_COLUMN_WIDTHS[c] ?? 0;
    if (x < left + width) return { column: c + 1, offset: x - left };
    left += width;
  }
  return { column: DASHBOARD_COLUMN_WIDTHS.length + 1, offset: x - left };
}

export interface DashboardResult {
  readonly aside: AsideSheet;
  readonly charts: number;
}

const rangeOf = (sheet: Sheet, b: Block) => sheet.getRange(b.row, b.column, b.numRows, b.numColumns);

/** The sheet id of each tab the Dashboard links to (Sheet.getSheetId reads nothing back). */
function sheetIdsOf(index: SheetsIndex): Map<string, number> {
  const ids = new Map<string, number>();
  for (const tab of [...LEVELS.map((l) => OKR_TAB_OF_LEVEL[l]), TAB.kpis]) {
    const sheet = index.byName.get(tab.toLowerCase());
    if (sheet) ids.set(tab, sheet.getSheetId());
  }
  return ids;
}

export function writeDashboard(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  index: SheetsIndex,
  journal: Journal,
  report: RollupReport,
  workbook: Workbook,
): DashboardResult {
  const data = buildDashboard(report, workbook);
  const layout = layoutDashboard(data, workbook.settings.settings, sheetIdsOf(index));
  const aside = startAside(ss, index, journal, TAB.dashboard);
  const { sheet } = aside;
  writeReport(sheet, layout.grid, { frozenRows: 1, columnWidths: DASHBOARD_COLUMN_WIDTHS });
  // Each chart in its slot of the band, at the same size; percent axes run from 0 to 100%.
  const chartAt = (slot: number, block: Block, percentAxis: boolean) => {
    const { column, offset } = anchorAt(slot * (CHART_WIDTH + CHART_GAP));
    const builder = sheet
      .newChart()
      .addRange(rangeOf(sheet, block))
      .setNumHeaders(1)
      .setPosition(layout.chartRow, column, offset, 0)
      .setOption('width', CHART_WIDTH)
      .setOption('height', CHART_HEIGHT);
    if (!percentAxis) return builder;
    // One option as an object, as `series` is (a builder call each, §6.1).
    return builder.setOption('vAxis', { format: 'percent', viewWindow: { min: 0, max: 1 } });
  };

  const overTime = chartAt(0, layout.scoreOverTime, true)
    // Expected is the pace to keep: a dashed grey line under the levels' scores.
    .setOption('series', { [LEVELS.length]: { lineDashStyle: [4, 4] } })
    .asLineChart()
    .setTitle('Score over time against expected, per level')
    .setColors([...LEVEL_COLORS, EXPECTED_COLOR])
    .setLegendPosition(Charts.Position.BOTTOM)
    .build();
  const byLevel = chartAt(1, layout.statusByLevel, false)
    .asBarChart()
    .setTitle('Objectives and key results by status, per level')
    .setStacked()
    .setColors(STATUSES.map((s) => STATUS_STYLE[s].chart))
    .setLegendPosition(Charts.Position.BOTTOM)
    .build();
  const byUnit = chartAt(2, layout.scoreByUnit, true)
    .asColumnChart()
    .setTitle('Average score per unit, grouped by level')
    // One series per level, a unit's score only in its own: stacked, each bar takes its level's colour.
    .setStacked()
    .setColors([...LEVEL_COLORS])
    .setLegendPosition(Charts.Position.BOTTOM)
    .build();
  sheet.insertChart(overTime);
  sheet.insertChart(byLevel);
  sheet.insertChart(byUnit);
  return { aside, charts: CHARTS };
}
