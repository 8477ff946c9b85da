/**
 * §4.3 the Validation sheet as a grid: a summary line, then one row per finding
 * (severity, tab, row, column, ID, message) with a link that opens the cell.
 */
import { columnLetter } from '../core/workbook/a1';
import { type Finding, findingLocation } from '../core/workbook/findings';
import { type Cell, COUNT_FORMAT, ReportGrid } from './report-sheet';
import {
  ERROR_BACKGROUND,
  HEADER_BACKGROUND,
  isoDay,
  OK_BACKGROUND,
  plural,
  WARNING_BACKGROUND,
} from './reports/style';

export const FINDING_HEADERS = ['Severity', 'Tab', 'Row', 'Column', 'ID', 'Message', 'Link'] as const;
export const FINDING_COLUMN_WIDTHS: readonly number[] = [80, 130, 50, 150, 90, 520, 180];
export const FINDINGS_FROZEN_ROWS = 2;

export interface FindingCounts {
  readonly errors: number;
  readonly warnings: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

/** `3 errors and 1 warning`, `2 warnings`, or `no problems found`. */
export function describeCounts({ errors, warnings }: FindingCounts): string {
  if (errors + warnings === 0) return 'no problems found';
  const parts = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''];
  return parts.filter((p) => p !== '').join(' and ');
}

const formulaText = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/**
 * A link into the workbook: `#gid=<sheet id>&range=<A1>` opens that sheet at the
 * cell (or the whole row when the finding names no column). None for a tab that
 * does not exist, such as a missing one.
 */
export function findingLink(finding: Finding, sheetIds: ReadonlyMap<string, number>): Cell {
  const gid = sheetIds.get(finding.tab);
  if (gid === undefined) return '';
  const a1 =
    finding.columnIndex === undefined
      ? `${finding.row}:${finding.row}`
      : `${columnLetter(finding.columnIndex)}${finding.row}`;
  return { formula: `=HYPERLINK(${formulaText(`#gid=${gid}&range=${a1}`)},${formulaText(findingLocation(finding))})` };
}

export interface FindingsLayout {
  readonly grid: ReportGrid;
  readonly counts: FindingCounts;
}

export function layoutFindings(
  findings: readonly Finding[],
  sheetIds: ReadonlyMap<string, number>,
  asOfDay: number,
  checked: string,
): FindingsLayout {
  const counts = countFindings(findings);
  const grid = new ReportGrid(FINDING_HEADERS.length);
  const background = counts.errors > 0 ? ERROR_BACKGROUND : counts.warnings > 0 ? WARNING_BACKGROUND : OK_BACKGROUND;
  const summary = `Validation as of ${isoDay(asOfDay)}: ${describeCounts(counts)} (${checked}).`;
  grid.addRow([{ value: summary, background }], { bold: true });
  grid.addRow([...FINDING_HEADERS], { bold: true, background: HEADER_BACKGROUND });
  if (findings.length === 0) {
    grid.addRow([{ value: 'No problems found', background: OK_BACKGROUND }]);
  }
  for (const finding of findings) {
    const error = finding.severity === 'error';
    grid.addRow([
      { value: error ? 'Error' : 'Warning', background: error ? ERROR_BACKGROUND : WARNING_BACKGROUND, bold: error },
      finding.tab,
      { value: finding.row, format: COUNT_FORMAT },
      finding.column === undefined
        ? ''
        : `${finding.column}${finding.columnIndex === undefined ? '' : ` (${columnLetter(finding.columnIndex)})`}`,
      finding.id,
      finding.message,
      findingLink(finding, sheetIds),
    ]);
  }
  return { grid, counts };
}
