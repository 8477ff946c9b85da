/**
 * Build roll-up and dashboard (§4.2): the Roll-up sheet — summary per level and
 * unit, every OKR row in tree order with score, status, progress bar and trend,
 * then the Unaligned section — and the Dashboard charts. Computed from the raw
 * input cells (never from formula results); each tab read once, each sheet
 * written in a fixed number of batched calls.
 */
import { buildReport } from '../core/workbook/report';
import { TAB } from '../core/workbook/schema';
import { countProblems } from '../core/workbook/validate';
import { describeCounts } from '../sheets/findings-sheet';
import { startAside, swapIn } from '../sheets/generated';
import { writeReport } from '../sheets/report-sheet';
import { leftOutNote, noOkrRowsMessage } from '../sheets/reports/okr-guard';
import { layoutRollup, ROLLUP_COLUMN_WIDTHS } from '../sheets/reports/rollup-layout';
import { plural } from '../sheets/reports/style';
import { loadWorkbook } from '../sheets/workbook';
import { writeDashboard } from './dashboard';
import { runAction, UserError } from './run';

export const ROLLUP_TITLE = 'Build roll-up and dashboard';

function renamedNote(wanted: string, where: string, taken?: string): string {
  return taken === undefined
    ? ''
    : `\nA sheet of yours is named "${wanted}", so it was left alone and the report is on "${where}".`;
}

export function buildRollup(): void {
  runAction(ROLLUP_TITLE, (journal) => {
    const { ss, workbook, sheets } = loadWorkbook();
    const nothing = noOkrRowsMessage(workbook);
    if (nothing !== undefined) throw new UserError(nothing);

    const report = buildReport(workbook);
    const layout = layoutRollup(report, workbook);
    // Both built aside, then swapped in (§6.3): a failure leaves each old report as it was.
    const { index } = sheets;
    const aside = startAside(ss, index, journal, TAB.rollUp);
    writeReport(aside.sheet, layout.grid, {
      frozenRows: layout.frozenRows,
      columnWidths: ROLLUP_COLUMN_WIDTHS,
      rowGroups: layout.rowGroups,
    });
    const built = writeDashboard(ss, index, journal, report, workbook);
    const rollup = swapIn(ss, index, aside);
    const dashboard = { ...swapIn(ss, index, built.aside), charts: built.charts };
    // Land the user on the report they asked for (a new sheet would leave them on the Dashboard).
    rollup.sheet.activate();

    const rows = layout.alignedRows + layout.unalignedRows;
    const counts = countProblems(workbook);
    const problems =
      counts.errors + counts.warnings === 0
        ? ''
        : `\n\nThe workbook has ${describeCounts(counts)}: run Validate to list them.`;
    return (
      `Roll-up: ${plural(rows, 'row')}, ${layout.unalignedRows} unaligned.` +
      ` Dashboard: ${plural(dashboard.charts, 'chart')}.` +
      renamedNote(TAB.rollUp, aside.finalName, rollup.nameTakenByUser) +
      renamedNote(TAB.dashboard, built.aside.finalName, dashboard.nameTakenByUser) +
      problems +
      leftOutNote(workbook)
    );
  });
}
