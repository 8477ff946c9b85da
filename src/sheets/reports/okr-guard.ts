/**
 * What Build roll-up and Record snapshot tell the user when there is nothing to
 * work on, and which tabs were left out because their header row is unusable.
 */
import { type Finding, formatFinding } from '../../core/workbook/findings';
import type { Workbook } from '../../core/workbook/workbook';

/** Header problems that leave a whole OKR tab out (missing tab or required column). */
export function leftOutTabs(workbook: Workbook): Finding[] {
  return workbook.okr.problems.filter((f) => f.rule === 'missing-tab' || f.rule === 'missing-column');
}

/** Why there is nothing to report, or undefined when there are OKR rows. */
export function noOkrRowsMessage(workbook: Workbook): string | undefined {
  if (workbook.okr.rows.length > 0) return undefined;
  const problems = leftOutTabs(workbook);
  if (problems.filter((f) => f.rule === 'missing-tab').length === 3) {
    return 'There are no OKR tabs yet. Run Set up workbook to create them, or Insert sample OKRs to see an example.';
  }
  const columns = problems.filter((f) => f.rule === 'missing-column');
  if (columns.length > 0) {
    return `No OKR rows could be read:\n${columns.map((f) => `• ${formatFinding(f)}`).join('\n')}`;
  }
  return 'The OKR tabs have no rows yet: add objectives and key results (or Insert sample OKRs) first.';
}

/** One line per tab left out, for the end of an action's summary; "" when none. */
export function leftOutNote(workbook: Workbook): string {
  const problems = leftOutTabs(workbook);
  if (problems.length === 0) return '';
  return `\n\nLeft out:\n${problems.map((f) => `• ${formatFinding(f)}`).join('\n')}`;
}
