/**
 * Set-up of one table tab (§4.1): create it, or add the columns of ours it lacks
 * after its last used column, and give what it adds its header, width, number
 * format and validation. A user's columns and cells are never written. Every
 * call here is per tab or per column, never per row (§6.1).
 */
import { mapHeaders } from '../../core/workbook/schema';
import { ensureSize, writeBlock } from '../io';
import { planTable, type TableLayout, type TablePlan, type ValidationRule } from '../layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface PreparedTable<K extends string> {
  readonly sheet: Sheet;
  readonly plan: TablePlan<K>;
  readonly created: boolean;
  /** Formulas in row 1, as read before set-up (to tell whether a live formula changed). */
  readonly headerFormulas: readonly string[];
}

export type TableOutcome<K extends string> =
  | { readonly kind: 'ready'; readonly table: PreparedTable<K> }
  | { readonly kind: 'foreign'; readonly message: string };

/** A data row of the sheet from row 2 to the last row: where validation and formats go. */
function bodyOf(sheet: Sheet, column: number): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(2, column + 1, sheet.getMaxRows() - 1, 1);
}

function buildValidation(rule: ValidationRule): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation().setHelpText(rule.help);
  switch (rule.kind) {
    case 'list':
      // Warn, not reject: core also reads words typed in another case or spacing.
      return builder
        .requireValueInList([...rule.values], true)
        .setAllowInvalid(true)
        .build();
    case 'atLeast':
      return builder.requireNumberGreaterThanOrEqualTo(rule.min).setAllowInvalid(false).build();
    default:
      return builder.requireNumberBetween(rule.min, rule.max).setAllowInvalid(false).build();
  }
}

/**
 * Finds or creates the tab and adds missing columns. A sheet of an add-on-only
 * tab's name (Check-ins, History) that holds something else is a user's: it is
 * reported and left exactly as it is.
 */
export function prepareTable<K extends string>(ss: Spreadsheet, layout: TableLayout<K>): TableOutcome<K> {
  const existing = ss.getSheetByName(layout.tab);
  const sheet = existing ?? ss.insertSheet(layout.tab, ss.getNumSheets());
  const lastColumn = existing ? sheet.getLastColumn() : 0;
  const headerRange = lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn) : undefined;
  const headers = headerRange ? (headerRange.getValues()[0] ?? []) : [];
  const headerFormulas = headerRange ? (headerRange.getFormulas()[0] ?? []) : [];
  if (!layout.userTable && existing && sheet.getLastRow() > 0) {
    const map = mapHeaders(layout.tab, headers, layout.schema);
    if (!map.usable) {
      return {
        kind: 'foreign',
        message: `"${layout.tab}" is a sheet of yours with other columns, so it was left as it is. Rename it and run Set up workbook again to let OKR Cascade keep its ${layout.tab} there.`,
      };
    }
  }
  const plan = planTable(layout.tab, headers, lastColumn, layout.schema);
  const fresh = lastColumn === 0;
  const width = Math.max(...Object.values<number>(plan.index)) + 1;
  ensureSize(sheet, 2, width);

  const added = plan.appended;
  if (added.length > 0) {
    const first = (added[0]?.index ?? 0) + 1;
    const headerCells = sheet.getRange(1, first, 1, added.length);
    writeBlock(sheet, 1, first, [added.map(({ key }) => headerOf(layout, key))]);
    headerCells.setFontWeight('bold');
  }
  if (sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);

  // Widths, formats and validation only where the column is new: a user's own
  // column keeps how they formatted it. Computed columns are ours: always formatted.
  for (const def of layout.schema.columns) {
    const column = plan.index[def.key];
    const isNew = fresh || added.some((a) => a.key === def.key);
    const spec = layout.columns[def.key];
    if (isNew) sheet.setColumnWidth(column + 1, spec.width);
    if (spec.format && (isNew || def.computed)) bodyOf(sheet, column).setNumberFormat(spec.format);
    if (spec.validation && isNew) bodyOf(sheet, column).setDataValidation(buildValidation(spec.validation));
  }
  return { kind: 'ready', table: { sheet, plan, created: !existing || fresh, headerFormulas } };
}

function headerOf<K extends string>(layout: TableLayout<K>, key: K): string {
  return layout.schema.columns.find((c) => c.key === key)?.header ?? key;
}
