/**
 * Validate (§4.3): every finding of the core's rules on the generated Validation
 * sheet, with a link to each cell, and the counts in an alert.
 */
import { TAB } from '../core/workbook/schema';
import { validateWorkbook as findProblems } from '../core/workbook/validate';
import { describeCounts, FINDING_COLUMN_WIDTHS, FINDINGS_FROZEN_ROWS, layoutFindings } from '../sheets/findings-sheet';
import { startAside, swapIn } from '../sheets/generated';
import { writeReport } from '../sheets/report-sheet';
import { plural } from '../sheets/reports/style';
import { loadWorkbook } from '../sheets/workbook';
import { runAction } from './run';

export function validateWorkbook(): void {
  runAction('Validate', (journal) => {
    const { ss, workbook, sheets } = loadWorkbook();
    const findings = findProblems(workbook);
    const { index } = sheets;
    const sheetIds = new Map(index.order.map((s) => [index.nameOf.get(s) ?? '', s.getSheetId()] as const));
    const checked = `${plural(workbook.okr.rows.length, 'OKR row')}, ${plural(workbook.kpis.rows.length, 'KPI')} checked`;
    const { grid, counts } = layoutFindings(findings, sheetIds, workbook.asOfDay, checked);
    // Built aside and swapped in (§6.3): a failure leaves the previous list as it was.
    const aside = startAside(ss, index, journal, TAB.validation);
    writeReport(aside.sheet, grid, { frozenRows: FINDINGS_FROZEN_ROWS, columnWidths: FINDING_COLUMN_WIDTHS });
    const target = swapIn(ss, index, aside);
    target.sheet.activate();

    const where = aside.finalName;
    const renamed =
      target.nameTakenByUser === undefined
        ? ''
        : `\nA sheet of yours is named "${TAB.validation}", so it was left alone and the list is on "${where}".`;
    const total = counts.errors + counts.warnings;
    const headline =
      total === 0
        ? `No problems found (${checked}).`
        : `${describeCounts(counts)}, listed on "${where}" with a link to each cell.`;
    return headline + renamed;
  });
}
