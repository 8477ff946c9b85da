/**
 * Set up workbook after the user deleted one OKR tab: Sheets turned every reference to it into
 * #REF! (the Score formulas of the other tabs read all three, the KPIs' SMART reads their IDs),
 * and running Set up again is how the user gets the tab back. It recreates the tab, rewrites the
 * broken live formulas, and keeps every cell the user typed on the other tabs.
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { headerRow, OKR_SCHEMA, TAB } from '../../src/core/workbook/schema';
import { brokenFormulas, pickColumns, snapshotCells, writeSampleWorkbook } from '../support/workbook';

const CLOCK = { now: () => new Date('2027-02-15T12:00:00Z'), timeZone: 'Europe/London' };
const COMPUTED = new Set(['Score', 'Expected', 'Status', 'Progress', 'SMART', 'In use']);

const lastPrompt = (rt: AddonRuntime) => (rt.emulator.uiState.alerts.at(-1) as { prompt: string }).prompt;

/** Each tab's cells in the columns the user fills (not a live formula's). */
function userCells(rt: AddonRuntime, tabs: readonly string[]) {
  const cells = snapshotCells(rt.emulator.spreadsheet, tabs);
  return Object.fromEntries(
    Object.entries(cells).map(([tab, { values, formulas }]) => {
      const columns = (values[0] ?? []).flatMap((header, c) => (COMPUTED.has(String(header)) ? [] : [c]));
      return [tab, { values: pickColumns(values, columns), formulas: pickColumns(formulas, columns) }];
    }),
  );
}

describe.each([TAB.corporate, TAB.department, TAB.team])('Set up again after "%s" was deleted', (tab) => {
  it('recreates the tab and mends the live formulas that read it, keeping the other tabs’ cells', () => {
    const rt = loadAddon(CLOCK);
    writeSampleWorkbook(rt);
    rt.call('setUpWorkbook');
    const ss = rt.emulator.spreadsheet;
    const others = ss
      .getSheets()
      .map((s) => s.getName())
      .filter((name) => name !== tab);
    const before = userCells(rt, others);
    ss.deleteSheet(ss.getSheetByName(tab) as GoogleAppsScript.Spreadsheet.Sheet);
    // As in Sheets: the other tabs' Score (and the KPIs' SMART) now read #REF!.
    expect(brokenFormulas(rt).length).toBeGreaterThan(0);

    rt.call('setUpWorkbook');
    expect(lastPrompt(rt)).toMatch(/^The workbook is set up:\n/);
    expect(lastPrompt(rt)).toContain(`• created "${tab}"`);
    const sheet = ss.getSheetByName(tab) as GoogleAppsScript.Spreadsheet.Sheet;
    expect(sheet.getRange(1, 1, 1, OKR_SCHEMA.columns.length).getValues()[0]).toEqual(headerRow(OKR_SCHEMA));
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getRange('P1').getFormula()).toMatch(/^=ARRAYFORMULA\(IF\(SEQUENCE\(ROWS\(/);
    expect(userCells(rt, others)).toEqual(before);
    expect(brokenFormulas(rt)).toEqual([]);

    // The other tabs show what a workbook that never had the tab's rows shows after Set up.
    const fresh = loadAddon(CLOCK);
    writeSampleWorkbook(fresh);
    fresh.emulator.spreadsheet.deleteSheet(
      fresh.emulator.spreadsheet.getSheetByName(tab) as GoogleAppsScript.Spreadsheet.Sheet,
    );
    fresh.call('setUpWorkbook');
    expect(snapshotCells(ss)).toEqual(snapshotCells(fresh.emulator.spreadsheet));
  });
});
