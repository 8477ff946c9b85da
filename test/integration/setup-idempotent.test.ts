/**
 * Set up stays idempotent when Sheets normalises formula text (issue 9, point 4): Sheets drops
 * quotes a sheet name does not need (`'Settings'!$C$4` reads back `Settings!$C$4`), so a Set up
 * that compares getFormulas() with the text it would write verbatim finds every live formula
 * "changed" on every run. Red until the add-on compares through src/sheets/formula-text.ts.
 */
import { describe, expect, it } from 'vitest';
import { loadAddon } from '../../local/runtime';
import { snapshotCells } from '../support/workbook';

const NOW = new Date('2027-02-15T12:00:00Z');

describe('Set up workbook, run again on the sample workbook', () => {
  it('reports nothing to change and changes nothing', () => {
    const rt = loadAddon({ now: () => NOW });
    rt.call('insertSampleOkrs');
    rt.call('setUpWorkbook');
    const cells = snapshotCells(rt.emulator.spreadsheet);
    const alerts = rt.emulator.uiState.alerts;
    alerts.length = 0;
    rt.call('setUpWorkbook');
    expect((alerts[0] as { prompt: string }).prompt).toBe('The workbook was already set up: nothing needed to change.');
    expect(snapshotCells(rt.emulator.spreadsheet)).toEqual(cells);
  });
});
