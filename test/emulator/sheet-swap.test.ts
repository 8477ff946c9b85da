/**
 * What swapping a report built aside relies on (src/sheets/generated.ts): a sheet inserted at
 * an index lands there, a hidden sheet can be shown, and a chart keeps its data when its sheet
 * is renamed (chart sources are GridRanges, which name their sheet by id).
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../local/emulator/index.js';

describe('swapping a sheet in', () => {
  it('inserts at the index asked, and a chart follows its sheet’s new name', () => {
    const emu = createEmulator();
    const ss = emu.spreadsheet;
    ss.insertSheet('Report');
    const fresh = ss.insertSheet('Report (new)', 1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Report (new)', 'Report']);
    fresh.getRange('A1:B2').setValues([
      ['Unit', 'Score'],
      ['Sales', 0.5],
    ]);
    fresh.hideSheet();
    fresh.insertChart(fresh.newChart().addRange(fresh.getRange('A1:B2')).asColumnChart().build());
    ss.deleteSheet(ss.getSheetByName('Report') as GoogleAppsScript.Spreadsheet.Sheet);
    fresh.setName('Report');
    fresh.showSheet();
    expect(fresh.isSheetHidden()).toBe(false);
    const [chart] = fresh.getCharts();
    expect(chart?.getRanges().map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`)).toEqual(['Report!A1:B2']);
  });
});
