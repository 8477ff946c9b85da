/**
 * Data validation rules and the Status colours of §2.5, each built once per action and shared
 * by every tab that needs it: a builder call is a service call, and Set up has a budget of
 * 150 (§6.1). A built rule is a value, so two tabs may use the same one; a builder stays
 * usable after build() (each build is a snapshot of the builder as it stands).
 */
import { STATUSES, type Status } from '../../core/status';
import { columnLetter } from '../../core/workbook/a1';
import type { ValidationRule } from '../layout';
import { STATUS_STYLE } from '../status-style';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type RuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type Validation = GoogleAppsScript.Spreadsheet.DataValidation;
type ValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

/** Is this one of the Status colour rules set-up writes (by its condition and colour)? */
export function isStatusColourRule(rule: Rule): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition) return false;
  const value = condition.getCriteriaValues()[0];
  const status = STATUSES.find((s) => s === value);
  return (
    status !== undefined &&
    String(condition.getBackground() ?? '').toLowerCase() === STATUS_STYLE[status as Status].background
  );
}

export class SetupStyles {
  private readonly validations = new Map<string, Validation>();
  private lists: ValidationBuilder | undefined;
  private numbers: ValidationBuilder | undefined;
  private templates: Readonly<Record<Status, RuleBuilder>> | undefined;

  /** The built rule for `rule`, made on first use. */
  validation(rule: ValidationRule): Validation {
    const key = JSON.stringify(rule);
    const known = this.validations.get(key);
    if (known) return known;
    let built: Validation;
    if (rule.kind === 'list') {
      // Warn, not reject (the default for a new rule): core also reads words typed in another case or spacing.
      this.lists ??= SpreadsheetApp.newDataValidation();
      built = this.lists
        .requireValueInList([...rule.values], true)
        .setHelpText(rule.help)
        .build();
    } else {
      this.numbers ??= SpreadsheetApp.newDataValidation().setAllowInvalid(false);
      const builder =
        rule.kind === 'atLeast'
          ? this.numbers.requireNumberGreaterThanOrEqualTo(rule.min)
          : this.numbers.requireNumberBetween(rule.min, rule.max);
      built = builder.build();
    }
    this.validations.set(key, built);
    return built;
  }

  /**
   * The four Status colour rules on a Status column (0-based) from row 2 down, open-ended
   * (`R2:R`: a range with no end row,
   * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#GridRange),
   * so rows added later are coloured too.
   */
  statusRules(sheet: Sheet, column: number): Rule[] {
    const letter = columnLetter(column);
    const range = sheet.getRange(`${letter}2:${letter}`);
    this.templates ??= Object.fromEntries(
      STATUSES.map((status) => [
        status,
        // The tint alone: every status tint is light enough for the sheet's own text colour.
        SpreadsheetApp.newConditionalFormatRule()
          .whenTextEqualTo(status)
          .setBackground(STATUS_STYLE[status].background),
      ]),
    ) as Record<Status, RuleBuilder>;
    const templates = this.templates;
    return STATUSES.map((status) => templates[status].setRanges([range]).build());
  }
}
