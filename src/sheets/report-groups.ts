/**
 * Row groups on a generated report (§4.2: each objective's subtree can be collapsed).
 * Apps Script sets a group with one Range.shiftRowGroupDepth per interval
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#shiftRowGroupDepth(Integer));
 * RangeList has no such method, so the calls grow with the groups. At most MAX_ROW_GROUPS are
 * written, the shallowest first (every corporate objective before any department one), which
 * keeps an action's calls bounded whatever the row count (§6.1). Their ranges come from one
 * Sheet.getRangeList. Sheets nests groups at most 8 deep; deeper ones are left out.
 */
import { rangeA1 } from '../core/workbook/a1';
import type { RowGroup } from './report-sheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const MAX_ROW_GROUPS = 20;
const MAX_DEPTH = 8;

/** Groups nested in tree order; `depth` is how many of the listed groups contain each one. */
export function boundedGroups(groups: readonly RowGroup[]): RowGroup[] {
  const sorted = [...groups].sort((a, b) => a.first - b.first || b.last - a.last);
  const open: RowGroup[] = [];
  const withDepth: { group: RowGroup; depth: number; order: number }[] = [];
  sorted.forEach((group, order) => {
    while (open.length > 0 && (open[open.length - 1] as RowGroup).last < group.first) open.pop();
    const depth = open.length + 1;
    open.push(group);
    if (depth <= MAX_DEPTH) withDepth.push({ group, depth, order });
  });
  return withDepth
    .sort((a, b) => a.depth - b.depth || a.order - b.order)
    .slice(0, MAX_ROW_GROUPS)
    .sort((a, b) => a.order - b.order)
    .map((g) => g.group);
}

/** The toggle on the objective's own row (before its group), then one shift per group. */
export function writeRowGroups(sheet: Sheet, groups: readonly RowGroup[]): void {
  const kept = boundedGroups(groups);
  if (kept.length === 0) return;
  sheet.setRowGroupControlPosition(SpreadsheetApp.GroupControlTogglePosition.BEFORE);
  const ranges = sheet.getRangeList(kept.map(({ first, last }) => rangeA1(first, 1, last - first + 1, 1))).getRanges();
  for (const range of ranges) range.shiftRowGroupDepth(1);
}
