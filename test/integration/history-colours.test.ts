/**
 * §2.5 status colours on History cover every row, including rows later snapshots add
 * (the rules are open-ended: G2:G), whether Set up or Record snapshot made the tab.
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { sampleWorkbook } from '../../src/core/workbook/sample';
import { emulatedToday, writeGrids } from '../support/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const STATUS_COLUMN = 7; // Date, Level, ID, Title, Score, Expected, Status

function history(rt: AddonRuntime): Sheet {
  return rt.emulator.spreadsheet.getSheetByName('History') as Sheet;
}
const background = (sheet: Sheet, row: number) =>
  (sheet as unknown as { _effectiveBackground(r: number, c: number): string })._effectiveBackground(row, STATUS_COLUMN);

describe('History keeps its status colours', () => {
  it('on rows a second day’s snapshot adds, when Record snapshot created the tab', () => {
    let now = new Date('2027-02-15T12:00:00Z');
    const rt = loadAddon({ now: () => now, timeZone: 'Europe/London' });
    const { history: _none, ...grids } = sampleWorkbook(emulatedToday(rt));
    writeGrids(rt, grids);
    rt.call('recordSnapshot');
    now = new Date('2027-02-22T12:00:00Z');
    rt.call('recordSnapshot');
    const sheet = history(rt);
    const values = sheet.getDataRange().getValues();
    expect(values).toHaveLength(1 + 2 * 37);
    const last = values.length;
    // C-KR2 is Done both days: blue on the first day's row and on the second's.
    const rows = values.flatMap((r, i) => (r[2] === 'C-KR2' ? [i + 1] : []));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(background(sheet, row)).toBe('#cfe2f3');
    expect(values[last - 1]?.[STATUS_COLUMN - 1]).not.toBe('');
    expect(background(sheet, last)).not.toBe('#ffffff');
  });

  it('past the rows the tab had when Set up coloured it', () => {
    const rt = loadAddon({ now: () => new Date('2027-02-15T12:00:00Z') });
    rt.call('setUpWorkbook');
    const sheet = history(rt);
    sheet.insertRowsAfter(sheet.getMaxRows(), 500);
    sheet.getRange(1400, STATUS_COLUMN).setValue('At risk');
    expect(background(sheet, 1400)).toBe('#f4cccc');
  });
});
