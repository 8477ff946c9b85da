/**
 * §2.5 status colours on History cover every row, including rows later snapshots add
 * (the rules are open-ended: G2:G), whoever made the tab: a History with no row yet, made by
 * Set up, by Record snapshot or by hand, gets them with its first snapshot (Set up has no row
 * to colour there); Insert sample colours the rows it writes.
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { sampleWorkbook } from '../../src/core/workbook/sample';
import { HISTORY_SCHEMA, headerRow } from '../../src/core/workbook/schema';
import { emulatedToday, snapshotCells, writeGrids } from '../support/workbook';

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

  it('past the rows the tab had when Insert sample coloured it', () => {
    const rt = loadAddon({ now: () => new Date('2027-02-15T12:00:00Z') });
    rt.call('insertSampleOkrs');
    const sheet = history(rt);
    sheet.insertRowsAfter(sheet.getMaxRows(), 500);
    sheet.getRange(1400, STATUS_COLUMN).setValue('At risk');
    expect(background(sheet, 1400)).toBe('#f4cccc');
  });

  it('on a History Set up made empty: none until the first snapshot colours it, one set after', () => {
    const rt = loadAddon({ now: () => new Date('2027-02-15T12:00:00Z'), timeZone: 'Europe/London' });
    rt.call('setUpWorkbook');
    const sheet = history(rt);
    expect(sheet.getConditionalFormatRules()).toHaveLength(0);
    const { history: _none, ...grids } = sampleWorkbook(emulatedToday(rt));
    writeGrids(rt, { corporate: grids.corporate, department: grids.department, team: grids.team });
    rt.call('recordSnapshot');
    expect(sheet.getConditionalFormatRules()).toHaveLength(4);
    const values = sheet.getDataRange().getValues();
    const row = values.findIndex((r) => r[2] === 'C-KR2') + 1;
    expect(background(sheet, row)).toBe('#cfe2f3');
    rt.call('setUpWorkbook');
    rt.call('recordSnapshot');
    expect(sheet.getConditionalFormatRules()).toHaveLength(4);
  });

  describe('on a History made by hand with only its header (no mark)', () => {
    type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
    const specs = (rules: Rule[]) => rules.map((r) => (r as unknown as { _spec: unknown })._spec);
    const CLOCK = { now: () => new Date('2027-02-15T12:00:00Z'), timeZone: 'Europe/London' };
    /** The sample's tabs and a History holding only its header, with a rule of the user's on it. */
    function handMade(): AddonRuntime {
      const rt = loadAddon(CLOCK);
      const { history: _none, ...grids } = sampleWorkbook(emulatedToday(rt));
      writeGrids(rt, { ...grids, history: [headerRow(HISTORY_SCHEMA)] });
      const sheet = history(rt);
      const mine = SpreadsheetAppOf(rt)
        .newConditionalFormatRule()
        .whenTextEqualTo('Corporate')
        .setBold(true)
        .setRanges([sheet.getRange('B2:B')])
        .build();
      sheet.setConditionalFormatRules([mine]);
      return rt;
    }
    const SpreadsheetAppOf = (rt: AddonRuntime) =>
      rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;

    it('Set up leaves its rules to the first snapshot, which colours the rows and keeps the user’s rule first', () => {
      const rt = handMade();
      const sheet = history(rt);
      const before = specs(sheet.getConditionalFormatRules());
      rt.call('setUpWorkbook');
      expect(specs(sheet.getConditionalFormatRules())).toEqual(before);
      expect(sheet.getFrozenRows()).toBe(1);
      rt.call('recordSnapshot');
      const rules = sheet.getConditionalFormatRules();
      expect(rules).toHaveLength(5);
      expect(specs(rules)[0]).toEqual(before[0]);
      const values = sheet.getDataRange().getValues();
      const row = values.findIndex((r) => r[2] === 'C-KR2') + 1;
      expect(background(sheet, row)).toBe('#cfe2f3');
      // Set up again, and a second day's snapshot, add no rule.
      rt.call('setUpWorkbook');
      rt.call('recordSnapshot');
      expect(sheet.getConditionalFormatRules()).toHaveLength(5);
    });

    it('a snapshot failing at any write leaves its rules and cells as they were', () => {
      const changes = (() => {
        const rt = handMade();
        rt.emulator.faults.set({ nth: 1_000_000 });
        rt.call('recordSnapshot');
        return rt.emulator.faults.changes;
      })();
      expect(changes).toBeGreaterThan(1);
      for (let nth = 1; nth <= changes; nth++) {
        const rt = handMade();
        const sheet = history(rt);
        const rules = specs(sheet.getConditionalFormatRules());
        const cells = snapshotCells(rt.emulator.spreadsheet, ['History']);
        rt.emulator.faults.set({ nth });
        rt.call('recordSnapshot');
        rt.emulator.faults.clear();
        expect(rt.emulator.uiState.alerts.at(-1)?.prompt, `write ${nth}`).toMatch(/Nothing was changed\.$/);
        expect(specs(sheet.getConditionalFormatRules()), `write ${nth}`).toEqual(rules);
        expect(snapshotCells(rt.emulator.spreadsheet, ['History']), `write ${nth}`).toEqual(cells);
      }
    });
  });
});
