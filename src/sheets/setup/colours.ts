/**
 * The Status colours of §2.5 as conditional format rules on a Status column. The
 * sheet's other rules (a user's) are kept, in their order; ours are recognised by
 * their condition and colour and replaced, so running set-up again adds nothing.
 */
import { STATUSES, type Status } from '../../core/status';
import { columnLetter } from '../../core/workbook/a1';
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

/**
 * The rule covers the column from row 2 down, open-ended (`G2:G`: a range with no end row,
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#GridRange),
 * so rows a snapshot appends later, after the sheet was fitted to fewer rows, are coloured too.
 * One builder makes the four: its methods change only what they set, and each build() is a
 * rule of the builder as it stands then
 * (https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#build()).
 */
function statusRules(sheet: Sheet, column: number): Rule[] {
  const letter = columnLetter(column);
  const builder = SpreadsheetApp.newConditionalFormatRule().setRanges([sheet.getRange(`${letter}2:${letter}`)]);
  return STATUSES.map((status) =>
    builder
      .whenTextEqualTo(status)
      .setBackground(STATUS_STYLE[status].background)
      .setFontColor(STATUS_STYLE[status].font)
      .build(),
  );
}

/**
 * Status colours on a sheet whose rules were read before anything was written (a read after a
 * write costs a round trip, §6.1): a user's rules are kept, in their order, ours go after them.
 * Writes nothing and returns false when ours are in place already.
 */
export function colourStatusesOver(sheet: Sheet, column: number, before: readonly Rule[]): boolean {
  const ours = before.filter(isOurs);
  if (ours.length >= STATUSES.length) return false;
  sheet.setConditionalFormatRules([...before.filter((rule) => !ours.includes(rule)), ...statusRules(sheet, column)]);
  return true;
}

/** On a sheet the add-on just created (it has no rules to keep): nothing is read back. */
export function colourNewSheetStatuses(sheet: Sheet, column: number): void {
  sheet.setConditionalFormatRules(statusRules(sheet, column));
}
