/**
 * The local playground's page (playground.html): a Sheets-like view of the emulated
 * workbook — menu bar with the add-on's menu, grid, tabs — beside the real sidebar (an
 * iframe of the built sidebar.html, 300 px as in Sheets). Clicking a row selects it, as a
 * click in Sheets would, so "Load selected row" in the sidebar picks it up. Cell text is
 * put into the page with textContent only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddonRuntime } from './runtime';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export function playgroundPage(): string {
  return readFileSync(path.join(HERE, 'playground.html'), 'utf8');
}

/** chart.js's browser build, served from node_modules: the page loads nothing from the network. */
export function chartLibrary(): string {
  return readFileSync(path.join(HERE, '../node_modules/chart.js/dist/chart.umd.js'), 'utf8');
}

export function selectRow(rt: AddonRuntime, tab: string, row: number): void {
  rt.emulator.calls.uncounted(() => {
    const sheet = rt.emulator.spreadsheet.getSheetByName(tab);
    if (!sheet || !Number.isInteger(row) || row < 1) throw new Error(`No row ${row} on "${tab}"`);
    sheet.activate();
    sheet.getRange(row, 1).activate();
  });
}
