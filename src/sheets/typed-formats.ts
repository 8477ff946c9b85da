/**
 * §1.2 for values typed straight into an OKR or KPI tab: the rows an edit touched get their
 * Unit of measure's number format at once, as rows written by the sidebar do. Two reads (the
 * header row, the edited rows) and one setNumberFormats per run of value columns.
 */
import { isTypedTab, typedRowFormats } from '../core/workbook/measures';
import { writeMeasureFormats } from './measure-formats';

type Range = GoogleAppsScript.Spreadsheet.Range;

export function formatTypedRows(range: Range): void {
  const sheet = range.getSheet();
  const tab = sheet.getName();
  if (!isTypedTab(tab)) return;
  const firstRow = Math.max(2, range.getRow());
  const lastRow = range.getLastRow();
  const width = sheet.getLastColumn();
  if (lastRow < firstRow || width === 0) return;
  const header = sheet.getRange(1, 1, 1, width).getValues();
  const rows = sheet.getRange(firstRow, 1, lastRow - firstRow + 1, width).getValues();
  const formats = typedRowFormats(tab, [...header, ...rows], range.getColumn() - 1, range.getLastColumn() - 1);
  if (formats === undefined) return;
  writeMeasureFormats(sheet, formats.columns, formats.formats, firstRow);
}
