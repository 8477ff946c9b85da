/**
 * Row groups as Apps Script documents them (local/emulator/spreadsheet/groups.ts): the
 * Roll-up groups each objective's rows under it so they can be collapsed.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../local/emulator/index.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** getRowGroup throws rather than return null (the types allow null). */
function groupOf(s: Sheet, row: number, depth: number): GoogleAppsScript.Spreadsheet.Group {
  return s.getRowGroup(row, depth) as GoogleAppsScript.Spreadsheet.Group;
}

function sheet() {
  const emu = createEmulator();
  return { emu, sheet: emu.spreadsheet.getSheets()[0] as Sheet };
}

describe('row groups', () => {
  it('shiftRowGroupDepth creates nested groups; getRowGroup finds them by depth', () => {
    const { sheet: s } = sheet();
    s.getRange('3:10').shiftRowGroupDepth(1);
    s.getRange('5:6').shiftRowGroupDepth(1);
    expect([2, 3, 5, 10, 11].map((r) => s.getRowGroupDepth(r))).toEqual([0, 1, 2, 1, 0]);
    const outer = groupOf(s, 4, 1);
    expect([outer.getDepth(), outer.getRange().getRow(), outer.getRange().getNumRows()]).toEqual([1, 3, 8]);
    const inner = groupOf(s, 5, 2);
    expect([inner.getRange().getRow(), inner.getRange().getLastRow()]).toEqual([5, 6]);
    expect(() => s.getRowGroup(2, 1)).toThrow('A row group does not exist at index 2 and depth 1.');
    expect(() => s.getRowGroup(4, 3)).toThrow();
  });

  it('ranges from one getRangeList are one call however many, and each shifts its own rows', () => {
    const { emu, sheet: s } = sheet();
    emu.calls.reset();
    const ranges = s.getRangeList(['A3:A5', 'A8:A9', 'A12:A20']).getRanges();
    expect(emu.calls.snapshot()).toEqual({ 'RangeList.getRanges': 1, 'Sheet.getRangeList': 1 });
    for (const range of ranges) range.shiftRowGroupDepth(1);
    expect([2, 3, 5, 6, 8, 9, 10, 12, 20, 21].map((r) => s.getRowGroupDepth(r))).toEqual([
      0, 1, 1, 0, 1, 1, 0, 1, 1, 0,
    ]);
  });

  it('adjacent rows of one depth are one group, and depth stays within 0 to 8', () => {
    const { sheet: s } = sheet();
    s.getRange('2:3').shiftRowGroupDepth(1);
    s.getRange('4:5').shiftRowGroupDepth(1);
    expect(groupOf(s, 2, 1).getRange().getLastRow()).toBe(5);
    s.getRange('2:2').shiftRowGroupDepth(20);
    expect(s.getRowGroupDepth(2)).toBe(8);
    s.getRange('2:5').shiftRowGroupDepth(-20);
    expect(s.getRowGroupDepth(2)).toBe(0);
    expect(() => s.getRowGroup(3, 1)).toThrow();
  });

  it('the control toggle sits after the group by default, before it when asked', () => {
    const { emu, sheet: s } = sheet();
    s.getRange('3:4').shiftRowGroupDepth(1);
    expect(String(s.getRowGroupControlPosition())).toBe('AFTER');
    expect(groupOf(s, 3, 1).getControlIndex()).toBe(5);
    // The toggle's own index finds the group too.
    expect(groupOf(s, 5, 1).getRange().getRow()).toBe(3);
    const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    s.setRowGroupControlPosition(app.GroupControlTogglePosition.BEFORE);
    expect(groupOf(s, 3, 1).getControlIndex()).toBe(2);
    expect(groupOf(s, 2, 1).getRange().getRow()).toBe(3);
  });

  it('collapse and expand; remove lowers the depth by one', () => {
    const { sheet: s } = sheet();
    s.getRange('3:6').shiftRowGroupDepth(2);
    const group = groupOf(s, 3, 2);
    expect(group.collapse().isCollapsed()).toBe(true);
    expect(groupOf(s, 4, 2).isCollapsed()).toBe(true);
    s.expandAllRowGroups();
    expect(group.isCollapsed()).toBe(false);
    s.collapseAllRowGroups();
    expect(groupOf(s, 3, 1).isCollapsed()).toBe(true);
    groupOf(s, 3, 2).remove();
    expect(s.getRowGroupDepth(4)).toBe(1);
  });

  it('rows inserted inside a group join it; deleted rows leave it', () => {
    const { sheet: s } = sheet();
    s.getRange('3:5').shiftRowGroupDepth(1);
    s.insertRowsAfter(3, 2);
    expect(groupOf(s, 3, 1).getRange().getLastRow()).toBe(7);
    s.insertRowsBefore(1, 1);
    expect(groupOf(s, 4, 1).getRange().getRow()).toBe(4);
    s.deleteRows(4, 2);
    expect(groupOf(s, 4, 1).getRange().getNumRows()).toBe(3);
  });
});
