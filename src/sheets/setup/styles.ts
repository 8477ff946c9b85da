/**
 * Data validation rules, each built once per action and shared by every tab that needs it, and
 * the Status colours of §2.5, built by one builder for every sheet: a builder call is a service
 * call, and Set up has a budget of 150 (§6.1). A built rule is a value, so two tabs may use the
 * same validation; a builder stays usable after build() (each build is a snapshot of the
 * builder as it stands).
 */
import { STATUSES, type Status } from '../../core/status';
import type { Journal } from '../journal';
import type { ValidationRule } from '../layout';
import { STATUS_STYLE } from '../status-style';
import { openA1, type SetupWrites } from './sheet-writes';

type Range = GoogleAppsScript.Spreadsheet.Range;
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

/** A sheet whose Status column gets the colours. */
export interface StatusColouring {
  readonly sheet: Sheet;
  readonly name: string;
  /** Made by this action: its deletion undoes the rules. */
  readonly newSheet: boolean;
  /** The sheet's rules as read, put back by the undo. */
  readonly before: readonly Rule[];
  /** The user's rules among them, kept in front of ours. */
  readonly kept: readonly Rule[];
  /** The Status column from row 2 down, once fetched. */
  range?: Range;
}

export class SetupStyles {
  private readonly validations = new Map<string, Validation>();
  private lists: ValidationBuilder | undefined;
  private numbers: ValidationBuilder | undefined;
  private builder: RuleBuilder | undefined;
  /** What the builder holds now. */
  private status: Status | undefined;
  private range: Range | undefined;
  private readonly colourings: StatusColouring[] = [];

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
   * Queues the four Status colour rules of a sheet, on its Status column from row 2 down,
   * open-ended (`R2:R`: a range with no end row,
   * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#GridRange),
   * so rows added later are coloured too. The column's range comes with the sheet's other
   * writes; applyStatusColours sets the rules, after `kept` (a user's own, in their order).
   */
  colourStatuses(writes: SetupWrites, colouring: Omit<StatusColouring, 'range'>, column: number): void {
    const entry: StatusColouring = { ...colouring };
    this.colourings.push(entry);
    writes.at(colouring.sheet, openA1(2, column, column), (range) => {
      entry.range = range;
    });
  }

  /**
   * Sets the queued sheets' Status colours, once their writes are made. One builder makes every
   * rule: a rule builder's methods change only what they set, and each build() is a rule of the
   * builder as it stands then, so the rules are built status by status across the sheets, and
   * each rule after the first costs its setRanges (which replaces the ranges) and its build()
   * (https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#setRanges(Range),
   * …#build()). A rule's ranges must all be on its sheet
   * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#ConditionalFormatRule),
   * so no rule serves two sheets. Each sheet gets the four rules in the order of §2.5.
   */
  applyStatusColours(journal: Journal): void {
    const colourings = this.colourings.splice(0);
    if (colourings.length === 0) return;
    const built = new Map(colourings.map((c) => [c, new Map<Status, Rule>()] as const));
    // Start with the status the builder holds, and go back and forth over the sheets, so that
    // each turn from one status to the next keeps the range it had.
    const statuses = this.status === STATUSES[STATUSES.length - 1] ? [...STATUSES].reverse() : [...STATUSES];
    let order = colourings;
    for (const status of statuses) {
      for (const colouring of order) built.get(colouring)?.set(status, this.rule(status, colouring));
      order = [...order].reverse();
    }
    for (const colouring of colourings) {
      const { sheet, name, before, kept } = colouring;
      const rules = built.get(colouring) as Map<Status, Rule>;
      sheet.setConditionalFormatRules([...kept, ...STATUSES.map((status) => rules.get(status) as Rule)]);
      if (!colouring.newSheet) {
        journal.record(`${name}: Status colours (conditional formatting)`, () =>
          sheet.setConditionalFormatRules([...before]),
        );
      }
    }
  }

  private rule(status: Status, colouring: StatusColouring): Rule {
    const range = colouring.range;
    if (range === undefined) throw new Error(`Set up: the Status column of "${colouring.name}" was not fetched`);
    // The tint alone: every status tint is light enough for the sheet's own text colour.
    this.builder ??= SpreadsheetApp.newConditionalFormatRule();
    if (this.status !== status) {
      this.builder.whenTextEqualTo(status).setBackground(STATUS_STYLE[status].background);
      this.status = status;
    }
    if (this.range !== range) {
      this.builder.setRanges([range]);
      this.range = range;
    }
    return this.builder.build();
  }
}
