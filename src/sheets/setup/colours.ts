/**
 * The Status colours of §2.5 as conditional format rules on a Status column. The
 * sheet's other rules (a user's) are kept, in their order; ours are recognised by
 * their condition and colour and replaced, so running set-up again adds nothing.
 */
import { STATUSES, type Status } from '../../core/status';
import { STATUS_STYLE } from '../status-style';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

function isOurs(rule: Rule): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition || String(condition.getCriteriaType()) !== 'TEXT_EQUAL_TO') return false;
  const status = STATUSES.find((s) => s === condition.getCriteriaValues()[0]);
  return (
    status !== undefined &&
    String(condition.getBackground() ?? '').toLowerCase() === STATUS_STYLE[status as Status].background
  );
}

export function applyStatusColours(sheet: Sheet, column: number): void {
  const range = sheet.getRange(2, column + 1, sheet.getMaxRows() - 1, 1);
  const ours = STATUSES.map((status) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo(status)
      .setBackground(STATUS_STYLE[status].background)
      .setFontColor(STATUS_STYLE[status].font)
      .setRanges([range])
      .build(),
  );
  const kept = sheet.getConditionalFormatRules().filter((rule) => !isOurs(rule));
  sheet.setConditionalFormatRules([...kept, ...ours]);
}
